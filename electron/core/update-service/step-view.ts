// Folds one step event into the panel's view of that step: the log trimmed to its last lines, and
// the lines' keys trimmed with it, index for index, so a French line never sits beside another English one.
import type { UpdateStepName, UpdateStepView } from '../../../shared/types.js';
import type { StepEvent } from '../update/index.js';

/** Lines of a step's log the view keeps (the stepper shows the end; the log file has them all). */
export const LOG_LINES = 200;

export const pendingStep = (step: UpdateStepName): UpdateStepView => ({ step, status: 'pending', durationMs: 0, log: [] });

export function foldStepEvent(s: UpdateStepView, e: StepEvent): UpdateStepView {
  return { ...s, status: e.status, durationMs: e.durationMs, log: [...s.log, ...e.log].slice(-LOG_LINES), ...(e.error ? { error: e.error } : {}), ...i18nOf(s, e) };
}

/**
 * The step's keys with the event's: its error and skip reason, and its log lines' keys kept index for
 * index with the log (null for a line without one). None yet: the step keeps none.
 */
function i18nOf(s: UpdateStepView, e: StepEvent): Pick<UpdateStepView, 'i18n'> {
  if (!e.errorI18n && !e.noteI18n && !e.logI18n && !s.i18n?.log) return {};
  const log = e.logI18n || s.i18n?.log ? [...(s.i18n?.log ?? s.log.map(() => null)), ...(e.logI18n ?? e.log.map(() => null))].slice(-LOG_LINES) : undefined;
  return { i18n: { ...s.i18n, ...(e.errorI18n ? { error: e.errorI18n } : {}), ...(e.noteI18n ? { note: e.noteI18n } : {}), ...(log ? { log } : {}) } };
}
