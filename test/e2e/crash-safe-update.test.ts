// Issue 10 §3 under a real supervisord: the app (and every process it started: npm, the build, the
// self-test) is SIGKILLed in the middle of an update step. The next start must boot the version that
// ran before, with the checkout at its commit, the journal saying `interrupted` at that step, the
// settings untouched — and a later update must still work. One installed checkout for the whole file.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UpdateView } from '../../shared/types.js';
import { gitLockFiles } from '../../electron/core/update/git-locks.js';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { health, waitForNewProcess } from './health.js';
import { bumpVersion, createInstalledCheckout, git, type Checkout } from './installed-checkout.js';
import { killTree, superviseApp, waitFor, type Supervised } from './supervisord.js';
import { panelClient } from './ws-client.js';

const ACCESS = 'crash-safe-test-access-token-0123456789';
let world: World;
let checkout: Checkout;
let sup: Supervised;
let scratch: string;
const originals = new Map<string, string>();

beforeAll(async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  checkout = createInstalledCheckout();
  scratch = mkdtempSync(join(tmpdir(), 'dm-crash-'));
  for (const file of ['scripts/build.mjs', 'electron/headless/main.ts']) originals.set(file, readFileSync(join(checkout.dir, file), 'utf8'));
  sup = await superviseApp(world, checkout.dir, ACCESS);
}, 120_000);

