// A write thread that cannot load SQLite leaves the writes on the main connection (as before the thread
// existed); the search indexer's work in the traffic's pauses must then stay there too: sent to the
// thread, every task failed ("no write thread"), nothing was indexed in the background and the WAL was
// never checkpointed (it grew to the 64 MB safety net).
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { chatMessage as msg, until } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-unusable-thread-');

it('with no usable write thread, the pauses still index every stored message and checkpoint the WAL (on the main connection)', async () => {
  const store = new MessageStore(join(dir(), 'm.sqlite'), undefined, { sqliteModule: join(dir(), 'no-such-module.js') });
  const indexer = new FtsIndexer(store.database, store.background);
  try {
    await new Promise((resolve) => store.addManyLater(Array.from({ length: 30 }, (_, i) => msg(i + 1)), resolve));
    const pragma = vi.spyOn(store.database, 'pragma');
    indexer.start(20);
    const watermark = () => (store.database.prepare('SELECT last_rowid FROM fts_progress WHERE id = 1').get() as { last_rowid: number }).last_rowid;
    await until(() => watermark() >= 30, 'the 30 rows indexed in the pauses', 5000);
    expect(watermark()).toBe(30);
    await until(() => pragma.mock.calls.some(([sql]) => sql === 'wal_checkpoint(PASSIVE)'), 'a checkpoint in a pause', 5000);
  } finally {
    indexer.stop();
    store.close();
  }
});
