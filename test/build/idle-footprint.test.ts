// What the built headless app holds once idle with the bot connected (issue 10 §5), read by a probe
// preloaded into the real process (test/helpers/memory-probe.mjs): which package files it loaded and
// how large V8's young generation is. Builds the Node entries into a temp folder (not the shared .vite).
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForNewProcess } from '../e2e/health.js';
import { startHeadless, type HeadlessProcess } from '../e2e/headless-process.js';
import { MALLOC_TUNING } from '../../electron/headless/malloc-tuning.js';
import { APP_DIR, createWorld, TOKEN, type World } from '../helpers/world.js';

const PROBE = join(APP_DIR, 'test', 'helpers', 'memory-probe.mjs');
const MiB = 2 ** 20;

interface Probed {
  spaces: Record<string, number>;
  intl: Record<string, number>;
  builtins: string[];
  malloc: Record<string, string>;
  packages: string[];
  packageFiles: string[];
}

/** Asks the probe for its figures (SIGUSR2) and reads its line from the output. */
async function probe(child: ChildProcess, output: () => string, world: World): Promise<Probed> {
  const from = output().length;
  child.kill('SIGUSR2');
  await world.fake.waitFor(() => /memory-probe \{.*\}\n/.test(output().slice(from)), 10_000);
  return JSON.parse(/memory-probe (\{.*\})\n/.exec(output().slice(from))![1]!) as Probed;
}

const root = mkdtempSync(join(tmpdir(), 'dm-idle-footprint-'));
let world: World;
let app: HeadlessProcess;
let idle: Probed;
let healthPid: number;

beforeAll(async () => {
  // A build of the Node entries only, with the repository's dependencies beside it.
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: APP_DIR, env: { ...process.env, DM_BUILD_OUT: join(root, '.vite'), DM_BUILD_SKIP: 'renderer,preload' }, stdio: 'pipe' });
  symlinkSync(join(APP_DIR, 'node_modules'), join(root, 'node_modules'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  app = await startHeadless(
    ['--data-dir', dataDir],
    { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: world.guildId, DISCORD_CHANNEL_ID: world.channelId, DISCORD_API_URL: world.fake.apiUrl, NODE_OPTIONS: `--import ${PROBE}` },
    'headless.js',
    root,
  );
  healthPid = (await waitForNewProcess(new URL(app.url).origin, -1, app.output, 30_000)).pid;
  idle = await probe(app.child, app.output, world);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await world?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the headless app at idle, bot connected', () => {
  it('loads @discordjs/ws once, the CommonJS build discord.js requires (an ESM import would load a second copy)', () => {
    expect(idle.packages).toContain('discord.js');
    const wsFiles = idle.packageFiles.filter((f) => f.startsWith('@discordjs/ws/'));
    expect(wsFiles).toContain('@discordjs/ws/dist/index.js');
    expect(wsFiles).not.toContain('@discordjs/ws/dist/index.mjs');
  });

  it('has not loaded execa: the updater loads it when it runs its first command (≈2.8 MiB)', () => {
    expect(idle.packages).toContain('better-sqlite3');
    expect(idle.packages).not.toContain('execa');
  });

  it("has not loaded zod's 40-odd error-message locales (zod is bundled, so unused parts are left out: ≈3 MiB)", () => {
    // conf is bundled too (scripts/build.mjs): a package it imports stands for it.
    expect(idle.packages).toContain('atomically');
    expect(idle.packageFiles.filter((f) => f.startsWith('zod/'))).toEqual([]);
  });

  it('has not loaded csv-stringify: the archive writers (CSV, HTML, text) load when an export runs', () => {
    expect(idle.packages).toContain('better-sqlite3');
    expect(idle.packages).not.toContain('csv-stringify');
  });

  it('has built no Intl formatter (the first one maps ICU data in, ≈5–9 MiB): the log says its numbers in plain English', () => {
    expect(idle.packages).toContain('pino');
    expect(idle.intl).toEqual({});
  });

  it("has not loaded Node's bundled undici (reading the global FormData loads it, as @discordjs/rest does, and so does an ESM import of node:http): ≈4 MiB", () => {
    expect(idle.builtins).toContain('http');
    expect(idle.builtins.filter((m) => m.includes('undici'))).toEqual([]);
  });

  it("runs with malloc's settings (fixed mmap threshold, one arena), set by re-executing itself in place (same pid as started)", () => {
    expect(idle.malloc).toEqual(MALLOC_TUNING);
    expect(healthPid).toBe(app.child.pid);
  });

  it('keeps V8 young generation small (the defaults let it grow to 2 × 16 MiB during startup and keep it)', () => {
    expect(idle.spaces.new_space).toBeGreaterThan(0);
    expect(idle.spaces.new_space! / MiB).toBeLessThanOrEqual(8);
  });
});
