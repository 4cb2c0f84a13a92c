// Backfill: reads the channel's history older than what is stored, page by page at Discord's rate
// limits (discord.js's REST queue waits out 429s), within a limit and a period. The job is saved
// after every page, so a restart continues where it stopped; it waits while the bot is offline.
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { coreText, type CoreSentence, type I18nText } from '../../../shared/core-text.js';
import type { BackfillOptions, BackfillView } from '../../../shared/types.js';
import type { EventBus } from '../event-bus.js';
import { writePrivateFileSync } from '../fs-modes.js';
import { say } from '../log/say.js';
import type { HistorySource } from './discord-source.js';
import { HistoryUnsavedError, readFailure } from './read-failure.js';

const PAGE = 100;
const HOUR = 3_600_000;
/** Waits before retrying a failed job (the last repeats): a missing permission or an outage is not fixed in seconds. */
export const BACKFILL_RETRY_MS = [30_000, 120_000, 600_000, 1_800_000];

export interface Job {
  options: BackfillOptions;
  /** The channel it reads (absent in jobs saved before it was recorded). */
  channelId?: string;
  state: BackfillView['state'];
  /** Oldest message reached: the next page is before it. Null before the first page. */
  cursor: string | null;
  /** Nothing older than this instant is fetched (null: the whole channel). Fixed when the job starts. */
  cutoff: number | null;
  /** Time of the newest message when the job started, for the estimate. */
  fromTime: number | null;
  fetched: number;
  stored: number;
  reachedAt: number | null;
  message: string | null;
  /** `message` by key, for the panel's language. */
  messageI18n?: I18nText | null;
}

export interface BackfillDeps {
  file: string;
  bus: EventBus;
  logger: Logger;
  /** The connected channel, or null while the bot is not connected. */
  source: () => HistorySource | null;
  /** The monitored channel, recorded with each job. */
  channelId: () => string;
  /** The oldest stored message of the channel, where a new job starts. */
  oldestStored: () => { id: string; createdAt: number } | null;
  now?: () => number;
  /** Retry delays after a failure (default BACKFILL_RETRY_MS); tests shorten them. */
  retryMs?: readonly number[];
}

const idle = (): Job => ({ options: { mode: 'recent', limit: null, periodHours: null }, state: 'idle', cursor: null, cutoff: null, fromTime: null, fetched: 0, stored: 0, reachedAt: null, message: null });
/** The job's sentence: English and by key, both cleared together. */
const said = (s: CoreSentence | null) => ({ message: s?.text ?? null, messageI18n: s?.i18n ?? null });

