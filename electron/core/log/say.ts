// Logs a sentence the user reads: its English goes to the file and stdout, its key and parameters ride
// along so the panel's event log can say it in the panel's language.
import type { Logger } from 'pino';
import type { CoreSentence } from '../../../shared/core-text.js';

export type UserLevel = 'info' | 'warn' | 'error';

export function say(logger: Logger, level: UserLevel, sentence: CoreSentence, bindings: Record<string, unknown> = {}): void {
  logger[level]({ ...bindings, i18n: sentence.i18n }, sentence.text);
}
