// Live batches are written by a worker thread with its own connection to the database: the insert, its
// commit and SQLite's checkpoints no longer run on the event loop that reads Discord's socket (a burst's
// writes were a fifth of the app's CPU there, and a stalled commit stalled everything behind it).
// Batches are written in the order posted; settle() waits for them when a read must see them.
// The thread starts with the first batch and ends after a quiet spell, so an idle app has none.
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** The statements the thread runs: one of `rows` rows and one of a single row (4 values each). */
export interface WriteSql {
  many: string;
  one: string;
  rows: number;
  /** SQLite's automatic checkpoint, in pages, as on the main connection. */
  autoCheckpoint: number;
  /** The search indexer's step (fts-indexer.ts INDEX_SQL), for the traffic's pauses. */
  index: { chunk: number; watermark: string; rows: string; fts: string; authors: string; advance: string };
}

/** Told once the batch is committed (null) or failed (the error, with SQLite's code); a task's result. */
export type Written = (err: Error | null, result: number) => void;

interface Reply {
  seq: number;
  result?: number;
  error?: { message: string; code?: string };
}

/** How long a read waits for the thread before its batches are given up as failed (kept in memory by the guard). */
const SETTLE_MS = 10_000;
const IDLE_MS = 10_000;
// state[0]: the last batch written; state[1]: 1 once the thread closed its connection.
const DONE = 0;
const CLOSED = 1;

