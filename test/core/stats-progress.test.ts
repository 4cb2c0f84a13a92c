// messages.stats over the real command path, named with a progressId: the panel hears how far the
// count got as `messages.statsProgress` events for that id, ending at 1; an id that is not a short run of
// lowercase letters and digits is refused at the boundary.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { configuredEnv, coreFor, type World, eachWorld, startConnected } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

describe('statistics progress over the command path', { timeout: 30_000 }, () => {
  it('a named count reports its progress under its name, up to the whole', async () => {
    world.fake.postBacklog(world.channelId, [world.userId], 5);
    core = await coreFor(world, configuredEnv(world));
    const c = await startConnected(core);
    const heard: Array<{ id: string; done: number }> = [];
    const off = c.bus.on('messages.statsProgress', (p) => heard.push(p));
    const reply = await c.dispatch('messages.stats', { timeZone: 'Europe/Paris', progressId: 'abc123' });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.every((p) => p.id === 'abc123')).toBe(true);
    expect(heard.at(-1)!.done).toBe(1);
    // Unnamed: no events.
    heard.length = 0;
    expect((await c.dispatch('messages.stats', { timeZone: 'Europe/Paris' })).ok).toBe(true);
    expect(heard).toEqual([]);
    for (const progressId of ['ABC', 'a b', 'x'.repeat(33), '']) {
      const refused = await c.dispatch('messages.stats', { progressId });
      expect(refused.ok ? 'taken' : refused.error.code, progressId).toBe('invalid-input');
    }
    off();
  });
});
