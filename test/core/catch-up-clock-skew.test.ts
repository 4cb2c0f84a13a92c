// A first start on a quiet channel leaves a resume point; it must be in Discord's time, not the local
// clock's: a local clock ahead of Discord's would put it past messages posted soon after.
import { expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/types.js';
import { configuredEnv, coreEachWorld, coreFor, startConnected } from '../helpers/world.js';

const t = coreEachWorld();

it('local clock 5 s ahead of Discord: messages posted after a quiet first start are caught up on the next', async () => {
  const { fake, botId, userId } = t.world;
  fake.setClockOffset(-5000);
  // Built after the skew, so its ids are in Discord's time like everything Discord makes.
  const guild = fake.addGuild({ name: 'Skewed', channels: [{ name: 'quiet' }], members: [botId, userId] });
  const channelId = guild.channels[0]!.id;
  const core = (t.core = await coreFor(t.world, configuredEnv({ ...t.world, guildId: guild.id }, channelId)));
  await startConnected(core);
  await core.monitor.stop();
  const posted = fake.postBacklog(channelId, [userId], 3, (i) => `while away ${i}`).map((m) => m.id);
  const seen: string[] = [];
  core.bus.on('message.created', (m: ChatMessage) => seen.push(m.id));
  await startConnected(core);
  await core.monitor.writesDone();
  expect(seen).toEqual(posted);
}, 30_000);
