// Exports made while the bot is not connected carry the channel's and the server's names (outside
// review: `npm run export` on the demo's data refused with "No channel is configured", and with the
// channel set titled the file "#1578014669556154368" with no server). The names are remembered on connect.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { readJsonExport } from '../../electron/core/archive/import.js';
import { runExportCli } from '../../electron/headless/export-cli.js';
import { configuredEnv, coreFor, createWorld, nextEvent, startConnected, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
afterEach(async () => {
  await core?.shutdown();
  core = null;
  await world.close();
});

it('after a run, `npm run export` with no channel configured exports the stored one under its names', async () => {
  world = await createWorld();
  core = await coreFor(world, configuredEnv(world));
  const c = await startConnected(core, 20_000);
  const shown = nextEvent(c, 'message.created');
  world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'kept for the archive' });
  await shown;
  await c.shutdown();
  core = null;
  expect(existsSync(join(world.dataDir, 'channels.json'))).toBe(true);

  // The channel only in the app's environment then (as the demo runs): the command line has none.
  const err = new PassThrough();
  let said = '';
  err.on('data', (d: Buffer) => (said += d.toString()));
  const out: string[] = [];
  const io = { stdout: (t: string) => void out.push(t), stderr: err, cwd: world.dataDir };
  const env = { DISCORD_MONITOR_DATA_DIR: world.dataDir };
  expect(await runExportCli(['--format', 'json', '--out', 'out.json'], env, world.dataDir, io), said).toBe(0);
  const file = readJsonExport(join(world.dataDir, 'out.json'));
  expect(file.channel).toEqual({ id: world.channelId, name: 'general' });
  expect(file.guild).toMatchObject({ id: world.guildId, name: 'Home Lab' });
  expect(file.messages.map((m) => m.content)).toContain('kept for the archive');
  expect(await runExportCli(['--format', 'html', '--out', 'out.html'], env, world.dataDir, io)).toBe(0);
  expect(readFileSync(join(world.dataDir, 'out.html'), 'utf8')).toMatch(/<title>[^<]*#general[^<]*Home Lab/);
});
