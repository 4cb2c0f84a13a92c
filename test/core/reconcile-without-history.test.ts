// Discord answers Get Channel Messages with no messages at all when the bot lacks Read Message History
// (docs/resources/message; the fake does the same). The reconnect's re-read took every stored message
// missing from that answer for "deleted while the app was off": a permission removed in the server's
// settings marked the newest 100 stored messages deleted, for good (outside review of the fake).
import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { PERMISSION } from '../fake-discord/permissions.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, startConnected, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

it('a reconnect without Read Message History marks no stored message deleted, and says why it checked none', { timeout: 60_000 }, async () => {
  core = await coreFor(world, configuredEnv(world));
  const c = await startConnected(core);
  for (let i = 0; i < 5; i++) {
    const seen = nextEvent(c, 'message.created', (m) => m.content === `kept ${i}`);
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: `kept ${i}` });
    await seen;
  }
  await c.monitor.stop();
  world.fake.withholdPermission(world.channelId, world.botId, PERMISSION.READ_MESSAGE_HISTORY);
  const deleted: string[] = [];
  c.bus.on('message.deleted', (m) => deleted.push(m.id));
  const said = nextEvent(c, 'log.entry', (e) => /Could not check recent messages for edits and deletions/.test(e.message));
  await startConnected(c);
  expect((await said).message).toMatch(/Read Message History/);
  const listed = await c.dispatch('messages.list', { limit: 10 });
  if (!listed.ok) throw new Error(listed.error.message);
  expect(listed.value.filter((m) => m.deleted).map((m) => m.content)).toEqual([]);
  expect(deleted).toEqual([]);
  expect(world.fake.messages(world.channelId)).toHaveLength(5);
});
