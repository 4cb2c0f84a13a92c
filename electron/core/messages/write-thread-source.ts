// The write thread's own code: a plain script run with `eval`, so it needs no bundler entry and runs
// the same from the build and from source. No `require`: a worker inherits --input-type=module from a
// standby (standby-launch.ts) and then reads this as an ES module; getBuiltinModule works in both. It owns one connection; each message is a batch
// to insert in one transaction, or a background task (a search-index step, an emoji-words redo step, a WAL checkpoint).
// state[0]: the last batch written; state[1]: 1 once the thread closed its connection; state[2]: 1 once
// the thread is exiting (set from its own 'exit', which main's 'exit' event follows only via main's event loop).
export const DONE = 0;
export const CLOSED = 1;
export const EXITED = 2;

export const WORKER_SOURCE = `
const { workerData } = process.getBuiltinModule('node:worker_threads');
// A thread that cannot load SQLite (a packaging without it, say) answers every batch "unusable": the
// main side then writes on its own connection, as before the thread existed.
let Database = null;
let unusable = null;
try { Database = process.getBuiltinModule('node:module').createRequire(workerData.sqlite)(workerData.sqlite); } catch (err) { unusable = err; }
const { port, file, sql } = workerData;
const state = new Int32Array(workerData.state);
// A settle() blocked in Atomics.wait cannot hear the 'exit' event on main: told here, it gives up at once.
process.on('exit', () => { Atomics.store(state, ${EXITED}, 1); Atomics.notify(state, ${DONE}); });
const width = sql.rows * 4;
let db = null;
let write = null;
let index = null;
let redo = null;
// After a failed write, batches already queued fail the same way without opening the file again; the
// next batch posted after main heard of the failure (the guard retried and recovered) opens it anew.
let failed = null;
const fs = process.getBuiltinModule('node:fs');
function open() {
  // A read-only folder fails here (EROFS, even for root) before SQLite opens the file: SQLite would
  // fall back to a read-only handle and, to keep the main connection's locks, not close it until that
  // connection closes too.
  try { fs.accessSync(file, fs.constants.W_OK); } catch (err) { if (err.code !== 'ENOENT') throw err; }
  // Opened into a local and kept only once configured: a pragma refused part-way (SQLITE_BUSY) leaves
  // no half-set connection behind for the next batch, which opens afresh.
  const c = new Database(file);
  try { configure(c); } catch (err) { try { c.close(); } catch {} throw err; }
  db = c;
}
function configure(c) {
  c.pragma('journal_mode = WAL');
  c.pragma('synchronous = NORMAL');
  c.pragma('secure_delete = ON');
  c.pragma('wal_autocheckpoint = ' + sql.autoCheckpoint);
  // The same emoji words as emoji-words.ts emojiWords(), from the same pattern.
  const emoji = new RegExp(sql.emoji, 'gu');
  c.function('emoji_words', { deterministic: true }, (text) => {
    if (typeof text !== 'string') return '';
    const seen = new Set();
    for (const [ch] of text.matchAll(emoji)) seen.add(ch.codePointAt(0));
    return [...seen].map((cp) => 'em' + cp.toString(16)).join(' ');
  });
  const x = sql.index;
  const [watermark, rows, fts, authors, advance] = [x.watermark, x.rows, x.fts, x.authors, x.advance].map((q) => c.prepare(q));
  // The same step as FtsIndexer's; IMMEDIATE, as the main connection writes too (a search's catch-up).
  const step = c.transaction(() => {
    const from = watermark.get().last_rowid;
    const to = rows.get(from, x.chunk)?.r;
    if (to === null || to === undefined) return 0;
    fts.run(from, to);
    authors.run(from, to);
    advance.run(to);
    return to - from;
  });
  index = () => step.immediate();
  // The same step as emoji-redo.ts redoStep(); snowflakes as BigInt.
  const y = sql.redo;
  const [queued, below, older] = [y.queued, y.below, y.older].map((q) => c.prepare(q).safeIntegers());
  const [drop, redoFts, dequeue, lower] = [y.drop, y.fts, y.dequeue, y.advance].map((q) => c.prepare(q));
  const redoChunk = c.transaction(() => {
    let ids = queued.all(y.chunk).map((r) => r.id);
    const fromQueue = ids.length > 0;
    if (!fromQueue) {
      const from = below.get()?.below ?? 0n;
      if (from <= 0n) return 0;
      ids = older.all(from, y.chunk).map((r) => r.id);
    }
    const list = '[' + ids.join(',') + ']';
    drop.run(list);
    redoFts.run(list);
    if (fromQueue) dequeue.run(list);
    else lower.run(ids.length ? ids[ids.length - 1] : 0n);
    return ids.length;
  });
  redo = () => redoChunk.immediate();
  const many = c.prepare(sql.many);
  const one = c.prepare(sql.one);
  write = c.transaction((values) => {
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
  if (unusable) {
    port.postMessage({ seq: m.seq, unusable: true, error: { message: String(unusable.message || unusable), code: unusable.code } });
    Atomics.store(state, ${DONE}, m.seq);
    Atomics.notify(state, ${DONE});
    return;
  }
  if (m.reopen) failed = null;
  if (m.task) {
    // Background work (indexing, checkpoints): a failure is only reported, live batches go on as before.
    // Briefly, as on the main connection: a search waits for its catch-up's step, and another program's
    // lock held it SQLite's 5 s for nothing (the step fails, what is indexed is searched).
    let usual = null;
    try {
      if (failed) throw failed;
      if (!db) open();
      usual = db.pragma('busy_timeout', { simple: true });
      db.pragma('busy_timeout = ' + sql.taskBusyMs);
      reply.result = m.task === 'index' ? index() : m.task === 'redo' ? redo() : (db.pragma('wal_checkpoint(PASSIVE)'), 0);
    } catch (err) {
      reply = { seq: m.seq, error: { message: String((err && err.message) || err), code: err && err.code } };
    }
    try { if (usual !== null) db.pragma('busy_timeout = ' + usual); } catch {}
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
