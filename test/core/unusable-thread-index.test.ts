// A write thread that cannot load SQLite leaves the writes on the main connection (as before the thread
// existed); the search indexer's work in the traffic's pauses must then stay there too: sent to the
// thread, every task failed ("no write thread"), nothing was indexed in the background and the WAL was
// never checkpointed (it grew to the 64 MB safety net).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';

const CHANNEL = '1000000000000000001';
const msg = (n: number): ChatMessage => ({
  id: String(200000000000000000n + BigInt(n)),
  channelId: CHANNEL,
  author: { id: '1', username: 'a', displayName: 'A', avatarUrl: null, bot: false },
  content: `m${n}`,
  createdAt: n,
  editedAt: null,
  deleted: false,
  attachments: [],
  caughtUp: false,
});
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-unusable-thread-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('with no usable write thread, the pauses still index every stored message and checkpoint the WAL (on the main connection)', async () => {
  const store = new MessageStore(join(dir, 'm.sqlite'), undefined, { sqliteModule: join(dir, 'no-such-module.js') });
  const indexer = new FtsIndexer(store.database, store.background);
  try {
    await new Promise((resolve) => store.addManyLater(Array.from({ length: 30 }, (_, i) => msg(i + 1)), resolve));
    const pragma = vi.spyOn(store.database, 'pragma');
    indexer.start(20);
    const watermark = () => (store.database.prepare('SELECT last_rowid FROM fts_progress WHERE id = 1').get() as { last_rowid: number }).last_rowid;
    await until(() => watermark() >= 30, 'the 30 rows indexed in the pauses');
    expect(watermark()).toBe(30);
    await until(() => pragma.mock.calls.some(([sql]) => sql === 'wal_checkpoint(PASSIVE)'), 'a checkpoint in a pause');
  } finally {
    indexer.stop();
    store.close();
  }
});
