// Invariant 4 on disk: a token pasted in the watched channel never reaches messages.sqlite or its WAL.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';
import { configuredEnv, coreFor, createWorld, nextEvent, TOKEN, waitState, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;

afterEach(async () => {
  await core?.shutdown();
  core = null;
  await world.close();
});

const SQLITE_FILES = ['messages.sqlite', 'messages.sqlite-wal', 'messages.sqlite-shm'];

/** Which of the database's files (main, WAL, shared memory) hold `needle` anywhere in their bytes. */
function filesHolding(needle: string): string[] {
  return SQLITE_FILES.filter((f) => existsSync(join(world.dataDir, f)) && readFileSync(join(world.dataDir, f)).includes(needle));
}

it('content, attachment names and URLs, and edits are stored redacted', async () => {
  world = await createWorld();
  core = await coreFor(world, configuredEnv(world));
  const connected = waitState(core, 'connected');
  await core.dispatch('bot.start');
  await connected;

  const created = nextEvent(core, 'message.created');
  const posted = world.fake.postMessage(world.channelId, {
    authorId: world.userId,
    content: `oops, the bot token is ${TOKEN} — please rotate`,
    attachments: [{ filename: `${TOKEN}.txt`, size: 10, contentType: 'text/plain' }],
  });
  await created;
  const updated = nextEvent(core, 'message.updated');
  world.fake.editMessage(world.channelId, posted.id, `edited, still ${TOKEN}`);
  await updated;

  // A read writes what is queued first (live writes go to the write thread in batches, up to HANDOFF_MS late).
  const listed = await core.dispatch('messages.list');
  const stored = (listed.ok ? listed.value : []) as ChatMessage[];
  // While running: the WAL holds the writes (the check would prove nothing without them).
  expect(filesHolding(TOKEN)).toEqual([]);
  expect(readFileSync(join(world.dataDir, 'messages.sqlite-wal')).includes('[redacted]')).toBe(true);
  expect(stored.at(-1)).toMatchObject({ content: 'edited, still [redacted]', attachments: [{ name: '[redacted].txt' }] });

  await core.shutdown();
  core = null;
  expect(filesHolding(TOKEN)).toEqual([]);
  expect(filesHolding('[redacted]')).not.toEqual([]);
});

const message = (id: string, content: string): ChatMessage => ({
  id,
  channelId: '1000000000000000001',
  author: { id: '2000000000000000002', username: 'alice', displayName: 'Alice', avatarUrl: null, bot: false },
  content,
  createdAt: 0,
  editedAt: null,
  deleted: false,
  attachments: [],
  caughtUp: false,
});

it('a database written before redaction existed is cleaned at start, old bytes included', async () => {
  world = await createWorld();
  const old = new MessageStore(join(world.dataDir, 'messages.sqlite'));
  for (let i = 0; i < 50; i++) old.add(message(String(1000000000000000100n + BigInt(i)), `message ${i}: ${i % 7 === 0 ? TOKEN : 'nothing secret'}`));
  old.close();
  expect(filesHolding(TOKEN)).toEqual(['messages.sqlite']);

  core = await coreFor(world, configuredEnv(world));
  expect(filesHolding(TOKEN)).toEqual([]);
  await core.shutdown();
  core = null;
  expect(filesHolding(TOKEN)).toEqual([]);
  const reopened = new MessageStore(join(world.dataDir, 'messages.sqlite'));
  const kept = reopened.list('1000000000000000001', 500).map((m) => m.content);
  reopened.close();
  expect(kept).toHaveLength(50);
  expect(kept[0]).toBe('message 0: [redacted]');
  expect(kept[1]).toBe('message 1: nothing secret');
});

it('messages stored before a token is saved are cleaned when it is saved', async () => {
  world = await createWorld();
  const old = new MessageStore(join(world.dataDir, 'messages.sqlite'));
  old.add(message('1000000000000000100', `soon to be the token: ${TOKEN}`));
  old.close();
  core = await coreFor(world, {});
  expect(filesHolding(TOKEN)).toEqual(['messages.sqlite']);
  await core.dispatch('settings.save', { token: TOKEN });
  expect(filesHolding(TOKEN)).toEqual([]);
});

it("a message indexed for search before its token was known leaves no piece of it in the search index", async () => {
  world = await createWorld();
  const old = new MessageStore(join(world.dataDir, 'messages.sqlite'));
  for (let i = 0; i < 20; i++) old.add(message(String(1000000000000000100n + BigInt(i)), `message ${i}: ${i === 7 ? `the new token ${TOKEN} ok` : 'nothing secret'}`));
  new FtsIndexer(old.database).catchUp();
  old.close();
  // The index splits the token at its dots and dashes, lower-cased: its last part is one of its words.
  const piece = TOKEN.split(/[.-]/).at(-1)!.toLowerCase();
  expect(piece.length).toBeGreaterThanOrEqual(10);
  expect(filesHolding(piece)).toEqual(['messages.sqlite']);

  core = await coreFor(world, configuredEnv(world));
  await core.shutdown();
  core = null;
  expect(filesHolding(TOKEN)).toEqual([]);
  expect(filesHolding(piece)).toEqual([]);
  // Search still finds the message by its other words, and not by the token's.
  const reopened = new MessageStore(join(world.dataDir, 'messages.sqlite'));
  const search = (q: string) => new MessageSearch(reopened, new FtsIndexer(reopened.database)).search('1000000000000000001', { query: q }).messages;
  expect(search('ok').map((m) => m.content)).toEqual(['message 7: the new token [redacted] ok']);
  expect(search(piece)).toEqual([]);
  reopened.close();
});
