// Stored messages for archive tests and benchmarks: a real MessageStore file in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageStore } from '../../electron/core/messages/store.js';
import { snowflakeAt } from '../../electron/core/archive/query.js';
import type { ChatMessage } from '../../shared/types.js';

export const CHANNEL = '200000000000000001';
export const T0 = Date.UTC(2026, 0, 1);
const AUTHORS = [
  { id: '300000000000000001', username: 'alice', displayName: 'Alice', avatarUrl: 'https://cdn.discordapp.com/avatars/300000000000000001/a.png', bot: false },
  { id: '300000000000000002', username: 'bob', displayName: 'Bob le "bricoleur"', avatarUrl: null, bot: false },
  { id: '300000000000000003', username: 'monitor', displayName: 'Monitor Bot', avatarUrl: null, bot: true },
];

/** The i-th message, one minute apart from T0; ids are snowflakes of their time (+ i, so unique). */
export function sampleMessage(i: number, content?: string): ChatMessage {
  const createdAt = T0 + i * 60_000;
  const id = (BigInt(snowflakeAt(createdAt)) + BigInt(i % 4096)).toString();
  const author = AUTHORS[i % AUTHORS.length]!;
  return {
    id,
    channelId: CHANNEL,
    author: { ...author },
    content: content ?? (i % 3 === 0 ? `plain message ${i}` : `**bold** ${i}, a link https://example.com/${i} and \`code\`, "quotes", commas\nsecond line`),
    createdAt,
    editedAt: i % 10 === 5 ? createdAt + 30_000 : null,
    deleted: i % 17 === 3,
    attachments: i % 7 === 2 ? [{ id: String(900 + i), name: `photo ${i}.png`, url: `https://cdn.discordapp.com/attachments/${CHANNEL}/${900 + i}/photo.png`, size: 123_456, contentType: 'image/png', width: 800, height: 600 }] : [],
    caughtUp: false,
  };
}

export interface StoredFixture {
  dir: string;
  file: string;
  store: MessageStore;
  close(): void;
}

/** A store holding `count` sample messages written 10,000 per transaction. */
export function storeWith(count: number, make: (i: number) => ChatMessage = sampleMessage): StoredFixture {
  const dir = mkdtempSync(join(tmpdir(), 'dm-archive-'));
  const file = join(dir, 'messages.sqlite');
  const store = new MessageStore(file);
  for (let start = 0; start < count; start += 10_000) {
    store.addMany(Array.from({ length: Math.min(count, start + 10_000) - start }, (_, k) => make(start + k)));
  }
  return {
    dir,
    file,
    store,
    close: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
