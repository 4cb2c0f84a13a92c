// Disk faults (a full disk, a read-only folder, I/O errors) must not stop live monitoring: a write
// that fails is kept in memory and retried until the disk is back, the panel is told once in a
// sentence, and what was already stored is never touched.
import type { Logger } from 'pino';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import type { ChatMessage } from '../../../shared/types.js';
import { say } from '../log/say.js';
import { writeFaultKind } from '../write-fault.js';
import type { LastSeen } from './last-seen.js';
import { isBusy } from './brief-busy.js';
import { messageJson } from './message-json.js';
import { snowflakeCompare, type MessageStore } from './store.js';

const RETRY_MS = 2000;
/** Messages kept in memory while the disk refuses writes; beyond this the oldest are only shown. */
const MAX_PENDING = 20_000;
/** Dropped ids remembered one by one (~70 bytes each); past this a channel's oldest drop holds its resume point until the next start. */
const MAX_DROPPED = 200_000;

export function faultSentence(err: unknown, dir: string): string {
  return faultSaid(err, dir).text;
}

/** The same sentence by key, for the panel's language. */
export function faultSaid(err: unknown, dir: string): CoreSentence {
  const code = String((err as { code?: unknown }).code ?? '');
  if (isBusy(err)) return coreText('storage.locked', { dir });
  const kind = writeFaultKind(code);
  if (kind === 'full') return coreText('storage.diskFull', { dir });
  if (kind === 'readOnly' || code.startsWith('SQLITE_CANTOPEN')) return coreText('storage.readOnly', { dir });
  return coreText('storage.diskError', { dir, detail: code || String(err) });
}

export class StorageGuard {
  private readonly pending = new Map<string, ChatMessage>();
  private failingSince: number | null = null;
  private said: CoreSentence | null = null;
  /** The fault's sentence while it is not said yet (a lock held a moment). */
  private unsaid: CoreSentence | null = null;
  /** lastTry() ran: no retry is scheduled any more. */
  private closing = false;
  private timer: NodeJS.Timeout | null = null;
  private lastSeenFailing = false;
  /** Ids dropped from memory (beyond MAX_PENDING) per channel, until stored again (a catch-up refetches them). */
  private readonly dropped = new Map<string, Set<string>>();
  private droppedIds = 0;
  /** Past MAX_DROPPED: per channel the oldest id dropped and not remembered, a floor for the rest of the run. */
  private readonly floors = new Map<string, string>();
  private untracked = 0;

  constructor(
    private readonly store: MessageStore,
    private readonly lastSeen: LastSeen,
    private readonly logger: Logger,
    private readonly dir: string,
    /** Messages held in memory, dropped ids remembered (tests lower them). */
    private readonly limits = { held: MAX_PENDING, dropped: MAX_DROPPED },
  ) {
    lastSeen.beforeWrite = () => store.settle();
    // A kill -9 loses what is held here: the resume point must not pass it, so catch-up fetches it again.
    lastSeen.holding = () => this.pending.size > 0;
    // Nor the messages dropped from memory: a catch-up from before the oldest fetches them again.
    lastSeen.notStored = (channelId) => this.oldestDropped(channelId);
    lastSeen.onWrite = (err) => {
      this.lastSeenFailing = err !== null;
      if (err) this.fault(err);
      else this.maybeRecovered();
    };
  }

  /** Stores a new message; false when it was already stored or pending (a duplicate). */
  add(m: ChatMessage): boolean {
    if (this.pending.has(m.id)) return false;
    if (this.failingSince === null) {
      try {
        const added = this.store.add(m);
        if (this.dropped.size) this.forget(m);
        return added;
      } catch (err) {
        this.fault(err);
      }
    }
    if (this.safe(() => this.store.has(m.id)) === true) return false;
    this.keep(m);
    return true;
  }

  /** Stores a batch already checked new by the BatchWriter, in one transaction; a fault keeps it in memory. */
  addMany(ms: readonly ChatMessage[]): void {
    if (this.failingSince === null) {
      try {
        this.store.addMany(ms);
        if (this.dropped.size) for (const m of ms) this.forget(m);
        return;
      } catch (err) {
        this.fault(err);
      }
    }
    for (const m of ms) this.keep(m);
  }

  /**
   * addMany on the store's write thread. `written` runs once the batch is committed or, on a fault,
   * kept in memory here: from then on a reader finds every message of it through this guard.
   */
  addManyLater(ms: readonly ChatMessage[], written: () => void): void {
    // Held in memory only behind messages held already: with none (the retry has just written them all,
    // or only the resume point's file failed) the store is tried. The recovery's resume-point write hands
    // the BatchWriter's queue over first (beforeWrite), and in a burst something is always queued there:
    // kept here, it held the resume point back and the guard never recovered while the burst went on.
    if (this.failingSince !== null && this.pending.size) {
      for (const m of ms) this.keep(m);
      return written();
    }
    // Only their JSON is held until the thread answers (objects outlive V8's scavenges: batch-writer.ts).
    const held = ms.map(messageJson);
    this.store.addManyLater(ms, (err) => {
      if (err) {
        this.fault(err);
        for (const json of held) this.keep(JSON.parse(json) as ChatMessage);
      } else if (this.dropped.size) for (const json of held) this.forget(JSON.parse(json) as ChatMessage);
      written();
    });
  }

