import type { ApiErrorBody, ErrorCode } from '../../shared/api.js';
import type { CoreSentence, I18nText } from '../../shared/core-text.js';

/** An error meant for the user: a clear message, a code the panel can act on, and field details. */
export class CommandError extends Error {
  /** `message` by key, when it is one of the core's sentences. */
  readonly i18n: I18nText | undefined;
  /** Field-level notes in English (log, fallback); `fieldsI18n` has those that are core sentences. */
  readonly fields: Record<string, string> | undefined;
  readonly fieldsI18n: Record<string, I18nText> | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string | CoreSentence,
    fields?: Record<string, string | CoreSentence>,
  ) {
    super(typeof message === 'string' ? message : message.text);
    this.name = 'CommandError';
    this.i18n = typeof message === 'string' ? undefined : message.i18n;
    const entries = Object.entries(fields ?? {});
    this.fields = fields && Object.fromEntries(entries.map(([k, v]) => [k, typeof v === 'string' ? v : v.text]));
    const keyed = entries.flatMap(([k, v]) => (typeof v === 'string' ? [] : [[k, v.i18n] as const]));
    this.fieldsI18n = keyed.length ? Object.fromEntries(keyed) : undefined;
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.fieldsI18n ? { fieldsI18n: this.fieldsI18n } : {}),
      ...(this.i18n ? { i18n: this.i18n } : {}),
    };
  }
}
