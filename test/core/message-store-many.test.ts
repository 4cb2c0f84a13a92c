// addMany writes rows in multi-row INSERTs of ROWS_PER_INSERT plus single ones for the rest: every row
// is written once, in the order given (the search indexer follows rowid order), duplicates (stored
// already or twice in one batch) are skipped and counted out, and each row's JSON is scrubbed.
import { expect, it } from 'vitest';
import { MessageStore } from '../../electron/core/messages/store.js';
import { chatMessage } from '../helpers/store-fixtures.js';

const SECRET = 'secret-token-for-the-store-0123456789';
const message = (n: number, content = `m${n}`) => chatMessage(n, { channelId: '200000000000000001', content }, 400000000000000000n);

it('70 messages with duplicates: each new one stored once, in the given order, scrubbed, the count of new ones answered', () => {
  const store = new MessageStore(':memory:', (json) => json.split(SECRET).join('[redacted]'));
  store.add(message(5));
  // 1..70 with 5 already stored, 40 given twice (inside the second multi-row chunk), secrets in a chunk row and in the remainder.
  const batch = Array.from({ length: 70 }, (_, i) => message(i + 1, i + 1 === 10 || i + 1 === 69 ? `has ${SECRET}` : `m${i + 1}`));
  batch.splice(45, 0, message(40, 'second copy'));
  expect(store.addMany(batch)).toBe(69);
  const rows = store.database.prepare<[], { id: string; json: string }>('SELECT id, json FROM messages ORDER BY rowid').all();
  expect(rows.map((r) => r.id)).toEqual([message(5).id, ...batch.filter((m, i) => m.id !== message(5).id && i !== 45).map((m) => m.id)]);
  expect(rows.map((r) => r.json).join('')).not.toContain(SECRET);
  expect(store.get(message(10).id)!.content).toBe('has [redacted]');
  expect(store.get(message(69).id)!.content).toBe('has [redacted]');
  expect(store.get(message(40).id)!.content).toBe('m40');
  expect(store.list('200000000000000001', 1000)).toHaveLength(70);
});

it('fewer messages than one multi-row insert: all stored through the single-row statement', () => {
  const store = new MessageStore(':memory:');
  expect(store.addMany([message(1), message(2), message(2)])).toBe(2);
  expect(store.list('200000000000000001', 10).map((m) => m.content)).toEqual(['m1', 'm2']);
});
