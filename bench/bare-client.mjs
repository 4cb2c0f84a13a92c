// Baseline for bench/idle-memory: a bare discord.js client with the app's intents, logged in to the
// given API (the fake Discord) and idle; prints "ready" once the gateway says READY.
// Forked with IPC by bench/live-ingest, it is also the floor of a live burst: `arm`, then `collect`
// with the posted ids answers first/last arrival (wall clock), event-loop lag, lost and duplicated.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, GatewayIntentBits, Partials } from 'discord.js';

const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.GuildMessageReactions],
  partials: [Partials.Message],
  rest: { api: process.env.DISCORD_API_URL },
});
client.on('error', (err) => process.stderr.write(`bare client: ${err.message}\n`));
client.once('clientReady', () => (process.stdout.write('ready\n'), process.send?.({ ready: true })));
await client.login(process.env.DISCORD_TOKEN);
if (process.send) measureBursts(client);
process.once('SIGTERM', () => void client.destroy().then(() => process.exit(0)));

function measureBursts(client) {
  let seen = [];
  let first = 0;
  let last = 0;
  let onSeen = null;
  let cpu = process.cpuUsage();
  const lag = monitorEventLoopDelay({ resolution: 5 });
  client.on('messageCreate', (m) => {
    const now = Date.now();
    if (!first) first = now;
    last = now;
    seen.push(m.id);
    onSeen?.();
  });
  process.on('message', (req) => {
    const reply = (value) => process.send({ id: req.id, value });
    if (req.op === 'arm') {
      seen = [];
      first = last = 0;
      lag.reset();
      lag.enable();
      cpu = process.cpuUsage();
      return reply(true);
    }
    if (req.op !== 'collect') return;
    const check = () => {
      onSeen = null;
      if (seen.length < req.ids.length) return void (onSeen = check);
      lag.disable();
      const got = new Set(seen);
      const used = process.cpuUsage(cpu);
      reply({ first, stored: last, cpuMs: (used.user + used.system) / 1000, lagP99: lag.percentile(99) / 1e6, lagMax: lag.max / 1e6, lost: req.ids.filter((id) => !got.has(id)).length, duplicated: seen.length - got.size });
    };
    check();
  });
}