afterAll(async () => {
  await sup?.close();
  await world?.close();
  checkout?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Code that signals the test through `marker`, then hangs until killed. */
const hang = (marker: string, removeFirst = '') =>
  `const __fs = await import('node:fs');${removeFirst ? ` __fs.rmSync(${removeFirst}, { recursive: true, force: true });` : ''} __fs.writeFileSync(${JSON.stringify(marker)}, String(process.pid)); await new Promise(() => {});\n`;

interface KillPoint {
  step: string;
  /** Edits the published version so that it hangs at that step (after writing the marker). */
  inject?: (dir: string, marker: string) => void;
  /** Or: the installed checkout's git hangs while it holds the lock files of a change to this ref. */
  refHang?: string;
  /** A local edit the update must set aside (and that must survive the crash). */
  localEdit?: boolean;
}

/**
 * git's reference-transaction hook runs while git holds the ref's lock files (and HEAD.lock): hanging
 * there makes the kill land with locks held, as a crash in the middle of a reset or a stash would.
 * Armed only for the update (the check's own fetch must not hang).
 */
function armRefHang(ref: string, marker: string): () => void {
  const hook = join(checkout.dir, '.git', 'hooks', 'reference-transaction');
  const script = [
    '#!/bin/sh',
    '[ "$1" = prepared ] || exit 0',
    'hit=',
    `while read old new ref; do [ "$ref" = '${ref}' ] && [ "$old" != "$new" ] && hit=1; done`,
    '[ -n "$hit" ] || exit 0',
    `echo $$ > '${marker}'`,
    'exec sleep 600',
  ];
  writeFileSync(hook, `${script.join('\n')}\n`, { mode: 0o755 });
  return () => rmSync(hook, { force: true });
}

const KILL_POINTS: KillPoint[] = [
  // The stash is made and refs/stash.lock held: the edit must still be in the checkout (or in the stash).
  { step: 'save-local-changes', refHang: 'refs/stash', localEdit: true },
  // The branch is being moved: HEAD.lock and refs/heads/main.lock held, the files already the new version's.
  { step: 'reset', refHang: 'refs/heads/main' },
  {
    // The build has removed its output folder (what emptyOutDir does) and is about to write the entries.
    step: 'build',
    inject(dir, marker) {
      const file = join(dir, 'scripts/build.mjs');
      const source = readFileSync(file, 'utf8');
      if (!source.includes('const entries = {')) throw new Error('scripts/build.mjs changed: update the kill injection');
      writeFileSync(file, source.replace('const entries = {', `${hang(marker, 'outDir')}const entries = {`));
    },
  },
  {
    // The new build is complete and being proven (self-test, or standby start beside the old): nothing has switched yet.
    step: 'self-test',
    inject(dir, marker) {
      const file = join(dir, 'electron/headless/main.ts');
      const source = readFileSync(file, 'utf8');
      if (!source.includes('  if (args.selfTest) {\n')) throw new Error('electron/headless/main.ts changed: update the kill injection');
      writeFileSync(file, source.replace('  if (args.selfTest) {\n', `  if (args.selfTest || args.standby) {\n${hang(marker)}  }\n  if (args.selfTest) {\n`));
    },
  },
];

const restoreOriginals = (dir: string) => originals.forEach((text, file) => writeFileSync(join(dir, file), text));
const journal = () =>
  (JSON.parse(readFileSync(join(sup.dataDir, 'update-journal.json'), 'utf8')) as { entries: { outcome: string; failedStep: string | null; to: string | null; steps: { step: string; status: string; durationMs: number }[] }[] }).entries;

it.each(KILL_POINTS)('kill -9 of the app and its children during $step: the old version boots, checkout at its commit, a later update works', async ({ step, inject, refHang, localEdit }) => {
  const before = await waitForNewProcess(sup.base, -1, sup.log, 30_000);
  const good = checkout.head();
  expect(before.commit).toBe(good);
  const settingsFile = join(sup.dataDir, 'settings.json');
  const settings = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : null;
  const marker = join(scratch, `${step}.reached`);
  const target = checkout.push(`Release hanging at ${step}`, (d) => {
    restoreOriginals(d);
    bumpVersion(d, `4.0.${KILL_POINTS.findIndex((k) => k.step === step) + 1}`);
    inject?.(d, marker);
  });
  const edited = join(checkout.dir, 'README.md');
  const readme = readFileSync(edited, 'utf8');
  if (localEdit) writeFileSync(edited, `${readme}My local line.\n`);

  const client = await panelClient(`${sup.base}/?token=${ACCESS}`);
  const view = await client.invoke<UpdateView>('update.check');
  expect(view.ok && view.value.target).toBe(target);
  const disarm = refHang ? armRefHang(refHang, marker) : () => undefined;
  await client.invoke('update.run', { target });
  client.close();
  try {
    // The marker holds the pid of the process that hangs there (written once it is complete).
    const pidIn = () => (existsSync(marker) ? Number(readFileSync(marker, 'utf8').trim()) : 0);
    await waitFor(`the update to reach ${step}`, () => pidIn() > 1, 90_000, sup.log);
    // The app and everything it started — a standby may run in its own session: the marker names it.
    const killed = new Set([...killTree(before.pid), ...killTree(pidIn())]);
    expect(killed.size).toBeGreaterThan(1);
  } finally {
    disarm();
  }

  const after = await waitForNewProcess(sup.base, before.pid, sup.log, 60_000);
  expect(after, sup.log()).toMatchObject({ commit: good, version: before.version, bot: "connected" });
  expect(checkout.head()).toBe(good);
  if (localEdit) {
    // Never lost: still in the checkout, or set aside in a stash the journal names.
    const inTree = readFileSync(edited, 'utf8').includes('My local line.');
    const stashed = git(checkout.dir, 'stash', 'list', '-p').includes('My local line.');
    expect(inTree || stashed).toBe(true);
    if (stashed) git(checkout.dir, 'stash', 'clear');
    writeFileSync(edited, readme);
  }
  expect(git(checkout.dir, 'status', '--porcelain')).toBe('');
  // The target is known from the fetch on.
  expect(journal().at(-1)).toMatchObject({ outcome: 'interrupted', failedStep: step, to: step === 'save-local-changes' ? null : target });
  // No lock file of the killed git is left to fail the next reset, fetch or stash.
  expect(gitLockFiles(join(checkout.dir, '.git'))).toEqual([]);
  if (settings !== null) expect(readFileSync(settingsFile, 'utf8')).toBe(settings);
  expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
}, 180_000);

/** A normal update through supervisord, until the new process has vouched for itself (earlier entries are not it). */
async function update(version: string): Promise<{ commit: string; version: string }> {
  const first = await waitForNewProcess(sup.base, -1, sup.log, 30_000);
  const sha = checkout.push(`Release ${version}`, (d) => (restoreOriginals(d), bumpVersion(d, version)));
  const client = await panelClient(`${sup.base}/?token=${ACCESS}`);
  const view = await client.invoke<UpdateView>('update.check');
  expect(view.ok && view.value).toMatchObject({ state: 'available', target: sha, restart: { auto: true, method: 'supervisor' } });
  await client.invoke('update.run', { target: sha });
  client.close();
  const second = await waitForNewProcess(sup.base, first.pid, sup.log);
  expect(second).toMatchObject({ version, commit: sha, bot: 'connected' });
  await waitFor('the new version to vouch for itself', () => journal().at(-1)?.to === sha && journal().at(-1)?.outcome === 'success', 30_000, sup.log);
  expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
  const took = (journal().at(-1)?.steps ?? []).filter((x) => ['install-deps', 'build', 'self-test'].includes(x.step));
  console.log(`[measure] update to ${version}: ${took.map((x) => `${x.step} ${(x.durationMs / 1000).toFixed(2)} s`).join(', ')}`);
  return second;
}

it('after the crashes, a normal update still installs and runs the new version', async () => {
  const first = checkout.head();
  const version = '4.1.0';
  const h = await update(version);
  expect(h.version).toBe(version);
  expect((await health(sup.base)).commit).toBe(checkout.head());
  expect(execFileSync('git', ['status', '--porcelain'], { cwd: checkout.dir, encoding: 'utf8' })).toBe('');
  // The first update of a plain checkout: entries became launchers, the old build was kept as a release.
  const dir = checkout.dir;
  expect(readFileSync(join(dir, '.vite/build/headless.js'), 'utf8')).toContain('.releases/current/vite/build/headless.js');
  expect(readlinkSync(join(dir, '.releases/current'))).toBe(h.commit);
  expect(existsSync(join(dir, '.releases', first, 'release.json'))).toBe(true);
  // Only the version changed: the panel and the preload were reused, not rebuilt; node_modules untouched.
  expect(JSON.parse(readFileSync(join(dir, '.releases', h.commit, 'release.json'), 'utf8'))).toMatchObject({ commit: h.commit, reused: ['renderer', 'preload'] });
  expect(lstatSync(join(dir, 'node_modules')).isDirectory()).toBe(true);
}, 180_000);

it('a second update runs from a release: deps reused, the release before the previous one collected', async () => {
  const previous = checkout.head();
  const h = await update('4.2.0');
  const dir = checkout.dir;
  expect(readlinkSync(join(dir, '.releases/current'))).toBe(h.commit);
  const releases = readdirSync(join(dir, '.releases')).filter((n) => n !== 'current' && n !== 'deps').sort();
  expect(releases).toEqual([previous, h.commit].sort());
  expect(readdirSync(join(dir, '.releases/deps'))).toHaveLength(1);
  expect(journal().at(-1)?.steps.find((s) => s.step === 'install-deps')).toMatchObject({ status: 'skipped' });
}, 180_000);
