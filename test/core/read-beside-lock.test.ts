// Another program holding the database's write lock (DB Browser for SQLite with changes not written yet,
// a tool copying the file inside a transaction): the store's write thread waits SQLite's busy timeout
// (5 s) for each batch. A panel's page read, a search or an export waited for that thread with
// Atomics.wait on the event loop, so the whole app stood still meanwhile: the gateway, /healthz, every
// other panel. Reads now wait for the commit without blocking, and see the message once it is written.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { ChatMessage, SearchResult } from '../../shared/types.js';
import { call } from '../helpers/core-calls.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, startConnected, type World } from '../helpers/world.js';

const DEADLINE_MS = 30_000;
/** The lock is released after this long, by a timer: only a free event loop runs it on time. */
const HOLD_MS = 1500;
let world: World;
let core: Core | null = null;
let other: Database.Database | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });
afterEach(() => {
  if (other?.inTransaction) other.exec('ROLLBACK');
  other?.close();
  other = null;
});

/** The longest gap between ticks of a 20 ms interval while `run` runs: how long the event loop stood still. */
async function loopStallDuring<T>(run: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 20);
  try {
    const value = await run();
    stallMs = Math.max(stallMs, performance.now() - last);
    return { value, stallMs };
  } finally {
    clearInterval(tick);
  }
}

/** The app connected, with one message (`content`) posted and committed: the write thread is up. */
async function connectedWithStored(content: string): Promise<{ c: Core; id: string }> {
  core = await coreFor(world, configuredEnv(world));
  const c = await startConnected(core, DEADLINE_MS);
  const stored = nextEvent(c, 'message.created', (m) => m.content === content, DEADLINE_MS);
  const { id } = world.fake.postMessage(world.channelId, { authorId: world.userId, content });
  await stored;
  await call(c, 'messages.list', { limit: 1 });
  return { c, id };
}

