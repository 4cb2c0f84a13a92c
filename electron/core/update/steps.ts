// Runs one pipeline step at a time: times it, streams its log lines as events, records its outcome.
import { coreEn, type CoreParam, type CoreSentence, type I18nText } from '../../../shared/core-text.js';
import { SentenceError } from '../sentence-error.js';
import type { StepEvent, StepName, StepRecord } from './types.js';

/** A step returns this to say it had nothing to do, and why. */
export interface Skipped {
  skipped: CoreSentence;
}
/** A step's log: a command's output as printed, or one of the core's sentences (said in the panel's language). */
export type StepLog = (line: string | CoreSentence) => void;
export type StepBody = (log: StepLog) => Promise<void | Skipped>;

export class StepFailure extends Error {
  constructor(
    readonly step: StepName,
    readonly reason: string,
    /** `reason` by key, when it is one of the core's sentences. */
    readonly reasonI18n?: I18nText,
  ) {
    super(`${step}: ${reason}`);
    this.name = 'StepFailure';
  }
}

/** A step as the panel's stepper names it, for sentences that name one (an id the catalogue lacks stays as it is). */
export function stepLabel(step: string): CoreParam {
  const key = `update.step.${step}`;
  return Object.hasOwn(coreEn, key) ? { key, params: {} } : step;
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).trim();

export class StepReporter {
  private readonly records = new Map<StepName, StepRecord>();

  constructor(
    private readonly updateId: string,
    private readonly emit: (event: StepEvent) => void,
    private readonly persist: (record: StepRecord) => Promise<void>,
  ) {}

  /** Shows the whole plan up front so the panel can list every step before it runs. */
  announce(steps: readonly StepName[]): void {
    for (const step of steps) this.send(step, 'pending', 0, []);
  }

  async run(step: StepName, body: StepBody): Promise<void> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    this.send(step, 'running', 0, []);
    try {
      await this.persist({ step, status: 'running', durationMs: 0 });
      const result = await body((line) =>
        typeof line === 'string' ? this.send(step, 'running', elapsed(), [line]) : this.send(step, 'running', elapsed(), [line.text], undefined, undefined, undefined, [line.i18n]),
      );
      const skipped = result ? result.skipped : null;
      const record: StepRecord = { step, status: skipped === null ? 'done' : 'skipped', durationMs: elapsed() };
      // The reason is also a log line: after other lines the panel shows it in the log, where it needs its key too.
      if (skipped === null) this.send(step, record.status, record.durationMs, []);
      else this.send(step, record.status, record.durationMs, [skipped.text], undefined, undefined, skipped.i18n, [skipped.i18n]);
      await this.persist(record);
    } catch (err) {
      const reason = errorText(err);
      const reasonI18n = err instanceof SentenceError ? err.sentence.i18n : undefined;
      this.send(step, 'failed', elapsed(), [], reason, reasonI18n);
      await this.persist({ step, status: 'failed', durationMs: elapsed(), error: reason }).catch(() => undefined);
      throw new StepFailure(step, reason, reasonI18n);
    }
  }

  /** Steps that will not run because an earlier one failed. */
  notRun(steps: readonly StepName[], why: CoreSentence): void {
    for (const step of steps) if (!this.records.has(step) || this.records.get(step)?.status === 'pending') this.send(step, 'skipped', 0, [why.text], undefined, undefined, why.i18n, [why.i18n]);
  }

  /** True once the step has at least started. */
  started(step: StepName): boolean {
    const status = this.records.get(step)?.status;
    return status !== undefined && status !== 'pending' && status !== 'skipped';
  }

  list(): StepRecord[] {
    return [...this.records.values()];
  }

  private send(step: StepName, status: StepEvent['status'], durationMs: number, log: string[], error?: string, errorI18n?: I18nText, noteI18n?: I18nText, logI18n?: (I18nText | null)[]): void {
    this.records.set(step, error === undefined ? { step, status, durationMs } : { step, status, durationMs, error });
    const event: StepEvent = { updateId: this.updateId, step, status, durationMs, log };
    if (error !== undefined) event.error = error;
    if (errorI18n !== undefined) event.errorI18n = errorI18n;
    if (noteI18n !== undefined) event.noteI18n = noteI18n;
    if (logI18n !== undefined) event.logI18n = logI18n;
    try {
      this.emit(event);
    } catch {
      // A faulty listener must not break an update half-way.
    }
  }
}
