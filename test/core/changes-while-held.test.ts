// Live messages wait while a catch-up runs (the backlog first, in order). Discord sends a message's
// MESSAGE_CREATE, then its MESSAGE_DELETE or MESSAGE_UPDATE (docs/events/gateway-events): the deletion
// was applied at once to a message not stored yet (nothing happened), then the held message was stored
// at release as never deleted, and shown so after the panel had been told it was deleted (outside review).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { startCatchingUp } from '../helpers/catching-up.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, type World } from '../helpers/world.js';

const DEADLINE_MS = 60_000;
let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

describe('a message changed while live messages are held by a catch-up', { timeout: 120_000 }, () => {
  it.each(['deleted', 'edited'] as const)('%s during the catch-up: stored and shown as such once it is over', async (how) => {
    core = await coreFor(world, configuredEnv(world));
    const c = core;
    await startCatchingUp(c, world, 1_000, DEADLINE_MS);
    const m = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'posted during the catch-up' });
    // The panel's last word on it: a deletion or the edit, after its creation.
    const events: string[] = [];
    c.bus.on('message.created', (x) => x.id === m.id && events.push('created'));
    c.bus.on('message.updated', (x) => x.id === m.id && events.push(`updated: ${x.content}`));
    c.bus.on('message.deleted', (x) => x.id === m.id && events.push('deleted'));
    await new Promise((r) => setTimeout(r, 100));
    if (how === 'deleted') world.fake.deleteMessage(world.channelId, m.id);
    else world.fake.editMessage(world.channelId, m.id, 'edited during the catch-up');
    expect(await nextEvent(c, 'bot.status', (s) => s.state === 'connected', DEADLINE_MS)).toBeTruthy();
    const listed = await c.dispatch('messages.list', { limit: 5 });
    if (!listed.ok) throw new Error(listed.error.message);
    const row = listed.value.find((x) => x.id === m.id);
    if (how === 'deleted') {
      expect(row?.deleted).toBe(true);
      expect(events.at(-1)).toBe('deleted');
    } else {
      expect(row?.content).toBe('edited during the catch-up');
      expect(events.at(-1)).toBe('updated: edited during the catch-up');
    }
  });
});
