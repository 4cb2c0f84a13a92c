// A secret learnt while a batch is in flight in the store's write thread (the bot token saved a moment
// after it was pasted in the channel: the settings 'changed' handler calls store.redactStored()) must not
// reach the file: the batch was scrubbed with the old secrets, so redactStored() waits for it first.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MessageStore } from '../../electron/core/messages/store.js';
import { chatMessage } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const SECRET = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.pasted-in-the-channel.abcdefghijklmnop';
const msg = (n: number, content: string) => chatMessage(n, { content });

const dir = tempDirPerTest('dm-redact-in-flight-');

it('redactStored() scrubs a message the write thread had not committed yet, in the file and its WAL', () => {
  const secrets = new Set<string>();
  const store = new MessageStore(join(dir(), 'messages.sqlite'), (json) => [...secrets].reduce((j, s) => j.split(s).join('[redacted]'), json));
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
  for (const f of readdirSync(dir())) expect(readFileSync(join(dir(), f)).includes(SECRET), f).toBe(false);
});
