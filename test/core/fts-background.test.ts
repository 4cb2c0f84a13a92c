// The search index is filled, and the WAL checkpointed, on the store's write thread in the traffic's
// pauses: a chunk or a checkpoint held up by SQLite (here: another connection holds the write lock,
// as a long commit would) no longer holds up the event loop.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { chatMessage, until } from '../helpers/store-fixtures.js';

const msg = (i: number, pad = '') => chatMessage(i, { content: `quiet ${i}${pad}` }, 400000000000000000n);

it('indexes and checkpoints off the event loop: timers stay on time while SQLite holds the work up, and the index is complete after', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-fts-bg-'));
  const file = join(dir, 'messages.sqlite');
  const store = new MessageStore(file);
  const indexer = new FtsIndexer(store.database, store.background);
  const watermark = () => (store.database.prepare('SELECT last_rowid AS n FROM fts_progress').get() as { n: number }).n;
  try {
    // As start() sets it: no automatic checkpoint inside these commits, so the pause's one shows.
    store.database.pragma('wal_autocheckpoint = 16384');
    store.addMany(Array.from({ length: 3000 }, (_, i) => msg(i + 1, ` ${'x'.repeat(1500)}`)));
    const before = statSync(file).size;
    const locker = new Database(file);
    locker.exec('BEGIN IMMEDIATE');
    indexer.start(20);
    // Ticks while the lock is held: an indexing step in the event loop would wait here for the lock.
    let latest = 0;
    for (let i = 0; i < 25; i++) {
      const t = performance.now();
      await new Promise((r) => setTimeout(r, 10));
      latest = Math.max(latest, performance.now() - t - 10);
    }
    expect(latest).toBeLessThan(100);
    expect(watermark()).toBe(0);
    locker.exec('COMMIT');
    locker.close();
    await until(() => watermark() === 3000, 'the whole index');
    expect((store.database.prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'quiet'").get() as { n: number }).n).toBe(3000);
    // Then the pause's checkpoint moves the ~5 MB of WAL into the database file.
    await until(() => statSync(file).size > before + 1_000_000, 'the checkpoint');
  } finally {
    indexer.stop();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

it('an app that starts idle (index complete, WAL truncated at open) gives the write thread nothing to do; new rows and a pause do', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-fts-idle-'));
  const file = join(dir, 'messages.sqlite');
  const first = new MessageStore(file);
  first.addMany(Array.from({ length: 100 }, (_, i) => msg(i + 1)));
  new FtsIndexer(first.database).catchUp();
  first.close();
  const store = new MessageStore(file);
  store.redactStored(); // as the core opens it: the WAL is checkpointed and truncated
  const tasks: string[] = [];
  const indexer = new FtsIndexer(store.database, { run: (task, done) => (tasks.push(task), done(null, 0)) });
  try {
    indexer.start(10);
    await new Promise((r) => setTimeout(r, 150));
    expect(tasks).toEqual([]);
    store.addMany([msg(101)]);
    await until(() => tasks.includes('checkpoint'), 'the pause’s work');
    expect(tasks[0]).toBe('index');
  } finally {
    indexer.stop();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
