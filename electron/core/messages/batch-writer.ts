// Live messages arrive thousands a second in a burst: each was its own SQLite transaction. Here they
// are queued and written once per tick in one transaction (on the store's write thread when it has
// one; in a burst at most once per HANDOFF_MS); reads see the queue and the batches being written, so
// a create followed by an edit still finds the message, and duplicates are still refused at once.
import type { CoreSentence } from '../../../shared/core-text.js';
import type { ChatMessage } from '../../../shared/types.js';
import { messageJson } from './message-json.js';
import { snowflakeCompare } from './store.js';

/** What the writer writes through: the StorageGuard (disk faults) or, in tests, a bare store. */
export interface BatchTarget {
  has(id: string): boolean;
  get(id: string): ChatMessage | undefined;
  update(id: string, changes: Partial<ChatMessage>): ChatMessage | undefined;
  addMany(messages: readonly ChatMessage[]): unknown;
  /** Writes off the event loop; `written` once committed or kept by the target. Absent: addMany, inline. */
  addManyLater?(messages: readonly ChatMessage[], written: () => void): void;
  /** Waits for every batch handed to addManyLater. */
  settle?(): void;
  /** Calls `then` once every batch handed to addManyLater so far is answered. */
  afterCommit?(then: () => void): void;
  list(channelId: string, limit: number): ChatMessage[];
  /** Why messages are held in memory, not on disk (a disk fault), or null. Absent: never held. */
  unsaved?(): CoreSentence | null;
  /** The channel's messages held in memory (a disk fault). */
  held?(channelId: string): ChatMessage[];
  /** Before the store closes: what is held in memory is written once more, waiting for the lock. */
  lastTry?(): void;
}

/** The newest stored id of a channel, or null (none, or the disk cannot be read now). */
export type NewestStored = (channelId: string) => string | null;

/**
 * A hand-off goes at the end of the turn a message came in, unless the last one went less than this long
 * ago: then with the next ones, this long after the last. Each hand-off to the write thread cost ~100 µs
 * on a busy machine (a post, the thread woken), 4.7 µs a message in a burst handed off every turn
 * (~60 messages); a lone message still goes at once.
 */
export const HANDOFF_MS = 10;

export class BatchWriter {
  private queue = new Map<string, ChatMessage>();
  /**
   * Handed to the write thread, not committed yet: still read from here, as their JSON (the row's text,
   * made once per message anyway). As objects, a burst's backlog behind a busy thread (800-4,400 messages
   * in bench/live-ingest) outlived V8's scavenges and was copied, then promoted.
   */
  private readonly writing = new Map<string, string>();
  /** Per channel, the highest id stored or queued: anything above it cannot be a duplicate. */
  private readonly newest = new Map<string, string>();
  private scheduled: { immediate: NodeJS.Immediate } | { timer: NodeJS.Timeout } | null = null;
  private lastHandOff = -Infinity;
  /** afterCommit callbacks waiting for the hand-off already scheduled (at most HANDOFF_MS away). */
  private afterNext: Array<() => void> = [];

  constructor(
    private readonly target: BatchTarget,
    /** Absent: every message is looked up (no shortcut). */
    private readonly newestStored: NewestStored | null = null,
  ) {}

  /** Queues a new message; false when it is queued or stored already (a duplicate). */
  add(m: ChatMessage): boolean {
    if (this.queue.has(m.id) || this.writing.has(m.id)) return false;
    // A live message is newer than everything stored: no lookup (it was 9 µs of each message's cost).
    const top = this.newestOf(m.channelId);
    const above = top !== null && snowflakeCompare(m.id, top) > 0;
    if (!above && this.target.has(m.id)) return false;
    if (above) this.newest.set(m.channelId, m.id);
    this.queue.set(m.id, m);
    // setImmediate runs after the socket reads of this turn: one burst of frames → one transaction.
    if (!this.scheduled) this.schedule();
    return true;
  }

  /** Null while the store cannot be read: then every message goes through the full check. */
  private newestOf(channelId: string): string | null {
    const known = this.newest.get(channelId);
    if (known !== undefined) return known;
    if (!this.newestStored) return null;
    try {
      const stored = this.newestStored(channelId);
      // Checked as a number now: a stored id that is not one is a read fault like any other (full check).
      const top = stored === null ? '0' : BigInt(stored).toString();
      this.newest.set(channelId, top);
      return top;
    } catch {
      return null;
    }
  }

