// What the message-store tests share: one channel, a message factory with predictable ids and contents,
// and a polling wait with a deadline (no fixed sleeps). A temp folder per test: temp-dir.ts.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { sortKey } from '../../electron/core/messages/history-query.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';
import { tempDirPerTest } from './temp-dir.js';

export const CHANNEL = '1000000000000000001';
/** Message n's snowflake is ID_BASE + n, so ids sort as n does. */
export const ID_BASE = 200000000000000000n;

/** Message n of `author` '1' in CHANNEL: content `m${n}`, created at n. `over` replaces fields; `idBase` picks another id range. */
export const chatMessage = (n: number, over: Partial<ChatMessage> = {}, idBase = ID_BASE): ChatMessage => ({
  id: String(idBase + BigInt(n)),
  channelId: CHANNEL,
  author: { id: '1', username: 'a', displayName: 'A', avatarUrl: null, bot: false },
  content: `m${n}`,
  createdAt: n,
  editedAt: null,
  deleted: false,
  attachments: [],
  caughtUp: false,
  ...over,
});

/** Polls `check` every `stepMs` until true; past `ms` it throws naming `what`. */
export async function until(check: () => boolean, what: string, ms = 10_000, stepMs = 10): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** A message store in a fresh temp folder for each test, closed after it: getters for the folder and the store. */
export function storePerTest(prefix: string): { dir: () => string; store: () => MessageStore } {
  const dir = tempDirPerTest(prefix);
  let store: MessageStore | null = null;
  beforeEach(() => {
    store = new MessageStore(join(dir(), 'messages.sqlite'));
  });
  afterEach(() => store?.close());
  return { dir, store: () => store! };
}

/**
 * `rows` messages ("backfilled 0", "backfilled 1"…) written into a data folder's store by another
 * connection, as a backfill's rows are: stored, not yet in the search index.
 */
export function storeUnindexed(dataDir: string, channelId: string, rows: number): void {
  const db = new Database(join(dataDir, 'messages.sqlite'));
  const insert = db.prepare('INSERT INTO messages (id, channel_id, sort_key, json) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const m = chatMessage(i + 1, { channelId, content: `backfilled ${i}` });
      insert.run(m.id, m.channelId, sortKey(m.id), JSON.stringify(m));
    }
  })();
  db.close();
}
