// A secret learnt while a batch is in flight in the store's write thread (the bot token saved a moment
// after it was pasted in the channel: the settings 'changed' handler calls store.redactStored()) must not
// reach the file: the batch was scrubbed with the old secrets, so redactStored() waits for it first.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';

const CHANNEL = '1000000000000000001';
const SECRET = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.pasted-in-the-channel.abcdefghijklmnop';
const msg = (n: number, content: string): ChatMessage => ({
  id: String(200000000000000000n + BigInt(n)),
  channelId: CHANNEL,
  author: { id: '1', username: 'a', displayName: 'A', avatarUrl: null, bot: false },
  content,
  createdAt: n,
  editedAt: null,
  deleted: false,
  attachments: [],
  caughtUp: false,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-redact-in-flight-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('redactStored() scrubs a message the write thread had not committed yet, in the file and its WAL', () => {
  const secrets = new Set<string>();
  const store = new MessageStore(join(dir, 'messages.sqlite'), (json) => [...secrets].reduce((j, s) => j.split(s).join('[redacted]'), json));
  try {
    // Handed to the thread (it starts now, ~30 ms), then the token is learnt and the stored rows cleaned.
    store.addManyLater([msg(1, `oops ${SECRET}`)], () => undefined);
    secrets.add(SECRET);
    store.redactStored();
    store.settle();
    expect(store.get(msg(1, '').id)?.content).toBe('oops [redacted]');
  } finally {
    store.close();
  }
  // Nothing of it on disk either (the database, its WAL).
  for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).includes(SECRET), f).toBe(false);
});
