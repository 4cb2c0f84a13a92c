// The main connection and the store's write thread both write the same database. A main-side
// transaction that reads before it writes (the search indexer's step) must not fail when the thread
// commits in between (SQLITE_BUSY_SNAPSHOT is not waited out by SQLite's busy timeout): it takes the
// write lock first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';

const CH = '1000000000000000001';
let n = 0n;
const msg = (): ChatMessage => ({
  id: String(300000000000000000n + ++n),
  channelId: CH,
  author: { id: '1', username: 'a', displayName: 'A', avatarUrl: null, bot: false },
  content: `burst message ${n} with some ordinary words in it`,
  createdAt: 0,
  editedAt: null,
  deleted: false,
  attachments: [],
  caughtUp: false,
});

it('the search indexer and SQLite maintenance on the main connection keep working while the write thread commits batches', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-write-race-'));
  // A secret learnt while running (as a token saved later): redactStored() rewrites the rows holding it.
  let secret = 'no secret yet';
  const store = new MessageStore(join(dir, 'messages.sqlite'), (json) => json.replaceAll(secret, '[redacted]'));
  try {
    const indexer = new FtsIndexer(store.database);
    let written = 0;
    let failed: Error | null = null;
    const until = Date.now() + 3000;
    // Batches committed by the thread all along; the main thread indexes and rewrites rows between them.
    while (Date.now() < until && written < 60_000) {
      const batch = Array.from({ length: 100 }, msg);
      store.addManyLater(batch, (err) => (err ? (failed = err) : (written += batch.length)));
      indexer.catchUp();
      // A message the thread has committed already (they are written in order).
      if (written > 20) secret = `burst message ${written - 10} `;
      store.redactStored();
      await new Promise((r) => setImmediate(r));
    }
    store.settle();
    expect(failed).toBeNull();
    indexer.catchUp();
    const count = (sql: string) => (store.database.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM messages_fts')).toBe(count('SELECT count(*) AS n FROM messages'));
    expect(written).toBeGreaterThan(1000);
    expect(count("SELECT count(*) AS n FROM messages WHERE json LIKE '%[redacted]%'")).toBeGreaterThan(0);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
