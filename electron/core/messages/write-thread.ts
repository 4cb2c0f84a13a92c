// Live batches are written by a worker thread with its own connection to the database: the inserts,
// their commits, the search indexing and the checkpoints no longer run on the event loop that reads
// Discord's socket (together a fifth of that loop's CPU in a burst's profile, and a stalled commit
// stalled everything behind it).
// Batches are written in the order posted; settle() waits for them when a read must see them.
// The thread starts with the first batch and ends after a quiet spell, so an idle app has none.
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { BackgroundTask } from './fts-indexer.js';
import { CLOSED, DONE, EXITED, WORKER_SOURCE } from './write-thread-source.js';

/** The statements the thread runs: one of `rows` rows and one of a single row (4 values each). */
export interface WriteSql {
  many: string;
  one: string;
  rows: number;
  /** SQLite's automatic checkpoint, in pages, as on the main connection. */
  autoCheckpoint: number;
  /** The search indexer's step (fts-indexer.ts INDEX_SQL), for the traffic's pauses. */
  index: { chunk: number; watermark: string; rows: string; fts: string; authors: string; advance: string };
  /** The emoji words' redo step (emoji-redo.ts REDO_SQL). */
  redo: { chunk: number; queued: string; below: string; older: string; drop: string; fts: string; dequeue: string; advance: string };
  /** The codepoints indexed as emoji words (emoji-words.ts EMOJI_PATTERN), for the thread's own emoji_words(). */
  emoji: string;
  /** How long a background task waits for a lock held elsewhere (brief-busy.ts); batches wait SQLite's usual 5 s. */
  taskBusyMs: number;
}

/** Told once the batch is committed (null) or failed (the error, with SQLite's code); a task's result. */
export type Written = (err: Error | null, result: number) => void;

interface Reply {
  seq: number;
  /** The thread cannot load SQLite: write on the main connection from now on. */
  unusable?: boolean;
  result?: number;
  error?: { message: string; code?: string };
}

/** How long a read waits for the thread before its batches are given up as failed (kept in memory by the guard). */
const SETTLE_MS = 10_000;
// A worker costs ~11 MiB while up, and ~30-50 ms of CPU (and a cold JIT) to start: a minute without work
// ends it, so an idle app has none, while a busy channel (a message at least once a minute) keeps it.
const IDLE_MS = 60_000;

interface Running {
  worker: Worker;
  port: MessagePort;
  state: Int32Array;
  /** Fails what it was handed (once): the thread died. */
  gone: (err: Error) => void;
}

export interface WriteThreadOptions {
  /** Writes a batch on the main connection: where batches go when no thread can run. */
  inline: (values: string[]) => void;
  /** How long the thread stays up without work (tests shorten it). */
  idleMs?: number;
  /** better-sqlite3's entry file for the thread (tests point it at a missing one). */
  sqliteModule?: string;
  /** How long a read waits for the thread (tests shorten it). */
  settleMs?: number;
}

interface Posted {
  done: Written;
  values: string[] | null;
}

export class WriteThread {
  private running: Running | null = null;
  private seq = 0;
  /** Batches posted and not answered yet, oldest first. */
  private readonly pending = new Map<number, Posted>();
  private idle: NodeJS.Timeout | null = null;
  /** A batch failed since the last post: the next one tells the thread to open the database again. */
  private reopen = false;
  /** No thread can run here: everything is written inline. */
  private unusable = false;
  private closed = false;
  /** Called once every batch posted before them is answered, oldest first. */
  private waiters: Array<{ seq: number; then: () => void }> = [];

  constructor(
    private readonly file: string,
    private readonly sql: WriteSql,
    private readonly o: WriteThreadOptions,
  ) {}

  /** True while a thread is up (from the first batch until it has been idle for a while). */
  get started(): boolean {
    return this.running !== null;
  }

  /** False once no thread can run here: batches go to the main connection, background tasks stay there too. */
  get usable(): boolean {
    return !this.unusable;
  }

  /** Writes `values` (4 per row, in order) in one transaction on the thread; `done` is called on this thread. */
  post(values: string[], done: Written): void {
    this.send({ values }, done);
  }

  private send(message: { values: string[] } | { task: string }, done: Written): void {
    const values = 'values' in message ? message.values : null;
    // After close() (a timer of the search indexer firing late): no new thread for a closed store.
    if (this.closed) return done(new Error('the message store is closed'), 0);
    if (this.unusable) return this.inline({ done, values });
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    let r: Running;
    try {
      r = this.running ??= this.start();
    } catch {
      this.unusable = true;
      return this.inline({ done, values });
    }
    const seq = ++this.seq;
    this.pending.set(seq, { done, values });
    r.port.postMessage({ seq, ...message, reopen: this.reopen });
    this.reopen = false;
  }

