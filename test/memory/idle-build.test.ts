// The built headless app's own cost at idle (issue 10 §5): V8 keeps every script's source text for as
// long as the app runs, as one byte per character only if all of it is ASCII; and what conf imports
// for a JSON schema we no longer give it (settings.json is checked with zod) is left out of the bundle.
// Builds the Node entries into a temp folder (not the shared .vite) and probes the running app.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForNewProcess } from '../e2e/health.js';
import { startHeadless, type HeadlessProcess } from '../e2e/headless-process.js';
import { APP_DIR, createWorld, TOKEN, type World } from '../helpers/world.js';

const PROBE = join(APP_DIR, 'test', 'helpers', 'memory-probe.mjs');
const root = mkdtempSync(join(tmpdir(), 'dm-idle-build-'));
const buildDir = join(root, '.vite', 'build');
let world: World;
let app: HeadlessProcess;
let idle: { packages: string[]; files: string[] };

async function probe(child: ChildProcess, output: () => string): Promise<typeof idle> {
  const from = output().length;
  child.kill('SIGUSR2');
  await world.fake.waitFor(() => /memory-probe \{.*\}\n/.test(output().slice(from)), 10_000);
  return JSON.parse(/memory-probe (\{.*\})\n/.exec(output().slice(from))![1]!) as typeof idle;
}

beforeAll(async () => {
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
  await waitForNewProcess(new URL(app.url).origin, -1, app.output, 30_000);
  idle = await probe(app.child, app.output);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await world?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the built headless app at idle', () => {
  it('runs only ASCII scripts: one non-ASCII character (a "—" in a message) doubles the memory V8 keeps for the source', () => {
    const loaded = idle.files.filter((f) => f.endsWith('.js'));
    expect(loaded.length).toBeGreaterThan(1);
    const built = new Set(['headless.js', ...readdirSync(join(buildDir, 'chunks'))]);
    for (const file of loaded.filter((f) => built.has(f))) {
      const text = readFileSync(join(buildDir, file === 'headless.js' ? '' : 'chunks', file), 'utf8');
      expect({ file, nonAscii: text.match(/\P{ASCII}/gu)?.slice(0, 5) ?? [] }).toEqual({ file, nonAscii: [] });
    }
  });

  it('has not loaded ajv: conf imports it for a JSON schema, and settings.json is checked with zod instead', () => {
    expect(idle.packages).toContain('atomically');
    expect(idle.packages.filter((p) => p.startsWith('ajv'))).toEqual([]);
  });
});
