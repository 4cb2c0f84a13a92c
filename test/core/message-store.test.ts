import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';

const dir = mkdtempSync(join(tmpdir(), 'dm-store-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const msg = (id: string, channelId = '1000000000000000001', content = `m${id}`): ChatMessage => ({
  id,
  channelId,
  author: { id: '1', username: 'a', displayName: 'A', avatarUrl: null, bot: false },
  content,
  createdAt: 0,
  editedAt: null,
  deleted: false,
  attachments: [],
  caughtUp: false,
});

it('keeps messages across a restart, in snowflake order, without duplicates', () => {
  const file = join(dir, 'messages.sqlite');
  const first = new MessageStore(file);
  // 999… sorts after 1000… as text but not as a number: order must be numeric.
  expect(first.add(msg('10000000000000000002'))).toBe(true);
  expect(first.add(msg('9999999999999999999'))).toBe(true);
  expect(first.add(msg('10000000000000000002'))).toBe(false);
  first.update('9999999999999999999', { content: 'edited', editedAt: 5 });
  first.close();

  const second = new MessageStore(file);
  expect(second.list('1000000000000000001').map((m) => [m.id, m.content])).toEqual([
    ['9999999999999999999', 'edited'],
    ['10000000000000000002', 'm10000000000000000002'],
  ]);
  expect(second.has('10000000000000000002')).toBe(true);
  expect(second.list('2000000000000000002')).toEqual([]);
  second.close();
});

it('keeps every message (history is not capped) and lists the last N per channel', () => {
  const store = new MessageStore(':memory:');
  for (let i = 1; i <= 1500; i++) store.add(msg(String(100000000000000000n + BigInt(i))));
  store.add(msg('200000000000000099', '3000000000000000003'));
  expect(store.database.prepare("SELECT count(*) AS n FROM messages WHERE channel_id = '1000000000000000001'").get()).toEqual({ n: 1500 });
  expect(store.list('1000000000000000001', 2).map((m) => m.content)).toEqual(['m100000000000001499', 'm100000000000001500']);
  expect(store.list('3000000000000000003')).toHaveLength(1);
  store.close();
});

it('adds a batch in one transaction, ignoring duplicates', () => {
  const store = new MessageStore(':memory:');
  store.add(msg('100000000000000001'));
  expect(store.addMany([msg('100000000000000001'), msg('100000000000000002'), msg('100000000000000003')])).toBe(2);
  expect(store.list('1000000000000000001').map((m) => m.id)).toEqual(['100000000000000001', '100000000000000002', '100000000000000003']);
  store.close();
});
