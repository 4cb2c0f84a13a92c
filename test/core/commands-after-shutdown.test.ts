// Once the app is shutting down (a quit, a relaunch, a service stop), commands are refused: a Start
// clicked while the bot was being stopped logged in again behind the shutdown, a session the quit
// then left to Discord's timeout, and an identify spent for nothing.
import { describe, expect, it } from 'vitest';
import { coreEachWorld, TOKEN } from '../helpers/world.js';

const t = coreEachWorld();

describe('commands during and after shutdown', { timeout: 30_000 }, () => {
  it('a start sent while the bot is stopping is refused, and no session is left open', async () => {
    const c = await t.connected();
    const down = c.shutdown();
    const reply = await c.dispatch('bot.start');
    await down;
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatchObject({ code: 'unavailable', message: 'The app is shutting down: nothing more is done until it starts again.' });
    expect(t.world.fake.liveSessions(TOKEN)).toBe(0);
    expect(c.monitor.isRunning()).toBe(false);
  });

  it('after shutdown every command gets the same refusal, with its key for the panel’s language', async () => {
    const c = await t.connected();
    await c.shutdown();
    for (const [name, arg] of [['bot.start', undefined], ['settings.save', { language: 'en' }], ['messages.list', { limit: 10 }], ['app.info', undefined]] as const) {
      const reply = await c.dispatch(name, arg);
      expect(!reply.ok && reply.error, name).toMatchObject({ code: 'unavailable', i18n: { key: 'command.shuttingDown' } });
    }
    expect(t.world.fake.liveSessions(TOKEN)).toBe(0);
  });
});
