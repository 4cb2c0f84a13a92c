// The fake Discord in its own process for benchmarks, so posting a burst does not load the
// process being measured. Driven over IPC: setup, burst, history.
import { startFakeDiscord } from '../test/fake-discord/server.js';

const fake = await startFakeDiscord({ heartbeatIntervalMs: 5000 });
const OURS = 'bench.bot-token.ours-0123456789abcdef';
const BARE = 'bench.bot-token.bare-0123456789abcdef';
const ours = fake.addBot({ token: OURS, username: 'Monitor Bot' });
const bare = fake.addBot({ token: BARE, username: 'Bare Bot' });
const user = fake.addUser({ username: 'alice', globalName: 'Alice' });
const guild = fake.addGuild({ name: 'Bench', channels: [{ name: 'general' }, { name: 'bare' }], members: [ours.id, bare.id, user.id] });
const channelId = guild.channels[0]!.id;
// The bare client's bursts go to their own channel, so our monitor's catch-up never sees them.
const bareChannelId = guild.channels[1]!.id;
// The live-ingest floor: a bot alone in its own guild, so neither client parses the other's burst
// (the gateway sends a guild's messages to every bot in it) while it is being measured.
const FLOOR = 'bench.bot-token.floor-0123456789abcdef';
const floor = fake.addBot({ token: FLOOR, username: 'Floor Bot' });
const floorGuild = fake.addGuild({ name: 'Floor', channels: [{ name: 'floor' }], members: [floor.id, user.id] });
const floorChannelId = floorGuild.channels[0]!.id;

type Request = { id: number; op: 'setup' } | { id: number; op: 'burst'; count: number; bare?: boolean; floor?: boolean } | { id: number; op: 'history'; count: number; fromMs: number; toMs: number } | { id: number; op: 'requests' };

process.on('message', (req: Request) => {
  const reply = (value: unknown) => process.send!({ id: req.id, value });
  switch (req.op) {
    case 'setup':
      return reply({ apiUrl: fake.apiUrl, cdnUrl: fake.cdnUrl, ours: OURS, bare: BARE, floor: FLOOR, guildId: guild.id, channelId, userId: user.id });
    case 'burst': {
      // Posted in slices of 500 so the fake's sockets drain between them, as Discord's would.
      const ids: string[] = [];
      const slice = () => {
        for (let i = 0; i < 500 && ids.length < req.count; i++) ids.push(fake.postMessage(req.floor ? floorChannelId : req.bare ? bareChannelId : channelId, { authorId: user.id, content: `burst message ${ids.length} with some ordinary words in it` }).id);
        if (ids.length < req.count) setImmediate(slice);
        else reply(ids);
      };
      return slice();
    }
    case 'history':
      return reply(fake.postHistory(channelId, [user.id], req.count, req.fromMs, req.toMs, (i) => `history message ${i} with some ordinary words in it`).map((m) => m.id));
    case 'requests':
      return reply(Object.fromEntries(fake.restRequests()));
  }
});
process.send!({ ready: true });
