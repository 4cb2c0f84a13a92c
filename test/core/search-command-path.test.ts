// messages.search and messages.stats over the real command path: a NUL pasted into the box is a result
// list, not "failed unexpectedly" (outside review); a time zone the app does not know is refused
// at the boundary with a sentence the panel says in its language.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { renderText } from '../../shared/core-text.js';
import { configuredEnv, coreFor, type World, eachWorld, startConnected } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

describe('search over the command path', { timeout: 30_000 }, () => {
  it('a NUL in the query is a separator; a zone by name is taken; an unknown one is refused, in French too', async () => {
    world.fake.postBacklog(world.channelId, [world.userId], 3);
    core = await coreFor(world, configuredEnv(world));
    const c = await startConnected(core);
    const reply = await c.dispatch('messages.search', { query: 'missed\u0000', timeZone: 'Europe/Paris' });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    const stats = await c.dispatch('messages.stats', { timeZone: 'Asia/Kolkata' });
    expect(stats.ok, JSON.stringify(stats)).toBe(true);
    for (const [command, arg] of [['messages.search', { query: 'x', timeZone: 'Mars/Olympus' }], ['messages.stats', { timeZone: 'Mars/Olympus' }]] as const) {
      const refused = await c.dispatch(command, arg);
      if (refused.ok) throw new Error(`${command} took an unknown zone`);
      expect(refused.error.code).toBe('invalid-input');
      expect(refused.error.message).toContain('Unknown time zone “Mars/Olympus”: give an IANA zone name such as Europe/Paris');
      expect(renderText(refused.error.i18n!, coreFr, { locale: 'fr' })).toBe('Fuseau horaire inconnu « Mars/Olympus » : indiquez un nom de fuseau IANA, par exemple Europe/Paris ou America/New_York.');
    }
  });
});