  /** Calls `then` once the store's write thread answered what it was handed so far (committed, or kept here). */
  afterCommit(then: () => void): void {
    this.store.afterCommit(then);
  }

  /** The channel's messages held in memory (a disk fault), in no order. */
  held(channelId: string): ChatMessage[] {
    return this.pending.size ? [...this.pending.values()].filter((m) => m.channelId === channelId) : [];
  }

  /** Why messages are held in memory and not on disk (a disk fault), or null when none are. */
  unsaved(): CoreSentence | null {
    // Also while a brief lock is not said yet: a backfill's saved job must not pass what is only here.
    return this.pending.size ? (this.said ?? this.unsaid) : null;
  }

  /**
   * Before the store closes (a quit, an update's hand-over): what waits in memory is written once more,
   * waiting SQLite's usual busy timeout (the new version takes the lock a moment while it opens the
   * database); no retry is scheduled after it.
   */
  lastTry(): void {
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size) this.store.patiently(() => this.retry());
  }

  /** Waits for the store's write thread (a read of the database must see what was handed to it). */
  settle(): void {
    this.store.settle();
  }

  get(id: string): ChatMessage | undefined {
    return this.pending.get(id) ?? this.safe(() => this.store.get(id));
  }

  has(id: string): boolean {
    return this.pending.has(id) || this.safe(() => this.store.has(id)) === true;
  }

  update(id: string, changes: Partial<ChatMessage>): ChatMessage | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next = { ...current, ...changes };
    if (this.failingSince === null && !this.pending.has(id)) {
      try {
        this.store.update(id, changes);
        return next;
      } catch (err) {
        this.fault(err);
      }
    }
    this.keep(next);
    return next;
  }

  /** The store's list, with what is waiting in memory merged in. */
  list(channelId: string, limit: number): ChatMessage[] {
    const stored = this.safe(() => this.store.list(channelId, limit)) ?? [];
    if (!this.pending.size) return stored;
    const byId = new Map(stored.map((m) => [m.id, m]));
    for (const m of this.pending.values()) if (m.channelId === channelId) byId.set(m.id, m);
    return [...byId.values()].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)).slice(-limit);
  }

  private keep(m: ChatMessage): void {
    this.pending.set(m.id, m);
    if (this.pending.size > this.limits.held) {
      const [id, oldest] = this.pending.entries().next().value!;
      this.pending.delete(id);
      this.remember(oldest);
    }
    this.retryLater();
  }

  private retryLater(): void {
    if (this.closing) return;
    this.timer ??= setTimeout(() => this.retry(), RETRY_MS);
    this.timer.unref();
  }

  /** `m` was dropped from memory without being stored. */
  private remember(m: ChatMessage): void {
    const ids = this.dropped.get(m.channelId) ?? new Set<string>();
    if (ids.has(m.id)) return;
    if (this.droppedIds < this.limits.dropped) {
      this.dropped.set(m.channelId, ids.add(m.id));
      this.droppedIds++;
      return;
    }
    const floor = this.floors.get(m.channelId);
    if (!floor || snowflakeCompare(m.id, floor) < 0) this.floors.set(m.channelId, m.id);
    this.untracked++;
  }

  /** `m` is on disk: no longer counted as dropped. */
  private forget(m: ChatMessage): void {
    const ids = this.dropped.get(m.channelId);
    if (!ids?.delete(m.id)) return;
    this.droppedIds--;
    if (!ids.size) this.dropped.delete(m.channelId);
  }

  private oldestDropped(channelId: string): string | null {
    let oldest = this.floors.get(channelId) ?? null;
    for (const id of this.dropped.get(channelId) ?? []) if (oldest === null || snowflakeCompare(id, oldest) < 0) oldest = id;
    return oldest;
  }

  private safe<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch {
      return undefined;
    }
  }

  private fault(err: unknown): void {
    this.failingSince ??= Date.now();
    const sentence = faultSaid(err, this.dir);
    // A lock held a moment (our own write thread's commit on a slow disk) is not worth a word: said once
    // it outlasts a retry (another program's).
    if (isBusy(err) && Date.now() - this.failingSince < RETRY_MS) {
      this.unsaid = sentence;
      this.retryLater();
      return;
    }
    if (sentence.text !== this.said?.text) {
      this.said = sentence;
      say(this.logger, 'error', sentence);
    }
    this.retryLater();
  }

  /** Writes what waits in memory, oldest first; stops at the first failure and tries again later. */
  private retry(): void {
    this.timer = null;
    try {
      for (const [id, m] of this.pending) {
        if (!this.store.add(m)) this.store.update(id, m);
        this.pending.delete(id);
        this.forget(m);
      }
    } catch (err) {
      this.fault(err);
      return;
    }
    this.maybeRecovered();
  }

  private maybeRecovered(): void {
    if (this.failingSince === null) return;
    if (this.pending.size) return this.retryLater();
    // Its own retry skipped the file while messages were held here: tried now, its success calls back here.
    if (this.lastSeenFailing) return void this.lastSeen.flush();
    const told = this.said !== null;
    this.failingSince = null;
    this.said = null;
    this.unsaid = null;
    const lost = this.droppedIds + this.untracked;
    if (lost) say(this.logger, 'info', coreText('storage.resumedDropped', { count: lost }));
    else if (told) say(this.logger, 'info', coreText('storage.resumed'));
    // What was held is on disk now: the resume point moves past it.
    this.lastSeen.flush();
  }
}
