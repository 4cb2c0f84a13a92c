import type { ApiErrorBody, ErrorCode } from '../../shared/api.js';
import type { CoreSentence, I18nText } from '../../shared/core-text.js';

/** An error meant for the user: a clear message, a code the panel can act on, and field details. */
export class CommandError extends Error {
  /** `message` by key, when it is one of the core's sentences. */
  readonly i18n: I18nText | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string | CoreSentence,
    readonly fields?: Record<string, string>,
  ) {
    super(typeof message === 'string' ? message : message.text);
    this.name = 'CommandError';
    this.i18n = typeof message === 'string' ? undefined : message.i18n;
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}), ...(this.i18n ? { i18n: this.i18n } : {}) };
  }
}
