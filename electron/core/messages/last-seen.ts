// The last message id seen per channel, persisted so a restart can fetch what was posted meanwhile.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import { PRIVATE_DIR, writePrivateFileSync } from '../fs-modes.js';
import { snowflakeCompare } from './store.js';

/** Discord's epoch (2015-01-01 UTC), ms: snowflakes count from it. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000;
const DISCORD_EPOCH = BigInt(DISCORD_EPOCH_MS);

/** The smallest snowflake Discord could assign at `ms`: an anchor when no real message was seen. */
export function snowflakeAt(ms: number): string {
  return ((BigInt(Math.floor(ms)) - DISCORD_EPOCH) << 22n).toString();
}

/** When Discord assigned `id` (ms): its top 42 bits. */
export const timeOfSnowflake = (id: string): number => Number((BigInt(id) >> 22n) + DISCORD_EPOCH);

export class LastSeen {
  private ids: Record<string, string> = {};
  private timer: NodeJS.Timeout | null = null;
  /** Set when the file existed but could not be read. */
  problem: string | null = null;
  /** `problem` by key, for the panel's language. */
  problemSaid: CoreSentence | null = null;
  /** Told of each failed write (a full or read-only disk) and of the first success after one. */
  onWrite: ((err: NodeJS.ErrnoException | null) => void) | null = null;
  /**
   * The resume point on disk never passes a message that is not on disk (a crash in between would skip
   * it for good). flush() first waits for the store's write thread (beforeWrite); the debounced write
   * of a burst is instead handed to whenCommitted, which calls it once everything received so far is
   * committed, so the event loop never waits for a commit.
   */
  beforeWrite: (() => void) | null = null;
  whenCommitted: ((write: () => void) => void) | null = null;
  /** True while the store keeps messages in memory (a failed write): the file keeps its point before them. */
  holding: (() => boolean) | null = null;
  /**
   * The oldest message of a channel known not to be on disk (dropped from memory while the disk refused
   * writes): the resume point, read or written, stays just before it, so a catch-up fetches it again.
   */
  notStored: ((channelId: string) => string | null) | null = null;
  private failing = false;
  /** Set when messages are kept in memory for the whole run (the database could not be opened): never written. */
  frozen = false;

  constructor(
    private readonly file: string,
    private readonly debounceMs = 250,
  ) {
    try {
      this.ids = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch (err) {
      this.ids = {};
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.problemSaid = coreText('log.lastSeenUnreadable', { file, detail: String(err) });
        this.problem = this.problemSaid.text;
      }
    }
  }

  get(channelId: string): string | null {
    const id = this.ids[channelId] ?? null;
    return id && this.before(channelId, id);
  }

  /** `id`, or the id just before the channel's oldest message not stored when `id` is past it. */
  private before(channelId: string, id: string): string {
    const missing = this.notStored?.(channelId);
    return missing && snowflakeCompare(id, missing) >= 0 ? (BigInt(missing) - 1n).toString() : id;
  }

  advance(channelId: string, id: string): void {
    const current = this.ids[channelId];
    if (current && snowflakeCompare(id, current) <= 0) return;
    this.ids[channelId] = id;
    this.timer ??= setTimeout(() => this.debounced(), this.debounceMs);
  }

  private debounced(): void {
    this.timer = null;
    if (!this.whenCommitted) return void this.flush();
    // The ids as of now: messages received later may not be committed when this is written.
    const ids = { ...this.ids };
    this.whenCommitted(() => this.write(ids));
  }

  snapshot(): Readonly<Record<string, string>> {
    return { ...this.ids };
  }

  /** Writes now; never throws: a disk fault is reported to onWrite and the write retried later. */
  flush(retryMs = 2000): boolean {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.beforeWrite?.();
    return this.write(this.ids, retryMs);
  }

  /** False when not written: a disk fault (retried later), or messages held in memory (flushed once written). */
  private write(ids: Record<string, string>, retryMs = 2000): boolean {
    if (this.frozen || this.holding?.()) return false;
    try {
      mkdirSync(dirname(this.file), { recursive: true, mode: PRIVATE_DIR });
      const capped = this.notStored ? Object.fromEntries(Object.entries(ids).map(([c, id]) => [c, this.before(c, id)])) : ids;
      writePrivateFileSync(this.file, JSON.stringify(capped));
    } catch (err) {
      this.failing = true;
      try {
        rmSync(`${this.file}.${process.pid}.tmp`, { force: true });
      } catch {
        // a read-only folder cannot hold a temp file either
      }
      this.onWrite?.(err as NodeJS.ErrnoException);
      // The old file stays whole (temp + rename); retry until the disk is back.
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(retryMs), retryMs);
      this.timer.unref();
      return false;
    }
    if (this.failing) {
      this.failing = false;
      this.onWrite?.(null);
    }
    return true;
  }
}
