// last-seen.json unreadable (a crash or a disk fault truncated it) while the store still holds the
// channel's messages: the restart resumes from the newest stored one, not as a first start (50 newest).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { configuredEnv, coreEachWorld, coreFor, nextEvent, startConnected } from '../helpers/world.js';

const t = coreEachWorld();

it('80 posted while away are all caught up although last-seen.json was truncated', async () => {
  const { fake, channelId, userId, dataDir } = t.world;
  const first = await t.connected();
  const third = nextEvent(first, 'message.created', (m) => m.content === 'three');
  for (const content of ['one', 'two', 'three']) fake.postMessage(channelId, { authorId: userId, content });
  await third;
  await first.shutdown();
  t.core = null;
  writeFileSync(join(dataDir, 'last-seen.json'), '{"trunc');
  fake.postBacklog(channelId, [userId], 80, (i) => `away ${i}`);
  const core = (t.core = await coreFor(t.world, configuredEnv(t.world)));
  await startConnected(core);
  await core.monitor.writesDone();
  const listed = await core.dispatch('messages.list', { limit: 500 });
  const contents = listed.ok ? listed.value.map((m) => m.content) : [];
  expect(contents.filter((c) => c.startsWith('away'))).toHaveLength(80);
  expect(contents.slice(0, 3)).toEqual(['one', 'two', 'three']);
}, 30_000);
