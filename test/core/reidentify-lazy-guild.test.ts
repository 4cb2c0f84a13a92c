// A new session (op 9, not resumable) of a bot in two servers: Discord sends each server's GUILD_CREATE
// lazily after READY, and discord.js waits for all of them before ShardReady, while it already hands
// over the watched channel's live messages. One of those moved the resume point past the messages
// posted while the session was gone, and the catch-up then started after them: they were never stored.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { coreEachWorld, nextEvent, TOKEN } from '../helpers/world.js';

const t = coreEachWorld({ heartbeatIntervalMs: 1000 });
async function stored(c: Core): Promise<string[]> {
  const reply = await c.dispatch('messages.list', { limit: 100 });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value.map((m) => m.content);
}

describe('a new session whose other server is announced late', { timeout: 30_000 }, () => {
  for (const live of [false, true]) {
    it(`catches up what was posted while it had no session${live ? ', a live message coming first' : ''}`, async () => {
      const other = t.world.fake.addGuild({ name: 'Second', channels: [{ name: 'x' }], members: [t.world.botId, t.world.userId] });
      const c = await t.connected();
      t.world.fake.lazyGuild(other.id, 2_000);
      t.world.fake.sendInvalidSession(false);
      const gap = t.world.fake.postBacklog(t.world.channelId, [t.world.userId], 5, (i) => `while away ${i}`);
      await t.world.fake.waitFor(() => t.world.fake.identifyCount(TOKEN) === 2, 10_000);
      const back = nextEvent(c, 'bot.status', (s) => s.state === 'connected', 15_000);
      if (live) {
        const shown = nextEvent(c, 'message.created', (m) => m.content === 'live after READY');
        t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'live after READY' });
        await shown;
      }
      await back;
      await c.monitor.writesDone();
      const contents = await stored(c);
      expect(gap.map((m) => m.content).filter((x) => !contents.includes(x))).toEqual([]);
      if (live) expect(contents.at(-1)).toBe('live after READY');
    });
  }
});