  has(id: string): boolean {
    return this.queue.has(id) || this.writing.has(id) || this.target.has(id);
  }

  get(id: string): ChatMessage | undefined {
    const queued = this.queue.get(id);
    if (queued) return queued;
    const json = this.writing.get(id);
    return json === undefined ? this.target.get(id) : (JSON.parse(json) as ChatMessage);
  }

  update(id: string, changes: Partial<ChatMessage>): ChatMessage | undefined {
    const queued = this.queue.get(id);
    if (!queued) {
      const writing = this.writing.get(id);
      // Its insert is still on the write thread: the change is written once that is committed (waiting for it
      // here stopped the event loop, up to SQLite's busy timeout while another program holds the lock), and
      // reads see it meanwhile.
      if (writing !== undefined && this.target.afterCommit) {
        const next = { ...(JSON.parse(writing) as ChatMessage), ...changes };
        this.writing.set(id, messageJson(next));
        this.target.afterCommit(() => this.target.update(id, changes));
        return next;
      }
      // Its row is rewritten in place: the insert must be committed first.
      if (writing !== undefined) this.target.settle?.();
      return this.target.update(id, changes);
    }
    const next = { ...queued, ...changes };
    this.queue.set(id, next);
    return next;
  }

  /** Reads go to the database: what is queued is written first. */
  list(channelId: string, limit: number): ChatMessage[] {
    this.flush();
    return this.target.list(channelId, limit);
  }

  /** The next hand-off: at the end of this turn, or HANDOFF_MS after the last one. */
  private schedule(): void {
    const wait = this.lastHandOff + HANDOFF_MS - performance.now();
    this.scheduled = wait <= 0 ? { immediate: setImmediate(() => this.handOff()) } : { timer: setTimeout(() => this.due(), Math.ceil(wait)) };
  }

  // Node times a timer from the event loop's clock, read at the start of the turn: set late in a long turn
  // (a burst's slice) it fires early by that much. Then the rest is waited.
  private due(): void {
    if (performance.now() - this.lastHandOff >= HANDOFF_MS) return this.handOff();
    this.schedule();
  }

  /** Hands what is queued to the store now; with a write thread it is committed later (the live path). */
  handOff(): void {
    if (this.scheduled && 'timer' in this.scheduled) clearTimeout(this.scheduled.timer);
    else if (this.scheduled) clearImmediate(this.scheduled.immediate);
    this.scheduled = null;
    const waiting = this.afterNext;
    this.afterNext = [];
    if (this.queue.size) {
      this.lastHandOff = performance.now();
      const batch = [...this.queue.values()];
      this.queue = new Map();
      if (!this.target.addManyLater) this.target.addMany(batch);
      else {
        const ids = batch.map((m) => m.id);
        for (const m of batch) this.writing.set(m.id, messageJson(m));
        this.target.addManyLater(batch, () => {
          for (const id of ids) this.writing.delete(id);
        });
      }
    }
    for (const then of waiting) this.committed(then);
  }

  /** Hands what is queued over and calls `then` once it is committed (or kept by the target), without blocking. */
  afterCommit(then: () => void): void {
    // A hand-off is already due (a burst): `then` goes with it rather than making one of its own (the
    // resume point's debounced write asked for one every 250 ms, closer than HANDOFF_MS to the others).
    if (this.scheduled) return void this.afterNext.push(then);
    this.handOff();
    this.committed(then);
  }

  private committed(then: () => void): void {
    if (this.target.afterCommit) this.target.afterCommit(then);
    else then();
  }

  /** After flush(): the channel's messages held in memory instead of on disk (a disk fault). */
  held(channelId: string): ChatMessage[] {
    return this.target.held?.(channelId) ?? [];
  }

  /** Before the store closes: writes what is queued, waits for it, then tries once more what a fault holds in memory. */
  lastTry(): void {
    this.flush();
    this.target.settle?.();
    this.target.lastTry?.();
  }

  /** After flush(): why some messages are held in memory instead of on disk, or null when all are stored. */
  unsaved(): CoreSentence | null {
    return this.target.unsaved?.() ?? null;
  }

  /** Writes what is queued and waits until it is committed: a read of the database (history, search, export) sees it. */
  flush(): void {
    this.handOff();
    this.target.settle?.();
  }
}
