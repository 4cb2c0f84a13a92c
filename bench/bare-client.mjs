// Baseline for bench/idle-memory: a bare discord.js client with the app's intents, logged in to the
// given API (the fake Discord) and idle; prints "ready" once the gateway says READY.
import { Client, GatewayIntentBits, Partials } from 'discord.js';

const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.GuildMessageReactions],
  partials: [Partials.Message],
  rest: { api: process.env.DISCORD_API_URL },
});
client.on('error', (err) => process.stderr.write(`bare client: ${err.message}\n`));
client.once('clientReady', () => process.stdout.write('ready\n'));
await client.login(process.env.DISCORD_TOKEN);
process.once('SIGTERM', () => void client.destroy().then(() => process.exit(0)));
