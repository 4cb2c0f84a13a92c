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

export class BatchWriter {
  private queue = new Map<string, ChatMessage>();
  private scheduled: NodeJS.Immediate | null = null;
  /** Told after each write with the messages written (the bench counts them; the panel could too). */
  onFlush: ((messages: readonly ChatMessage[]) => void) | null = null;

  constructor(private readonly target: BatchTarget) {}

  /** Queues a new message; false when it is queued or stored already (a duplicate). */
  add(m: ChatMessage): boolean {
    if (this.queue.has(m.id) || this.target.has(m.id)) return false;
    this.queue.set(m.id, m);
    // setImmediate runs after the socket reads of this turn: one burst of frames → one transaction.
    this.scheduled ??= setImmediate(() => this.flush());
    return true;
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
