// Edits and deletions made while away reach the messages stored before the outage even when more
// than a reconcile window (100) was posted meanwhile: the window is the one before the catch-up.
import { expect, it } from 'vitest';
import { coreEachWorld, nextEvent, startConnected } from '../helpers/world.js';

const t = coreEachWorld();

it('150 posted while away: an offline edit and delete of older messages are applied', async () => {
  const { fake, channelId, userId } = t.world;
  const core = await t.connected();
  const third = nextEvent(core, 'message.created', (m) => m.content === 'three');
  const posted = ['one', 'two', 'three'].map((content) => fake.postMessage(channelId, { authorId: userId, content }));
  await third;
  await core.monitor.stop();
  fake.editOffline(channelId, posted[0]!.id, 'one (edited offline)');
  fake.deleteOffline(channelId, posted[1]!.id);
  fake.postBacklog(channelId, [userId], 150);
  const deleted = nextEvent(core, 'message.deleted', (d) => d.id === posted[1]!.id, 20_000);
  await startConnected(core, 30_000);
  await deleted;
  await core.monitor.writesDone();
  const listed = await core.dispatch('messages.list', { limit: 500 });
  const rows = listed.ok ? listed.value : [];
  const one = rows.find((m) => m.id === posted[0]!.id);
  expect(one?.content).toBe('one (edited offline)');
  expect(one?.editedAt).not.toBeNull();
  expect(rows.filter((m) => m.content.startsWith('missed'))).toHaveLength(150);
}, 60_000);
