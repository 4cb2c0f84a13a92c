// `npm run demo`: the headless panel wired to the offline Discord server, with a busy sample guild.
// Keeps its data in its own folder; the user's real settings are never read or changed. With --update,
// a scratch installed copy runs instead, with an update on offer (demo-update.ts).
import './node-version.js';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemo, startChatter } from '../../test/fake-discord/demo-data.js';
import { startFakeDiscord } from '../../test/fake-discord/server.js';
import { appDirOf } from '../core/update/release-layout.js';
import { parseHeadlessArgs } from './args.js';
import { startScratchCopy } from './demo-update.js';
import { runHeadless } from './run.js';
import { onStopSignal } from './stop-signals.js';

const buildDir = dirname(fileURLToPath(import.meta.url));
const appDir = appDirOf(buildDir);
const DEMO_TOKEN = 'demo.bot-token.not-a-real-secret-0000';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const withUpdate = argv.includes('--update');
  const args = parseHeadlessArgs(['--port', '8788', ...argv.filter((a) => a !== '--update')]);
  const fake = await startFakeDiscord({ heartbeatIntervalMs: 15_000 });
  const { guildId, channelId } = seedDemo(fake, DEMO_TOKEN);
  const stopChatter = startChatter(fake, channelId, Number(process.env.DEMO_EVERY_MS ?? 3000));
  // Environment values win over stored settings and over any .env file, so the demo cannot pick up real ones.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DISCORD_MONITOR_DATA_DIR: process.env.DISCORD_MONITOR_DATA_DIR ?? join(tmpdir(), 'discord-monitor-demo'),
    DISCORD_TOKEN: DEMO_TOKEN,
    DISCORD_GUILD_ID: guildId,
    DISCORD_CHANNEL_ID: channelId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_CDN_URL: fake.cdnUrl,
    AUTO_UPDATE_ENABLED: 'False',
  };
  if (withUpdate) {
    const { DISCORD_MONITOR_DATA_DIR: _ownDataDir, ...childEnv } = env;
    const copy = startScratchCopy(appDir, args.port, childEnv, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`Demo: the scratch copy offers ${copy.next.slice(0, 7)} as an update — click Update in the panel. Ctrl+C to stop.\n`);
    onStopSignal(() => {
      stopChatter();
      void copy
        .stop()
        .then(() => fake.close())
        .then(() => process.exit(0));
    });
    return;
  }
  const headless = await runHeadless(args, env, appDir, {}, { rendererDir: join(buildDir, '..', 'renderer', 'main_window') });
  if (!headless.core.settings.effective().autoStartBot) void headless.core.monitor.start();
  process.stdout.write(`Demo: a simulated Discord at ${fake.apiUrl}; members post every few seconds. Ctrl+C to stop.\n`);
  onStopSignal(() => {
    stopChatter();
    void headless
      .stop()
      .then(() => fake.close())
      .then(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`demo: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