  /** A batch written on the main connection; background tasks are left to the event loop's own path. */
  private inline({ done, values }: Posted): void {
    if (!values) return done(new Error('no write thread'), 0);
    let failed: Error | null = null;
    try {
      this.o.inline(values);
    } catch (err) {
      failed = err as Error;
    }
    done(failed, 0);
  }

  /** Runs a search-index step, an emoji-words redo step or a WAL checkpoint on the thread, in order with the batches; `done` gets the rows indexed. */
  run(task: BackgroundTask, done: Written): void {
    this.send({ task }, done);
  }

  /** Calls `then` once every batch posted so far is answered (at once when none is waiting), without blocking. */
  afterAnswered(then: () => void): void {
    if (!this.pending.size) return then();
    this.waiters.push({ seq: this.seq, then });
  }

  /** Blocks until every batch posted so far is answered (their `done` called), or SETTLE_MS passed. */
  settle(): void {
    const settleMs = this.o.settleMs ?? SETTLE_MS;
    const deadline = Date.now() + settleMs;
    while (this.pending.size && this.running) {
      const r = this.running;
      const exited = Atomics.load(r.state, EXITED) === 1;
      const written = Atomics.load(r.state, DONE);
      // The reply is posted before the counter moves: once it covers a batch, its reply can be read.
      this.drain(r);
      // The thread is exiting (its own 'exit' said so): what it did not answer is lost with it.
      if (exited) r.gone(new Error('the database writer stopped'));
      const left = deadline - Date.now();
      if (!this.pending.size || left <= 0) break;
      if (written < this.seq) Atomics.wait(r.state, DONE, written, Math.min(left, 100));
    }
    if (this.pending.size) this.failAll(new Error(`the database writer did not answer within ${settleMs / 1000} s`));
  }

  /** Waits for what is pending, then ends the thread after it closed its connection. */
  close(): void {
    this.settle();
    this.closed = true;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const r = this.running;
    this.running = null;
    if (!r) return;
    r.port.postMessage({ close: true });
    Atomics.wait(r.state, CLOSED, 0, 2000);
    void r.worker.terminate();
  }

  private start(): Running {
    const { port1, port2 } = new MessageChannel();
    const state = new Int32Array(new SharedArrayBuffer(12));
    Atomics.store(state, DONE, this.seq);
    const sqlite = this.o.sqliteModule ?? createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, file: this.file, sql: this.sql, state: state.buffer, sqlite }, transferList: [port2] });
    // A thread that dies takes its batches with it: they fail, so the storage guard keeps them in memory.
    const gone = (err: Error) => {
      if (this.running !== r) return;
      this.running = null;
      this.failAll(err);
      port1.close();
    };
    const r: Running = { worker, port: port1, state, gone };
    port1.on('message', (reply: Reply) => this.answer(reply));
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`the database writer stopped (exit code ${code})`)));
    port1.unref();
    worker.unref();
    return r;
  }

  private drain(r: Running): void {
    for (let m = receiveMessageOnPort(r.port); m; m = receiveMessageOnPort(r.port)) this.answer(m.message as Reply);
  }

  private answer(reply: Reply): void {
    const posted = this.pending.get(reply.seq);
    // A late reply (its batch failed by settle's deadline): the thread is idle again and may end.
    if (!posted) return void (this.pending.size || this.idleLater(this.o.idleMs ?? IDLE_MS));
    this.pending.delete(reply.seq);
    if (reply.unusable) {
      this.unusable = true;
      this.inline(posted);
    } else {
      if (reply.error) this.reopen = true;
      posted.done(reply.error ? Object.assign(new Error(reply.error.message), { code: reply.error.code }) : null, reply.result ?? 0);
    }
    this.wake(reply.seq);
    if (!this.pending.size) this.idleLater(this.unusable ? 0 : this.o.idleMs ?? IDLE_MS);
  }

  private failAll(err: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { done } of waiting) done(err, 0);
    this.wake(this.seq);
  }

  private wake(answered: number): void {
    while (this.waiters.length && this.waiters[0]!.seq <= answered) this.waiters.shift()!.then();
  }

  /** Ends the thread after idleMs without a batch: an idle app keeps no second V8 instance. */
  private idleLater(ms: number): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      this.idle = null;
      const r = this.running;
      if (!r || this.pending.size) return;
      this.running = null;
      // The thread closes its connection and its end of the channel, then exits on its own.
      r.port.postMessage({ close: true });
    }, ms);
    this.idle.unref();
  }
}
