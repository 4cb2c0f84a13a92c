// What the panel shows is what Discord shows: "(edited)" only for real edits, the server nickname
// whichever way a message arrived, and edits/deletions made while the app was off.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { configuredEnv, coreFor, nextEvent, waitState, type World, eachWorld } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

// A second IDENTIFY within 5 s waits for Discord's identify spacing, hence the longer deadlines.
const AFTER_RESTART_MS = 15_000;

async function connectedCore(): Promise<Core> {
  core = await coreFor(world, configuredEnv(world));
  const connected = waitState(core, 'connected', AFTER_RESTART_MS);
  await core.monitor.start();
  await connected;
  return core;
}

/** Shuts the core down and starts a new one on the same data folder: an app restart. */
async function restartedCore(): Promise<Core> {
  await core?.shutdown();
  core = null;
  return connectedCore();
}

describe('edits', { timeout: 30_000 }, () => {
  it('a link preview (embed-only MESSAGE_UPDATE, edited_timestamp null) does not mark the message edited', async () => {
    const c = await connectedCore();
    const created = nextEvent(c, 'message.created', (m) => m.content === 'look https://example.com');
    const posted = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'look https://example.com' });
    await created;
    const updated = nextEvent(c, 'message.updated', (m) => m.id === posted.id);
    world.fake.addEmbed(world.channelId, posted.id, { type: 'link', url: 'https://example.com', title: 'Example Domain' });
    expect(await updated).toMatchObject({ content: 'look https://example.com', editedAt: null });
    const listed = await c.dispatch('messages.list', { limit: 10 });
    expect(listed.ok && listed.value.find((m) => m.id === posted.id)?.editedAt).toBeNull();
  });

  it('a real edit carries its edited_timestamp', async () => {
    const c = await connectedCore();
    const created = nextEvent(c, 'message.created', (m) => m.content === 'typo');
    const posted = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'typo' });
    await created;
    const updated = nextEvent(c, 'message.updated', (m) => m.id === posted.id);
    world.fake.editMessage(world.channelId, posted.id, 'fixed');
    const edited = world.fake.messages(world.channelId).find((m) => m.id === posted.id)!.editedTimestamp!;
    expect(await updated).toMatchObject({ content: 'fixed', editedAt: Date.parse(edited) });
  });
});

describe('display names', { timeout: 30_000 }, () => {
  it('the server nickname shows live and over REST after a restart', async () => {
    world.fake.setNickname(world.guildId, world.userId, 'Ali');
    const c = await connectedCore();
    const live = nextEvent(c, 'message.created', (m) => m.content === 'live');
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'live' });
    expect((await live).author.displayName).toBe('Ali');

    await c.monitor.stop();
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'while stopped' });
    await core?.shutdown();
    core = await coreFor(world, configuredEnv(world));
    const caught = nextEvent(core, 'message.created', (m) => m.content === 'while stopped', AFTER_RESTART_MS);
    await core.monitor.start();
    const m = await caught;
    expect(m.caughtUp).toBe(true);
    expect(m.author.displayName).toBe('Ali');
  });

  it('the first load (nothing stored yet) shows the nickname too, and a user without a global name by username', async () => {
    world.fake.setNickname(world.guildId, world.userId, 'Ali');
    const bob = world.fake.addUser({ username: 'bob' });
    const guild = world.fake.guildOfChannel(world.channelId)!;
    expect(guild.memberIds).not.toContain(bob.id); // not a member any more: Discord shows the account name
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'history by alice' });
    world.fake.postMessage(world.channelId, { authorId: bob.id, content: 'history by bob' });
    const c = await connectedCore();
    const listed = await c.dispatch('messages.list', { limit: 10 });
    expect(listed.ok && listed.value.map((m) => [m.content, m.author.displayName, m.caughtUp])).toEqual([
      ['history by alice', 'Ali', false],
      ['history by bob', 'bob', false],
    ]);
  });

  it('a nickname never seen live is fetched once per author over REST (GET /guilds/:id/members/:user)', async () => {
    world.fake.setNickname(world.guildId, world.userId, 'Ali');
    const c = await connectedCore();
    await c.monitor.stop();
    world.fake.postBacklog(world.channelId, [world.userId], 150);
    world.fake.resetStats();
    const before = world.fake.restRequests().get('GET /guilds/:id/members/:id') ?? 0;
    const names: string[] = [];
    c.bus.on('message.created', (m) => names.push(m.author.displayName));
    const last = nextEvent(c, 'message.created', (m) => m.content === 'missed 149', AFTER_RESTART_MS);
    await c.monitor.start();
    await last;
    expect(new Set(names)).toEqual(new Set(['Ali']));
    expect(names).toHaveLength(150);
    expect((world.fake.restRequests().get('GET /guilds/:id/members/:id') ?? 0) - before).toBe(1);
  });

  it('the persisted name survives a restart without asking Discord again', async () => {
    world.fake.setNickname(world.guildId, world.userId, 'Ali');
    const c = await connectedCore();
    const live = nextEvent(c, 'message.created', (m) => m.content === 'hi');
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'hi' });
    await live;
    await c.monitor.stop();
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'later' });
    const count = () => world.fake.restRequests().get('GET /guilds/:id/members/:id') ?? 0;
    const before = count();
    const c2 = await restartedCore();
    await c2.monitor.stop();
    const listed = await c2.dispatch('messages.list', { limit: 10 });
    expect(listed.ok && listed.value.map((m) => [m.content, m.author.displayName])).toEqual([
      ['hi', 'Ali'],
      ['later', 'Ali'],
    ]);
    expect(count() - before).toBe(0);
  });
});

describe('changes made while the app was off', { timeout: 30_000 }, () => {
  it('edits and deletions are reflected on the next start', async () => {
    const c = await connectedCore();
    const third = nextEvent(c, 'message.created', (m) => m.content === 'three');
    const posted = ['one', 'two', 'three'].map((content) => world.fake.postMessage(world.channelId, { authorId: world.userId, content }));
    await third;
    await c.monitor.stop();
    world.fake.editOffline(world.channelId, posted[0]!.id, 'one (edited offline)');
    world.fake.deleteOffline(world.channelId, posted[1]!.id);
    const updated = nextEvent(c, 'message.updated', (m) => m.id === posted[0]!.id, AFTER_RESTART_MS);
    const deleted = nextEvent(c, 'message.deleted', (m) => m.id === posted[1]!.id, AFTER_RESTART_MS);
    await c.monitor.start();
    expect(await updated).toMatchObject({ content: 'one (edited offline)' });
    expect((await updated).editedAt).not.toBeNull();
    await deleted;
    const listed = await c.dispatch('messages.list', { limit: 10 });
    expect(listed.ok && listed.value.map((m) => [m.content, m.deleted])).toEqual([
      ['one (edited offline)', false],
      ['two', true],
      ['three', false],
    ]);
  });
});
