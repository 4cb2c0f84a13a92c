// A search, statistics or a filtered export first indexes the rows waiting for the search index
// (FtsIndexer.caughtUp). While another program holds the database's write lock (DB Browser with changes
// not written yet) that step waited SQLite's whole busy timeout (5 s): on the write thread the search
// answered 5 s late, and with no thread it stood the event loop still for 5 s, as catchUp() did before
// it waited briefly (brief-busy.ts). So did the pauses' indexing and emoji redo with no thread.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { EventBus } from '../../electron/core/event-bus.js';
import { createHistory } from '../../electron/core/history/history-service.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { SearchResult } from '../../shared/types.js';
import { writeLayout3Store } from '../helpers/layout3-store.js';
import { CHANNEL, chatMessage } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-catch-up-lock-');
let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanup.reverse()) c();
  cleanup = [];
});

/** The longest gap between ticks of a 10 ms interval while `run` runs, and how long it took. */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; stallMs: number; tookMs: number }> {
  const started = performance.now();
  let last = started;
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const value = await run();
    stallMs = Math.max(stallMs, performance.now() - last);
    return { value, stallMs, tookMs: performance.now() - started };
  } finally {
    clearInterval(tick);
  }
}

/** A store with one indexed row ('kept') and 100 more stored but not indexed, then locked by another connection. */
async function lockedWithPending(thread: boolean): Promise<MessageStore> {
  const file = join(dir(), 'messages.sqlite');
  const store = new MessageStore(file, undefined, thread ? {} : { sqliteModule: join(dir(), 'no-such-module.js') });
  cleanup.push(() => store.close());
  // The first batch starts the thread (or finds it unusable: written here).
  await new Promise<void>((resolve, reject) => store.addManyLater([chatMessage(0, { content: 'kept' })], (err) => (err ? reject(err) : resolve())));
  expect(store.background!.usable).toBe(thread);
  new FtsIndexer(store.database).catchUp();
  store.addMany(Array.from({ length: 100 }, (_, i) => chatMessage(i + 1, { content: `pending ${i}` })));
  lock(file);
  return store;
}

function lock(file: string): void {
  const other = new Database(file);
  other.exec('BEGIN IMMEDIATE');
  cleanup.push(() => {
    other.exec('ROLLBACK');
    other.close();
  });
}

for (const thread of [true, false]) {
  it(`a search while another program holds the lock answers from what is indexed at once, the event loop free (${thread ? 'write thread' : 'no write thread'})`, async () => {
    const store = await lockedWithPending(thread);
    const monitor = { writesDone: async () => undefined, heldMessages: () => [], historySource: () => null };
    const history = createHistory({ dataDir: dir(), store, monitor: monitor as never, bus: new EventBus(new Redactor()), logger: pino({ level: 'silent' }), channelId: () => CHANNEL, fetchSettings: () => ({ mode: 'recent', limit: null, periodHours: null }) as never });
    cleanup.push(() => history.dispose());
    const { value, stallMs, tookMs } = await timed(() => history.handlers.search({ query: 'kept' }) as Promise<SearchResult>);
    expect(value.messages.map((m) => m.content)).toEqual(['kept']);
    // 5,000 ms before: SQLite's busy timeout, on the thread (the search waited) or here (everything did).
    expect(tookMs).toBeLessThan(2000);
    expect(stallMs).toBeLessThan(1000);
  });
}

it('with no write thread, the pauses’ emoji redo while another program holds the lock leaves the event loop free', async () => {
  const file = join(dir(), 'messages.sqlite');
  writeLayout3Store(file, Array.from({ length: 50 }, (_, i) => chatMessage(i, { content: `🎉 ${i}` })));
  const store = new MessageStore(file);
  cleanup.push(() => store.close());
  lock(file);
  const indexer = new FtsIndexer(store.database, { run: (_task, done) => done(new Error('no write thread'), 0), usable: false });
  cleanup.push(() => indexer.stop());
  const { stallMs } = await timed(async () => {
    indexer.start(20);
    // Several of the indexer's ticks, each trying a redo step that meets the lock.
    await new Promise((resolve) => setTimeout(resolve, 1500));
  });
  expect(stallMs).toBeLessThan(1000);
  expect(store.database.prepare('SELECT emoji_below > 0 AS left FROM fts_progress').get()).toEqual({ left: 1 });
});
