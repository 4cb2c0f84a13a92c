// Review: the store's write thread dies in the middle of a batch (its transaction begun, a row
// inserted, then the thread ends: an uncaught error or an out-of-memory in the worker). Nothing may be
// lost, the lock it held must be released, and the event loop must not wait out the whole 10 s settle
// deadline for a thread that is already gone.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { BatchWriter } from '../../electron/core/messages/batch-writer.js';
import { LastSeen } from '../../electron/core/messages/last-seen.js';
import { StorageGuard } from '../../electron/core/messages/storage-guard.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { chatMessage as msg, until } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-review-thread-death-');
let store: MessageStore | null = null;
afterEach(() => store?.close());

/** better-sqlite3 for the thread, except that a write begins its transaction, inserts its first row, and the thread dies by `death`. */
function dyingSqlite(death: string): string {
  const real = createRequire(import.meta.url).resolve('better-sqlite3');
  const file = join(dir(), 'dying-sqlite.cjs');
  writeFileSync(
    file,
    `const Real = require(${JSON.stringify(real)});
module.exports = class extends Real {
  transaction(fn) {
    const t = super.transaction(fn);
    const self = this;
    const dying = (values) => { self.exec('BEGIN IMMEDIATE'); self.prepare('INSERT INTO messages (id, channel_id, sort_key, json) VALUES (?, ?, ?, ?)').run(values.slice(0, 4)); ${death}; };
    dying.immediate = t.immediate;
    return dying;
  }
};`,
  );
  return file;
}

const deaths = {
  'process.exit': 'process.exit(7)',
  // Its reply cannot be posted: an error thrown outside the handler's try, uncaught, ends the thread.
  'an uncaught error': "require('node:worker_threads').MessagePort.prototype.postMessage = () => { throw new Error('boom'); }",
};

it.each(Object.entries(deaths))('a thread that dies mid-batch (%s): the batch is kept and written later, its lock is gone, and a read does not wait 10 s', async (_, death) => {
  const path = join(dir(), 'messages.sqlite');
  store = new MessageStore(path, undefined, { sqliteModule: dyingSqlite(death) });
  const writer = new BatchWriter(new StorageGuard(store, new LastSeen(join(dir(), 'last-seen.json')), pino({ level: 'silent' }), dir()));
  for (let i = 1; i <= 20; i++) writer.add(msg(i));
  const t0 = performance.now();
  writer.flush(); // a history read right after the hand-off: waits for the thread
  const waitedMs = performance.now() - t0;
  // Kept in memory meanwhile, readable.
  expect(writer.get(msg(20).id)?.content).toBe('m20');
  // The guard's retry writes them on the main connection: possible only if the dead thread's lock is gone.
  await until(() => {
    const db = new Database(path, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n === 20;
    } finally {
      db.close();
    }
  }, 'the 20 messages written after the thread died');
  // The thread is gone within milliseconds; the read must not wait out the whole settle deadline.
  expect(waitedMs).toBeLessThan(3000);
});

it('a thread that answers after the settle deadline failed its batch still ends once idle', async () => {
  // The thread's commit takes 1 s; a read gives up after 100 ms and fails the batch (the guard keeps it).
  const slow = join(dir(), 'slow-sqlite.cjs');
  writeFileSync(
    slow,
    `const Real = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
module.exports = class extends Real {
  transaction(fn) {
    const t = super.transaction(fn);
    const slow = (values) => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000); return t(values); };
    slow.immediate = t.immediate;
    return slow;
  }
};`,
  );
  store = new MessageStore(join(dir(), 'messages.sqlite'), undefined, { sqliteModule: slow, settleMs: 100, idleMs: 50 });
  let failed: Error | null = null;
  store.addManyLater([msg(1)], (err) => (failed = err));
  store.settle();
  expect(failed).toMatchObject({ message: 'the database writer did not answer within 0.1 s' });
  // Its late reply comes in after 1 s; an idle thread (~11 MiB) must not stay up for good.
  await until(() => !store!.threadStarted, 'the thread ended after its late reply', 5000);
});
