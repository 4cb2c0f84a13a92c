// Review: replies that arrive while a catch-up holds live messages are handled only after it; the
// originals their referenced_message carried must still be there then. The memory keeps 1,000, and a
// catch-up may hold more replies than that: the first replies then lost their quote.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { ChatMessage } from '../../shared/types.js';
import { REFERENCED_CAP } from '../../electron/core/bot/referenced-messages.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, waitState, type World } from '../helpers/world.js';

const DEADLINE_MS = 60_000;
const HOUR = 3_600_000;
let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

describe('replies held during a catch-up', { timeout: 120_000 }, () => {
  it('each quotes its never-stored original, even past the memory cap', async () => {
    core = await coreFor(world, configuredEnv(world));
    const c = core;
    await c.monitor.start();
    await waitState(c, 'connected', DEADLINE_MS);
    await c.monitor.stop();
    // Originals from before the resume point (never stored), then a backlog the catch-up reads slowly.
    const count = REFERENCED_CAP + 50;
    const originals = world.fake.postPast(world.channelId, Array.from({ length: count }, (_, i) => ({ at: Date.now() - 2 * HOUR + i, authorId: world.userId, content: `question ${i}` })));
    world.fake.postBacklog(world.channelId, [world.userId], 300);
    world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 400 } });
    const created = new Map<string, ChatMessage>();
    c.bus.on('message.created', (m) => void created.set(m.content, m));
    const catching = nextEvent(c, 'bot.status', (s) => s.sentence.startsWith('Catching up'), DEADLINE_MS);
    await c.monitor.start();
    await catching;
    for (let i = 0; i < count; i++) {
      world.fake.postMessage(world.channelId, { authorId: world.userId, content: `answer ${i}`, extra: { type: 19, message_reference: { type: 0, message_id: originals[i]!.id, channel_id: world.channelId, guild_id: world.guildId } } });
    }
    await world.fake.waitFor(() => created.has(`answer ${count - 1}`), DEADLINE_MS);
    const missing = Array.from({ length: count }, (_, i) => i).filter((i) => created.get(`answer ${i}`)?.view?.reply?.excerpt !== `question ${i}`);
    expect(missing).toEqual([]);
  });
});
