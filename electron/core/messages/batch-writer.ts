// Live messages arrive thousands a second in a burst: each was its own SQLite transaction. Here they
// are queued and written once per tick in one transaction; reads see the queue, so a create followed
// by an edit in the same tick still finds the message, and duplicates are still refused at once.
import type { ChatMessage } from '../../../shared/types.js';

/** What the writer writes through: the StorageGuard (disk faults) or, in tests, a bare store. */
export interface BatchTarget {
  has(id: string): boolean;
  get(id: string): ChatMessage | undefined;
  update(id: string, changes: Partial<ChatMessage>): ChatMessage | undefined;
  addMany(messages: readonly ChatMessage[]): unknown;
  list(channelId: string, limit: number): ChatMessage[];
}

/** The newest stored id of a channel, or null (none, or the disk cannot be read now). */
export type NewestStored = (channelId: string) => string | null;

export class BatchWriter {
  private queue = new Map<string, ChatMessage>();
  /** Per channel, the highest id stored or queued: anything above it cannot be a duplicate. */
  private readonly newest = new Map<string, bigint>();
  private scheduled: NodeJS.Immediate | null = null;
  /** Told after each write with the messages written (the bench counts them; the panel could too). */
  onFlush: ((messages: readonly ChatMessage[]) => void) | null = null;

  constructor(
    private readonly target: BatchTarget,
    /** Absent: every message is looked up (no shortcut). */
    private readonly newestStored: NewestStored | null = null,
  ) {}

  /** Queues a new message; false when it is queued or stored already (a duplicate). */
  add(m: ChatMessage): boolean {
    if (this.queue.has(m.id)) return false;
    // A live message is newer than everything stored: no lookup (it was 9 µs of each message's cost).
    const id = BigInt(m.id);
    const top = this.newestOf(m.channelId);
    if ((top === null || id <= top) && this.target.has(m.id)) return false;
    if (top !== null && id > top) this.newest.set(m.channelId, id);
    this.queue.set(m.id, m);
    // setImmediate runs after the socket reads of this turn: one burst of frames → one transaction.
    this.scheduled ??= setImmediate(() => this.flush());
    return true;
  }

  /** Null while the store cannot be read: then every message goes through the full check. */
  private newestOf(channelId: string): bigint | null {
    const known = this.newest.get(channelId);
    if (known !== undefined) return known;
    if (!this.newestStored) return null;
    try {
      const stored = this.newestStored(channelId);
      const top = stored === null ? 0n : BigInt(stored);
      this.newest.set(channelId, top);
      return top;
    } catch {
      return null;
    }
  }

  has(id: string): boolean {
    return this.queue.has(id) || this.target.has(id);
  }

  get(id: string): ChatMessage | undefined {
    return this.queue.get(id) ?? this.target.get(id);
  }

  update(id: string, changes: Partial<ChatMessage>): ChatMessage | undefined {
    const queued = this.queue.get(id);
    if (!queued) return this.target.update(id, changes);
    const next = { ...queued, ...changes };
    this.queue.set(id, next);
    return next;
  }

  /** Reads go to the database: what is queued is written first. */
  list(channelId: string, limit: number): ChatMessage[] {
    this.flush();
    return this.target.list(channelId, limit);
  }

  /** Writes what is queued now (also called before any history query). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    if (!this.queue.size) return;
    const batch = [...this.queue.values()];
    this.queue = new Map();
    this.target.addMany(batch);
    this.onFlush?.(batch);
  }
}