// Plain CommonJS run as the worker (eval): no bundler entry needed, the same in the build and from source.
const SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const { port, file, sql } = workerData;
const state = new Int32Array(workerData.state);
const width = sql.rows * 4;
let db = null;
let write = null;
let index = null;
// After a failed write, batches already queued fail the same way without opening the file again; the
// next batch posted after main heard of the failure (the guard retried and recovered) opens it anew.
let failed = null;
const fs = require('node:fs');
function open() {
  // A read-only folder fails here (EROFS, even for root) before SQLite opens the file: SQLite would
  // fall back to a read-only handle and, to keep the main connection's locks, not close it until that
  // connection closes too.
  try { fs.accessSync(file, fs.constants.W_OK); } catch (err) { if (err.code !== 'ENOENT') throw err; }
  db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('secure_delete = ON');
  db.pragma('wal_autocheckpoint = ' + sql.autoCheckpoint);
  const x = sql.index;
  const [watermark, rows, fts, authors, advance] = [x.watermark, x.rows, x.fts, x.authors, x.advance].map((q) => db.prepare(q));
  // The same step as FtsIndexer's; IMMEDIATE, as the main connection writes too (a search's catch-up).
  const step = db.transaction(() => {
    const from = watermark.get().last_rowid;
    const to = rows.get(from, x.chunk)?.r;
    if (to === null || to === undefined) return 0;
    fts.run(from, to);
    authors.run(from, to);
    advance.run(to);
    return to - from;
  });
  index = () => step.immediate();
  const many = db.prepare(sql.many);
  const one = db.prepare(sql.one);
  write = db.transaction((values) => {
    let i = 0;
    for (; i + width <= values.length; i += width) many.run(values.slice(i, i + width));
    for (; i < values.length; i += 4) one.run(values.slice(i, i + 4));
  });
}
port.on('message', (m) => {
  if (m.close) {
    try { if (db) db.close(); } catch {}
    db = null;
    Atomics.store(state, ${CLOSED}, 1);
    Atomics.notify(state, ${CLOSED});
    port.close();
    return;
  }
  let reply = { seq: m.seq };
  if (m.reopen) failed = null;
  if (m.task) {
    // Background work (indexing, checkpoints): a failure is only reported, live batches go on as before.
    try {
      if (failed) throw failed;
      if (!db) open();
      reply.result = m.task === 'index' ? index() : (db.pragma('wal_checkpoint(PASSIVE)'), 0);
    } catch (err) {
      reply = { seq: m.seq, error: { message: String((err && err.message) || err), code: err && err.code } };
    }
    port.postMessage(reply);
    Atomics.store(state, ${DONE}, m.seq);
    Atomics.notify(state, ${DONE});
    return;
  }
  try {
    if (failed) throw failed;
    if (!db) open();
    write(m.values);
  } catch (err) {
    failed = err;
    reply = { seq: m.seq, error: { message: String((err && err.message) || err), code: err && err.code } };
    // Closed before the failure is told: a connection made while the folder was read-only (or on a
    // failing disk) would keep failing, and keep that file open after the fault is fixed.
    try { if (db) db.close(); } catch {}
    db = null;
  }
  port.postMessage(reply);
  Atomics.store(state, ${DONE}, m.seq);
  Atomics.notify(state, ${DONE});
});
`;

interface Running {
  worker: Worker;
  port: MessagePort;
  state: Int32Array;
}

export class WriteThread {
  private running: Running | null = null;
  private seq = 0;
  /** Batches posted and not answered yet, oldest first. */
  private readonly pending = new Map<number, Written>();
  private idle: NodeJS.Timeout | null = null;
  /** A batch failed since the last post: the next one tells the thread to open the database again. */
  private reopen = false;

  constructor(
    private readonly file: string,
    private readonly sql: WriteSql,
    private readonly idleMs = IDLE_MS,
  ) {}

  /** True while a thread is up (from the first batch until it has been idle for a while). */
  get started(): boolean {
    return this.running !== null;
  }

  /** Writes `values` (4 per row, in order) in one transaction on the thread; `done` is called on this thread. */
  post(values: string[], done: Written): void {
    this.send({ values }, done);
  }

  private send(message: { values: string[] } | { task: string }, done: Written): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const r = (this.running ??= this.start());
    const seq = ++this.seq;
    this.pending.set(seq, done);
    r.port.postMessage({ seq, ...message, reopen: this.reopen });
    this.reopen = false;
  }

  /** Runs a search-index step or a WAL checkpoint on the thread, in order with the batches; `done` gets the rows indexed. */
  run(task: 'index' | 'checkpoint', done: Written): void {
    this.send({ task }, done);
  }

  /** Blocks until every batch posted so far is answered (their `done` called), or SETTLE_MS passed. */
  settle(): void {
    const deadline = Date.now() + SETTLE_MS;
    while (this.pending.size && this.running) {
      const r = this.running;
      const written = Atomics.load(r.state, DONE);
      // The reply is posted before the counter moves: once it covers a batch, its reply can be read.
      this.drain(r);
      const left = deadline - Date.now();
      if (!this.pending.size || left <= 0) break;
      if (written < this.seq) Atomics.wait(r.state, DONE, written, Math.min(left, 100));
    }
    if (this.pending.size) this.failAll(new Error(`the database writer did not answer within ${SETTLE_MS / 1000} s`));
  }

  /** Waits for what is pending, then ends the thread after it closed its connection. */
  close(): void {
    this.settle();
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
    const state = new Int32Array(new SharedArrayBuffer(8));
    Atomics.store(state, DONE, this.seq);
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(SOURCE, { eval: true, workerData: { port: port2, file: this.file, sql: this.sql, state: state.buffer, sqlite }, transferList: [port2] });
    const r: Running = { worker, port: port1, state };
    port1.on('message', (reply: Reply) => this.answer(reply));
    // A thread that dies takes its batches with it: they fail, so the storage guard keeps them in memory.
    const gone = (err: Error) => {
      if (this.running !== r) return;
      this.running = null;
      this.failAll(err);
      port1.close();
    };
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
    const done = this.pending.get(reply.seq);
    if (!done) return;
    this.pending.delete(reply.seq);
    if (reply.error) this.reopen = true;
    done(reply.error ? Object.assign(new Error(reply.error.message), { code: reply.error.code }) : null, reply.result ?? 0);
    if (!this.pending.size) this.idleLater();
  }

  private failAll(err: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const done of waiting) done(err, 0);
  }

  /** Ends the thread after idleMs without a batch: an idle app keeps no second V8 instance. */
  private idleLater(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      this.idle = null;
      const r = this.running;
      if (!r || this.pending.size) return;
      this.running = null;
      // The thread closes its connection and its end of the channel, then exits on its own.
      r.port.postMessage({ close: true });
    }, this.idleMs);
    this.idle.unref();
  }
}
