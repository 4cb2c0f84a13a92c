// The search indexer looks at the database from a timer: a read that fails there (an I/O error, another
// process's schema change or lock) must not throw out of the timer, where nothing catches it and the
// app would stop. It is logged once, and the next ticks try again until the reads work.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { chatMessage as msg } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-fts-read-fault-');
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

it('a read that fails in the indexer timer is logged once per fault, and indexing goes on once reads work again', () => {
  const file = join(dir(), 'm.sqlite');
  const store = new MessageStore(file);
  const other = new Database(file);
  const warnings: string[] = [];
  // The indexing of the pauses on this connection (no write thread): each tick runs within advanceTimersByTime.
  const indexer = new FtsIndexer(store.database, null, { warn: (line: string) => void warnings.push(line) });
  const watermark = () => (store.database.prepare('SELECT last_rowid FROM fts_progress WHERE id = 1').get() as { last_rowid: number }).last_rowid;
  try {
    store.addMany(Array.from({ length: 30 }, (_, i) => msg(i + 1)));
    // Another process moves the table away: every read of the indexer fails ("no such table: messages").
    other.exec('ALTER TABLE messages RENAME TO messages_away');
    indexer.start(10);
    expect(() => vi.advanceTimersByTime(200)).not.toThrow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no such table: messages/);
    other.exec('ALTER TABLE messages_away RENAME TO messages');
    vi.advanceTimersByTime(200);
    expect(watermark()).toBe(30);
    // A later fault is a new one: said again (once).
    other.exec('ALTER TABLE messages RENAME TO messages_away');
    vi.advanceTimersByTime(200);
    expect(warnings).toHaveLength(2);
  } finally {
    indexer.stop();
    other.close();
    store.close();
  }
});