describe('another process holding the database write lock', { timeout: 60_000 }, () => {
  for (const [name, read] of [
    ['messages.list', (c: Core) => call<ChatMessage[]>(c, 'messages.list', { limit: 5 }).then((ms) => ms.map((m) => m.content))],
    ['messages.search', (c: Core) => call<SearchResult>(c, 'messages.search', { query: 'during' }).then((r) => r.messages.map((m) => m.content))],
  ] as const) {
    it(`${name} waits for the commit without stopping the event loop, and sees the message`, async () => {
      core = await coreFor(world, configuredEnv(world));
      const c = await startConnected(core, DEADLINE_MS);
      const post = (content: string) => {
        const seen = nextEvent(c, 'message.created', (m) => m.content === content, DEADLINE_MS);
        world.fake.postMessage(world.channelId, { authorId: world.userId, content });
        return seen;
      };
      await post('before');
      await call(c, 'messages.list', { limit: 1 }); // written: the write thread is up

      other = new Database(join(world.dataDir, 'messages.sqlite'));
      other.exec('BEGIN IMMEDIATE');
      await post('during'); // its batch waits for the lock on the write thread
      const released = new Promise<number>((resolve) =>
        setTimeout(() => {
          other!.exec('COMMIT');
          resolve(performance.now());
        }, HOLD_MS),
      );
      const started = performance.now();
      const { value, stallMs } = await loopStallDuring(() => read(c));
      const answeredAfter = performance.now() - started;

      expect(value).toContain('during');
      // Blocked, the loop stood still until SQLite's 5 s busy timeout failed the batch (~5,000 ms).
      expect(stallMs).toBeLessThan(1000);
      // It waited for the commit, which the release let through.
      expect(answeredAfter).toBeGreaterThanOrEqual(HOLD_MS - 50);
      expect(await released).toBeLessThan(started + HOLD_MS + 1000);
    });
  }

  it('held past SQLite\'s busy timeout: a search answers from what is indexed, without stopping the event loop', async () => {
    core = await coreFor(world, configuredEnv(world));
    const c = await startConnected(core, DEADLINE_MS);
    const seen = nextEvent(c, 'message.created', (m) => m.content === 'before', DEADLINE_MS);
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'before' });
    await seen;
    const search = (query: string) => call<SearchResult>(c, 'messages.search', { query }).then((r) => r.messages.map((m) => m.content));
    expect(await search('before')).toEqual(['before']); // indexed

    other = new Database(join(world.dataDir, 'messages.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    const during = nextEvent(c, 'message.created', (m) => m.content === 'during', DEADLINE_MS);
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'during' });
    await during;
    // The thread gives the batch up after 5 s (held in memory); the search's own index step must not wait
    // another 5 s on the event loop, nor fail the search.
    const { value, stallMs } = await loopStallDuring(() => search('before'));
    expect(value).toEqual(['before']);
    expect(stallMs).toBeLessThan(1000);
  });

  it('the app starts while another program holds the lock with changes not written yet, and stores what came meanwhile once it is let go', async () => {
    await (await connectedWithStored('before')).c.shutdown();
    core = null;
    other = new Database(join(world.dataDir, 'messages.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    other.exec("INSERT INTO authors (author_id, username, display_name) VALUES ('1', 'x', 'x')");
    // It waited SQLite's busy timeout (5 s) on a write of its own at start, then failed: no panel, no bot.
    const started = Date.now();
    core = await coreFor(world, configuredEnv(world));
    const c = await startConnected(core, DEADLINE_MS);
    expect(Date.now() - started).toBeLessThan(4500);
    const shown = nextEvent(c, 'message.created', (m) => m.content === 'while locked', DEADLINE_MS);
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'while locked' });
    await shown;
    other.exec('ROLLBACK');
    const saved = () => other!.prepare("SELECT count(*) AS n FROM messages WHERE json LIKE '%while locked%'").get() as { n: number };
    for (const deadline = Date.now() + 15_000; saved().n === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
    expect(saved().n).toBe(1);
  });

  it('an edit, a reaction and a new nickname while it is held: shown live without stopping the event loop, kept in memory, saved once it is gone; the log says the database is locked', async () => {
    const { c, id } = await connectedWithStored('hello');

    other = new Database(join(world.dataDir, 'messages.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    const said = nextEvent(c, 'log.entry', (e) => e.message.startsWith('Cannot save messages: another program holds the message database'), DEADLINE_MS);
    const { value: edited, stallMs } = await loopStallDuring(async () => {
      const edit = nextEvent(c, 'message.updated', (m) => m.id === id && m.content === 'hello, edited', DEADLINE_MS);
      world.fake.editMessage(world.channelId, id, 'hello, edited');
      await edit;
      const reacted = nextEvent(c, 'message.updated', (m) => m.id === id && (m.view?.reactions?.length ?? 0) > 0, DEADLINE_MS);
      world.fake.react(world.channelId, id, world.userId, { id: null, name: '👍' });
      await reacted;
      // A new server nickname is remembered beside the messages (member_names), on the event loop too.
      world.fake.setNickname(world.guildId, world.userId, 'Ali');
      const named = nextEvent(c, 'message.created', (m) => m.content === 'named', DEADLINE_MS);
      world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'named' });
      expect((await named).author.displayName).toBe('Ali');
      return reacted;
    });
    // Written on the event loop, each waited SQLite's busy timeout (5 s) with the whole app stopped.
    expect(stallMs).toBeLessThan(1000);
    expect(edited.content).toBe('hello, edited');
    expect((await said).i18n).toMatchObject({ key: 'storage.locked' });
    // The panel's page shows the edit while it waits in memory.
    expect((await call<ChatMessage[]>(c, 'messages.list', { limit: 5 })).find((m) => m.id === id)?.content).toBe('hello, edited');

    const resumed = nextEvent(c, 'log.entry', (e) => e.message.startsWith('Saving messages again'), DEADLINE_MS);
    other.exec('COMMIT');
    await resumed;
    const row = other.prepare<[string], { json: string }>('SELECT json FROM messages WHERE id = ?').get(id)!;
    const saved = JSON.parse(row.json) as ChatMessage;
    expect(saved.content).toBe('hello, edited');
    expect(saved.view?.reactions?.[0]).toMatchObject({ count: 1 });
  });

  it('an edit of a message whose insert is still waiting for the lock does not stop the event loop, and is saved after it', async () => {
    const { c } = await connectedWithStored('before');

    other = new Database(join(world.dataDir, 'messages.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    const { value: edited, stallMs } = await loopStallDuring(async () => {
      const created = nextEvent(c, 'message.created', (m) => m.content === 'hello', DEADLINE_MS);
      const { id } = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'hello' });
      await created;
      await new Promise((r) => setTimeout(r, 200)); // handed to the write thread (HANDOFF_MS 10), which waits for the lock
      const edit = nextEvent(c, 'message.updated', (m) => m.id === id && m.content === 'hello, edited', DEADLINE_MS);
      world.fake.editMessage(world.channelId, id, 'hello, edited');
      return edit;
    });
    // It waited for the insert's commit on the event loop (SQLite's busy timeout, 5 s).
    expect(stallMs).toBeLessThan(1000);
    other.exec('COMMIT');
    const saved = () => other!.prepare<[string], { json: string }>('SELECT json FROM messages WHERE id = ?').get(edited.id)?.json;
    for (const deadline = Date.now() + 10_000; !saved()?.includes('hello, edited') && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    expect((JSON.parse(saved() ?? '{}') as ChatMessage).content).toBe('hello, edited');
  });

  it('a change held in memory when the app stops is written before the database closes, once the lock is let go (an update hands over)', async () => {
    const { c, id } = await connectedWithStored('hello');

    // Another process (the new version opening the database) holds the lock for a second.
    const file = join(world.dataDir, 'messages.sqlite');
    const holder = spawn(process.execPath, ['-e', `const D = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))}); const d = new D(${JSON.stringify(file)}); d.exec('BEGIN IMMEDIATE'); console.log('locked'); setTimeout(() => { d.exec('COMMIT'); d.close(); }, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(holder, 'exit');
    await once(holder.stdout!, 'data');
    const edit = nextEvent(c, 'message.updated', (m) => m.id === id && m.content === 'hello, edited', DEADLINE_MS);
    world.fake.editMessage(world.channelId, id, 'hello, edited');
    await edit; // held in memory: the lock outlasted the brief wait
    // Stopped before the guard's own retry (2 s) comes: the last try waits for the lock.
    await c.shutdown();
    core = null;
    await exited;
    other = new Database(file);
    const row = other.prepare<[string], { json: string }>('SELECT json FROM messages WHERE id = ?').get(id)!;
    expect((JSON.parse(row.json) as ChatMessage).content).toBe('hello, edited');
  });
});
