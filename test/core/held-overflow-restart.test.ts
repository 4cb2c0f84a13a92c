// With a real core and the fake Discord: a catch-up of more messages than the storage guard keeps in
// memory, while SQLite refuses every insert. The oldest are dropped from memory; once inserts work again
// the panel is told how many were not saved, and the next start's catch-up fetches them from Discord
// again: in the end every message is in the database.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { configuredEnv, coreEachWorld, coreFor, nextEvent, startConnected } from '../helpers/world.js';

const t = coreEachWorld();
const DEADLINE_MS = 120_000;
const sqlite = () => new Database(join(t.world.dataDir, 'messages.sqlite'));
const on = (sql: string) => {
  const db = sqlite();
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
};
const storedIds = () => {
  const db = sqlite();
  try {
    return new Set((db.prepare('SELECT id FROM messages').all() as { id: string }[]).map((r) => r.id));
  } finally {
    db.close();
  }
};

it('messages dropped from memory while inserts failed are fetched again at the next start', { timeout: 4 * DEADLINE_MS }, async () => {
  const { world } = t;
  const first = await t.connected();
  const before = nextEvent(first, 'message.created', (m) => m.content === 'before', DEADLINE_MS);
  world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'before' });
  await before;
  await first.shutdown();

  // While the app is off: 20,010 messages (10 more than the guard keeps), and a database that refuses inserts.
  const missed = world.fake.postBacklog(world.channelId, [world.userId], 20_010);
  on("CREATE TRIGGER refuse BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
  t.core = await coreFor(world, configuredEnv(world));
  // "Connected" is said once the catch-up is in (monitor.ts).
  await startConnected(t.core, DEADLINE_MS);
  const resumed = nextEvent(t.core, 'log.entry', (e) => e.message.startsWith('Saving messages again'), DEADLINE_MS);
  on('DROP TRIGGER refuse');
  expect((await resumed).i18n).toEqual({ key: 'storage.resumedDropped', params: { count: 10 } });
  const stored = storedIds();
  expect(missed.filter((m) => !stored.has(m.id)).map((m) => m.content)).toEqual(missed.slice(0, 10).map((m) => m.content));
  await t.core.shutdown();

  // The next start fetches them from Discord again.
  t.core = await coreFor(world, configuredEnv(world));
  await startConnected(t.core, DEADLINE_MS);
  const after = storedIds();
  expect(missed.filter((m) => !after.has(m.id)).map((m) => m.content)).toEqual([]);
});
