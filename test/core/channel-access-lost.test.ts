// The bot loses View Channel on the watched channel for a while (a moderator's overwrite), then gets it
// back. Discord sends no message events for a channel the bot cannot view, only the CHANNEL_UPDATE that
// changed its permissions (docs/topics/threads.md, Losing Access to Channels; the fake does the same).
// The app said "Connected" meanwhile, and the first message after access came back moved the resume
// point past the ones posted meanwhile: never stored, not even by a restart's catch-up (outside review).
import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { PERMISSION } from '../fake-discord/permissions.js';
import { configuredEnv, coreEachWorld, coreFor, nextEvent, TOKEN } from '../helpers/world.js';

const t = coreEachWorld();

async function stored(c: Core): Promise<string[]> {
  await c.monitor.writesDone();
  const listed = await c.dispatch('messages.list', { limit: 20 });
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.map((m) => m.content);
}

it('View Channel withdrawn, then given back: said meanwhile, and what was posted meanwhile is fetched on its return', { timeout: 60_000 }, async () => {
  t.core = await coreFor(t.world, configuredEnv(t.world));
  const c = t.core;
  const connected = nextEvent(c, 'bot.status', (s) => s.state === 'connected', 15_000);
  await c.monitor.start();
  await connected;
  const before = nextEvent(c, 'message.created', (m) => m.content === 'before');
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'before' });
  await before;

  const blind = nextEvent(c, 'bot.status', (s) => /View Channel/.test(s.sentence), 5_000);
  t.world.fake.withholdPermission(t.world.channelId, t.world.botId, PERMISSION.VIEW_CHANNEL);
  expect((await blind).state).not.toBe('connected');
  for (const i of [1, 2, 3]) t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: `while hidden ${i}` });

  const back = nextEvent(c, 'bot.status', (s) => s.state === 'connected', 15_000);
  t.world.fake.withholdPermission(t.world.channelId, t.world.botId, PERMISSION.VIEW_CHANNEL, false);
  const after = nextEvent(c, 'message.created', (m) => m.content === 'after');
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'after' });
  await back;
  await after;
  expect(await stored(c)).toEqual(['before', 'while hidden 1', 'while hidden 2', 'while hidden 3', 'after']);
  expect(t.world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
});

it('started without View Channel: said instead of "Connected", and what was posted before it is given is fetched then', { timeout: 60_000 }, async () => {
  t.world.fake.permissions.setOverwrite(t.world.channelId, { id: t.world.botId, type: 1, allow: 0n, deny: PERMISSION.VIEW_CHANNEL });
  t.core = await coreFor(t.world, configuredEnv(t.world));
  const c = t.core;
  const states: string[] = [];
  c.bus.on('bot.status', (s) => states.push(s.state));
  const blind = nextEvent(c, 'bot.status', (s) => /View Channel/.test(s.sentence), 15_000);
  const logged = nextEvent(c, 'log.entry', (e) => /last messages/.test(e.message), 15_000);
  await c.monitor.start();
  expect((await blind).state).toBe('connecting');
  // The log says so too: it said "Still monitoring live", where nothing of the channel is heard.
  expect((await logged).message).toMatch(/Nothing of the channel is heard until the bot can view it/);
  // Never "Connected" to a channel it cannot see, not even for an instant.
  expect(states).not.toContain('connected');
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'unseen' });
  const back = nextEvent(c, 'bot.status', (s) => s.state === 'connected', 15_000);
  t.world.fake.withholdPermission(t.world.channelId, t.world.botId, PERMISSION.VIEW_CHANNEL, false);
  await back;
  const seen = nextEvent(c, 'message.created', (m) => m.content === 'seen');
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'seen' });
  await seen;
  expect(await stored(c)).toEqual(['unseen', 'seen']);
});
