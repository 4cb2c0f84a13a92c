import type { ApiErrorBody, ErrorCode } from '../../shared/api.js';

/** An error meant for the user: a clear message, a code the panel can act on, and field details. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'CommandError';
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}
