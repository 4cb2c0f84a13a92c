// A refresh of attachment links still waiting on Discord when another channel is saved (the bot moves to
// it): the old channel's message came back afterwards as a `message.updated` event, which the panel,
// showing the new channel, took into its list. The fresh links are stored; the panel is not told.
import { expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/types.js';
import { call } from '../helpers/core-calls.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, recordEvents, startConnected, type World } from '../helpers/world.js';
import type { Core } from '../../electron/core/app-core.js';

const DAY = 86_400_000;
let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

async function expiredPicture(c: Core, content: string): Promise<ChatMessage> {
  world.fake.expireAttachmentsAfter(0);
  const seen = nextEvent(c, 'message.created', (m) => m.content === content);
  world.fake.postMessage(world.channelId, { authorId: world.userId, content, attachments: [{ filename: 'rack.png', size: 2048, contentType: 'image/png', width: 64, height: 48 }] });
  const stored = await seen;
  world.fake.expireAttachmentsAfter(DAY);
  return stored;
}

it('a refresh answered after a channel switch stores the links and tells the panel nothing of the old channel', { timeout: 60_000 }, async () => {
  const { DISCORD_CHANNEL_ID: _pinned, ...env } = configuredEnv(world);
  core = await coreFor(world, env);
  await call(core, 'settings.save', { channelId: world.channelId });
  const c = await startConnected(core, 30_000);
  const [first, second] = [await expiredPicture(c, 'one'), await expiredPicture(c, 'two')];
  // One request a while on that route: the second refresh waits in discord.js's queue.
  world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 1_500 } });
  const answered = [c.dispatch('messages.refreshMedia', { messageId: first.id }), c.dispatch('messages.refreshMedia', { messageId: second.id })];
  await answered[0];
  const events = recordEvents(c);
  await call(c, 'settings.save', { channelId: world.otherChannelId });
  await Promise.all(answered);
  await new Promise((r) => setTimeout(r, 300));
  const told = events.filter((e) => e.event === 'message.updated').map((e) => e.payload as ChatMessage);
  expect(told.filter((m) => m.channelId === world.channelId)).toEqual([]);
  // The links were stored all the same.
  const answer = await answered[1]!;
  expect(answer.ok).toBe(true);
});
