// The bot removed from the server (GUILD_DELETE without `unavailable`: docs/events/gateway-events, Guild
// Delete) or the watched channel deleted (CHANNEL_DELETE) while the app runs: Discord sends nothing of the
// channel after that. The panel said "Connected" for good while the app heard nothing; a bot removed
// while the app waited for its server to come back (an outage at login) waited until stopped. Now the
// session ends and the panel says what happened and what to do.
import { describe, expect, it } from 'vitest';
import { startCatchingUp } from '../helpers/catching-up.js';
import { configuredEnv, coreEachWorld, coreFor, nextEvent, TOKEN } from '../helpers/world.js';

const t = coreEachWorld({ heartbeatIntervalMs: 1000 });

describe('the watched server or channel gone while running', () => {
  it('the bot removed from the server: the session ends and the panel says so, with the invite link', async () => {
    const c = await t.connected();
    const gone = nextEvent(c, 'bot.status', (s) => s.state === 'error', 5_000);
    t.world.fake.removeMember(t.world.guildId, t.world.botId);
    const status = await gone;
    expect(status.error?.code).toBe('guild-not-found');
    expect(status.error?.message).toMatch(/removed from/);
    expect(status.error?.link).toMatch(/oauth2\/authorize/);
    expect(t.world.fake.liveSessions(TOKEN)).toBe(0);
    expect(c.monitor.isRunning()).toBe(false);
  });

  it('the watched channel deleted: the session ends and the panel says so', async () => {
    const c = await t.connected();
    const gone = nextEvent(c, 'bot.status', (s) => s.state === 'error', 5_000);
    t.world.fake.deleteChannel(t.world.channelId);
    const status = await gone;
    expect(status.error?.code).toBe('channel-not-found');
    expect(status.error?.message).toMatch(/#general was deleted/);
    expect(t.world.fake.liveSessions(TOKEN)).toBe(0);
    expect(c.monitor.isRunning()).toBe(false);
  });

  it('removed or deleted during a catch-up: the live message it was holding is stored, not dropped', { timeout: 60_000 }, async () => {
    const c = (t.core = await coreFor(t.world, configuredEnv(t.world)));
    await startCatchingUp(c, t.world, 1_000, 30_000);
    const m = t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'live during the catch-up' });
    await new Promise((r) => setTimeout(r, 300));
    const gone = nextEvent(c, 'bot.status', (s) => s.state === 'error', 5_000);
    t.world.fake.deleteChannel(t.world.channelId);
    await gone;
    await c.monitor.writesDone();
    const listed = await c.dispatch('messages.list', { limit: 3 });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.map((x) => x.id)).toContain(m.id);
  });

  it('another server removed or another channel deleted: still connected', async () => {
    const other = t.world.fake.addGuild({ name: 'Second', channels: [{ name: 'x' }], members: [t.world.botId, t.world.userId] });
    const c = await t.connected();
    t.world.fake.deleteChannel(other.channels[0]!.id);
    t.world.fake.removeMember(other.id, t.world.botId);
    const seen = nextEvent(c, 'message.created', (m) => m.content === 'still here');
    t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'still here' });
    await seen;
    expect(c.monitor.status().state).toBe('connected');
  });

  it('removed while the app waits for its server to come back (an outage at login): said at once, not waited for', { timeout: 30_000 }, async () => {
    t.world.fake.lazyGuild(t.world.guildId, 40_000);
    const c = (t.core = await coreFor(t.world, configuredEnv(t.world)));
    const waiting = nextEvent(c, 'bot.status', (s) => /not sent the server/.test(s.sentence), 10_000);
    await c.monitor.start();
    await waiting;
    const gone = nextEvent(c, 'bot.status', (s) => s.state === 'error', 5_000);
    t.world.fake.removeMember(t.world.guildId, t.world.botId);
    expect((await gone).error?.message).toMatch(/removed from/);
    expect(t.world.fake.liveSessions(TOKEN)).toBe(0);
  });
});

describe('the watched server or channel gone while the bot had no session (a new session follows, op 9)', { timeout: 30_000 }, () => {
  // The new READY does not list the server, or its GUILD_CREATE the channel: no GUILD_DELETE or CHANNEL_DELETE
  // comes, and discord.js keeps both in its cache (a helper's review of the first version of this fix).
  for (const what of ['removed', 'deleted'] as const) {
    it(`${what}: said once the new session starts, not "Connected"`, async () => {
      const c = await t.connected();
      const gone = nextEvent(c, 'bot.status', (s) => s.state === 'error', 15_000);
      t.world.fake.sendInvalidSession(false);
      if (what === 'removed') t.world.fake.removeMember(t.world.guildId, t.world.botId);
      else t.world.fake.deleteChannel(t.world.channelId);
      const status = await gone;
      expect(status.error?.message).toMatch(what === 'removed' ? /removed from Home Lab: it no longer hears #general/ : /#general was deleted on Home Lab/);
      expect(t.world.fake.liveSessions(TOKEN)).toBe(0);
    });
  }
});

describe('the watched server in an outage while running', () => {
  it('says the server is unavailable, and once it is back stores what was posted meanwhile, on the same session', async () => {
    const c = await t.connected();
    const out = nextEvent(c, 'bot.status', (s) => /unavailable/.test(s.sentence), 5_000);
    t.world.fake.guildOutage(t.world.guildId);
    expect((await out).state).toBe('connecting');
    // Posted during the outage, as Discord will have them when it is back: never dispatched to the session.
    const missed = t.world.fake.postBacklog(t.world.channelId, [t.world.userId], 3, (i) => `during the outage ${i}`);
    const back = nextEvent(c, 'bot.status', (s) => s.state === 'connected', 10_000);
    t.world.fake.guildOutage(t.world.guildId, true);
    await back;
    const seen = nextEvent(c, 'message.created', (m) => m.content === 'after the outage');
    t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'after the outage' });
    await seen;
    const reply = await c.dispatch('messages.list', { limit: 10 });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.map((m) => m.content)).toEqual([...missed.map((m) => m.content), 'after the outage']);
    expect(t.world.fake.identifyCount(TOKEN)).toBe(1);
  });
});