export class Backfill {
  private job: Job;
  private running: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private runStart = { at: 0, fetched: 0 };
  private channelCreatedAt: number | null = null;
  private readonly now: () => number;
  /** Failures in a row, and when the next retry is due: null for a job failed in an earlier run (due at once). */
  private failures = 0;
  private retryAt: number | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly d: BackfillDeps) {
    this.now = d.now ?? Date.now;
    this.job = this.load();
    // A job interrupted by a restart waits for the bot, then continues.
    if (this.job.state === 'running') this.job = { ...this.job, state: 'paused', ...said(coreText('backfill.paused')) };
  }

  view(): BackfillView {
    const j = this.job;
    const expected = this.expected();
    const elapsed = (this.now() - this.runStart.at) / 1000;
    const pace = j.state === 'running' && elapsed > 0.5 ? (j.fetched - this.runStart.fetched) / elapsed : 0;
    const etaSeconds = expected !== null && pace > 0 ? Math.max(0, Math.round((expected - j.fetched) / pace)) : null;
    return { state: j.state, options: j.options, fetched: j.fetched, stored: j.stored, expected, reachedAt: j.reachedAt, etaSeconds, message: j.message, ...(j.message && j.messageI18n ? { i18n: j.messageI18n } : {}) };
  }

  /** What the job is, for the automatic start (auto-backfill.ts). */
  get current(): Readonly<Pick<Job, 'options' | 'state' | 'channelId'>> {
    return this.job;
  }

  /** Starts a new job ("recent" stops any). Continues from the oldest stored message. `by`: who asked, for the log. */
  start(options: BackfillOptions, by: 'panel' | 'settings' = 'panel'): BackfillView {
    this.stopRun();
    this.failures = 0;
    if (options.mode === 'recent') {
      this.set({ ...idle(), options });
      return this.view();
    }
    const oldest = this.d.oldestStored();
    this.set({
      ...idle(),
      options,
      channelId: this.d.channelId(),
      state: 'running',
      cursor: oldest?.id ?? null,
      cutoff: options.periodHours === null ? null : this.now() - options.periodHours * HOUR,
      fromTime: oldest?.createdAt ?? this.now(),
    });
    const limit = options.limit === null ? coreText('backfill.allMessages') : coreText('backfill.upTo', { count: options.limit });
    const period = options.periodHours === null ? coreText('backfill.anyAge') : coreText('backfill.lastHours', { hours: options.periodHours });
    say(this.d.logger, 'info', coreText(by === 'settings' ? 'backfill.log.auto' : 'backfill.log.started', { limit: limit.i18n, period: period.i18n }));
    this.kick();
    return this.view();
  }

  cancel(): BackfillView {
    // A failed job waiting for its retry can be cancelled too: the retry is dropped.
    if (this.job.state === 'running' || this.job.state === 'paused' || this.job.state === 'failed') {
      this.stopRun();
      this.set({ ...this.job, state: 'cancelled', ...said(null) });
      say(this.d.logger, 'info', coreText('backfill.log.cancelled', { count: this.job.fetched }));
    }
    return this.view();
  }

  /**
   * The bot is connected (again): a waiting job continues. A failed one only once its retry is due:
   * a resume or a repeated "connected" status is no reason to ask Discord again (its timer retries).
   */
  connected(): void {
    const due = this.job.state === 'failed' && (this.retryAt === null || this.now() >= this.retryAt);
    if (this.job.state === 'paused' || due) this.resume();
  }

  private switchedChannel(): boolean {
    return this.job.channelId !== undefined && this.job.channelId !== this.d.channelId();
  }

  private resume(): void {
    // Its cursor is a message of the channel it read: after a channel switch it must not go on in the new one.
    if (this.switchedChannel()) return void this.cancel();
    this.clearRetry();
    this.set({ ...this.job, state: 'running', ...said(null) });
    this.kick();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
  }

  /** Resolves when the current run ends (tests, shutdown). */
  async settled(): Promise<void> {
    await this.running;
  }

  dispose(): void {
    this.stopRun();
  }

  /**
   * Runs the job. A run still ending (stopped while it awaited a page) is waited for, then this one
   * starts: a Start pressed during a running backfill used to stay "running" forever, reading nothing.
   */
  private kick(): void {
    const abort = new AbortController();
    this.abort = abort;
    this.runStart = { at: this.now(), fetched: this.job.fetched };
    const previous = this.running;
    const run: Promise<void> = (async () => {
      await previous?.catch(() => undefined);
      if (!abort.signal.aborted) await this.run(abort.signal);
    })().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
  }

  private stopRun(): void {
    this.clearRetry();
    this.abort?.abort();
    this.abort = null;
  }

  /** Stops the job with why, and schedules its retry on the backoff (offline, it waits for the connection instead). */
  private fail(err: unknown): void {
    const delays = this.d.retryMs ?? BACKFILL_RETRY_MS;
    const delay = delays[Math.min(this.failures, delays.length - 1)] ?? BACKFILL_RETRY_MS[0]!;
    this.failures++;
    const reason = readFailure(err);
    this.clearRetry();
    this.retryAt = this.now() + delay;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.job.state === 'failed') this.resume();
    }, delay);
    this.retryTimer.unref();
    this.set({ ...this.job, state: 'failed', ...said(coreText('backfill.failed', { reason: reason.i18n, at: this.retryAt })) });
    say(this.d.logger, 'warn', coreText('backfill.log.stopped', { count: this.job.fetched, detail: reason.i18n }));
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted && this.job.state === 'running') {
      // Its cursor is a message of the channel it read: a switch of channel ends it (read on in the new
      // channel from the old cursor, it stored the older part and left a hole no later backfill filled).
      if (this.switchedChannel()) return void this.cancel();
      const source = this.d.source();
      if (!source) {
        this.set({ ...this.job, state: 'paused', ...said(coreText('backfill.paused')) });
        return;
      }
      this.channelCreatedAt = source.channelCreatedAt;
      // Without Read Message History Discord answers empty pages: the job would end "done" having read nothing.
      const lacking = source.accessProblem();
      if (lacking) return this.fail(lacking);
      const { limit } = this.job.options;
      const want = limit === null ? PAGE : Math.min(PAGE, limit - this.job.fetched);
      if (want <= 0) return this.finish();
      let page;
      try {
        page = await source.fetchBefore(this.job.cursor, want);
      } catch (err) {
        if (signal.aborted) return;
        // Offline: wait for the connection. Anything else (an outage, a refusal): say why, retry later.
        if (this.d.source()) return this.fail(err);
        this.set({ ...this.job, state: 'paused', ...said(coreText('backfill.paused')) });
        say(this.d.logger, 'warn', coreText('backfill.log.stopped', { count: this.job.fetched, detail: readFailure(err).i18n }));
        return;
      }
      if (signal.aborted) return;
      if (this.switchedChannel()) return void this.cancel();
      this.failures = 0;
      const cutoff = this.job.cutoff;
      const inPeriod = cutoff === null ? page.messages : page.messages.filter((m) => m.createdAt >= cutoff);
      const stored = source.store(inPeriod);
      // Held in memory by a disk fault: the saved job must not pass them (a kill would lose them for good,
      // the job resuming before them). It stops and retries; the page is read again and the guard,
      // which writes what it holds once the disk takes writes, refuses it as a duplicate meanwhile.
      // Its new messages are counted now: read again, they are duplicates (held, or written meanwhile).
      const unsaved = source.unsaved();
      if (unsaved) {
        this.job = { ...this.job, stored: this.job.stored + stored };
        return this.fail(new HistoryUnsavedError(unsaved));
      }
      // Where Discord's page ended, the bot's own messages included (they are not stored): a page one
      // short of them is not the channel's end, and the next page starts before them.
      const { oldest } = page;
      this.set({
        ...this.job,
        cursor: oldest?.id ?? this.job.cursor,
        reachedAt: inPeriod.at(-1)?.createdAt ?? this.job.reachedAt,
        fetched: this.job.fetched + inPeriod.length,
        stored: this.job.stored + stored,
      });
      if (page.read < want || (cutoff !== null && oldest !== null && oldest.createdAt < cutoff)) return this.finish();
    }
  }

  private finish(): void {
    this.set({ ...this.job, state: 'done', ...said(null) });
    say(this.d.logger, 'info', coreText('backfill.log.done', { fetched: this.job.fetched, stored: this.job.stored }));
  }

  /** Expected total: the limit, or the share of the period covered so far scaled up. */
  private expected(): number | null {
    const j = this.job;
    if (j.options.mode === 'recent') return null;
    if (j.state === 'done') return j.fetched;
    const floor = j.cutoff ?? this.channelCreatedAt;
    let estimate: number | null = null;
    if (floor !== null && j.fromTime !== null && j.reachedAt !== null && j.fetched > 0) {
      const covered = j.fromTime - j.reachedAt;
      if (covered > 0) estimate = Math.round((j.fetched * (j.fromTime - floor)) / covered);
    }
    if (j.options.limit !== null) return estimate === null ? j.options.limit : Math.min(j.options.limit, Math.max(estimate, j.fetched));
    return estimate === null ? null : Math.max(estimate, j.fetched);
  }

  private set(job: Job): void {
    this.job = job;
    try {
      writePrivateFileSync(this.d.file, JSON.stringify(job));
    } catch (err) {
      // The job goes on; only resuming after a restart is at risk, and the storage guard says why.
      say(this.d.logger, 'warn', coreText('backfill.log.saveFailed', { detail: err instanceof Error ? err.message : String(err) }));
    }
    this.d.bus.emit('history.backfill', this.view());
  }

  private load(): Job {
    try {
      const raw = JSON.parse(readFileSync(this.d.file, 'utf8')) as Partial<Job>;
      return { ...idle(), ...raw };
    } catch {
      return idle();
    }
  }
}
