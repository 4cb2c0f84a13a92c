// The world the boundary fuzz suites attack: a configured core whose bot is connected to the fake
// Discord, served by the real panel server; plus the invariants checked after every case.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { commandNames } from '../../shared/contract.js';
import type { Core } from '../../electron/core/app-core.js';
import { startPanelServer, type PanelServer } from '../../electron/headless/http-server.js';
import { coreFor, createWorld, TOKEN, waitState, type World } from '../helpers/world.js';
import { healthy } from '../headless/panel-fixture.js';

/** Cases per suite: bounded in `npm test`, longer with FUZZ_RUNS=n. */
export const RUNS = Number(process.env.FUZZ_RUNS) || 1000;

/** Commands a fuzz case may invoke with any argument: they read and change nothing. */
export const READ_ONLY = new Set(['settings.get', 'bot.status', 'messages.list', 'logs.recent', 'app.info', 'app.startOnLogin', 'app.notices', 'update.status']);
/** Everything else (new commands included) only ever gets arguments its schema refuses. */
export const MUTATING = commandNames.filter((c) => !READ_ONLY.has(c));

export interface FuzzWorld {
  world: World;
  core: Core;
  panel: PanelServer;
  accessToken: string;
  /** Throws saying which invariant broke. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** Every file directly in the data folder that holds settings or secrets (not the message cache). */
function stateFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (/^messages\.sqlite|^last-seen/.test(name) || !statSync(path).isFile()) continue;
    files.set(name, readFileSync(path));
  }
  return files;
}

export async function startFuzzWorld(): Promise<FuzzWorld> {
  const stdout: string[] = [];
  // Headless logs to stdout too (a service manager keeps it): capture it to look for the token.
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
  const world = await createWorld();
  const core = await coreFor(world, {}, { logToStdout: true });
  const saved = await core.dispatch('settings.save', { token: TOKEN, guildId: world.guildId, channelId: world.channelId });
  if (!saved.ok) throw new Error(`setup: ${saved.error.message}`);
  await core.dispatch('bot.start');
  await waitState(core, 'connected');
  const accessToken = core.settings.accessToken();
  // The panel folder sits inside the data folder, so a path escaping it would reach settings.json.
  const rendererDir = join(world.dataDir, 'panel');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const panel = await startPanelServer({ core, rendererDir, host: '127.0.0.1', port: 0, accessToken });
  const identifies = world.fake.identifyCount(TOKEN);
  const before = stateFiles(world.dataDir);
  if (!before.has('settings.json')) throw new Error('setup: no settings.json to watch');

  const check = async () => {
    if (!(await healthy(panel.port))) throw new Error('/healthz stopped answering');
    const after = stateFiles(world.dataDir);
    for (const [name, bytes] of before) {
      if (!after.get(name)?.equals(bytes)) throw new Error(`${name} changed`);
    }
    for (const name of after.keys()) if (!before.has(name)) throw new Error(`${name} appeared`);
    const now = world.fake.identifyCount(TOKEN);
    if (now !== identifies) throw new Error(`the fake Discord saw ${now - identifies} new IDENTIFY`);
    core.log.flush();
    const logs = [...(existsSync(core.log.file) ? [readFileSync(core.log.file, 'utf8')] : []), ...stdout];
    for (const text of logs) {
      if (text.includes(TOKEN)) throw new Error('a log line carries the bot token');
      if (text.includes(accessToken)) throw new Error('a log line carries the panel access token');
    }
  };

  return {
    world,
    core,
    panel,
    accessToken,
    check,
    close: async () => {
      await panel.close();
      await core.shutdown();
      await world.close();
      vi.restoreAllMocks();
    },
  };
}
