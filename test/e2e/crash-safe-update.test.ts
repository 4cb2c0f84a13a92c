// Issue 10 §3 under a real supervisord: the app (and every process it started: npm, the build, the
// self-test) is SIGKILLed in the middle of an update step. The next start must boot the version that
// ran before, with the checkout at its commit, the journal saying `interrupted` at that step, the
// settings untouched — and a later update must still work. One installed checkout for the whole file.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UpdateView } from '../../shared/types.js';
import { gitLockFiles } from '../../electron/core/update/git-locks.js';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { health, waitForNewProcess } from './health.js';
import { bumpVersion, createInstalledCheckout, git, type Checkout } from './installed-checkout.js';
import { descendants, killTree, superviseApp, waitFor, type Supervised } from './supervisord.js';
import { reservePort } from './reserve-port.js';
import { panelClient } from './ws-client.js';
import { cmdline } from './proc.js';
import { pidAlive } from '../../electron/core/pid-alive.js';

const ACCESS = 'crash-safe-test-access-token-0123456789';
let world: World;
let checkout: Checkout;
let sup: Supervised;
let scratch: string;
const originals = new Map<string, string>();
/** An npm registry that takes every request and never answers: `npm ci` stays mid-download until killed. */
let registry: Server;
let registryPort = 0;
let registryHits = 0;

/** Commands the app runs that a case can make hang: wrappers first on the app's PATH. */
const WRAPPED = { git: '/usr/bin/git', cp: '/usr/bin/cp', supervisorctl: '/usr/bin/supervisorctl' } as const;
type Wrapped = keyof typeof WRAPPED;
const trapFile = (cmd: Wrapped) => join(scratch, `trap-${cmd}`);

/**
 * While `trap-<cmd>` exists and names a part of the arguments, the wrapper writes its pid to
 * `trap-<cmd>.reached` and waits for the trap to be removed (a pause) or for the kill (a hang).
 */
function writeWrappers(dir: string): void {
  mkdirSync(dir);
  for (const [cmd, real] of Object.entries(WRAPPED)) {
    const t = trapFile(cmd as Wrapped);
    const script = [
      '#!/bin/sh',
      `t='${t}'`,
      'pat=$(cat "$t" 2>/dev/null)',
      'if [ -n "$pat" ]; then case " $* " in *"$pat"*) echo $$ > "$t.reached.tmp"; mv "$t.reached.tmp" "$t.reached"; while [ -f "$t" ]; do sleep 0.05; done ;; esac; fi',
      `exec ${real} "$@"`,
    ];
    writeFileSync(join(dir, cmd), `${script.join('\n')}\n`, { mode: 0o755 });
  }
}

beforeAll(async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  checkout = createInstalledCheckout();
  scratch = mkdtempSync(join(tmpdir(), 'dm-crash-'));
  for (const file of ['scripts/build.mjs', 'electron/headless/main.ts', 'package-lock.json']) originals.set(file, readFileSync(join(checkout.dir, file), 'utf8'));
  writeWrappers(join(scratch, 'bin'));
  registry = createServer(() => void registryHits++);
  registryPort = await reservePort();
  await new Promise<void>((r) => registry.listen(registryPort, '127.0.0.1', r));
  sup = await superviseApp(world, checkout.dir, ACCESS, { pathPrefix: join(scratch, 'bin') });
}, 120_000);

afterAll(async () => {
  registry?.closeAllConnections();
  registry?.close();
  await sup?.close();
  await world?.close();
  checkout?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/**
 * Code that signals the test through `marker`, then hangs until killed. The timer keeps the event loop
 * busy: a bare pending top-level await exits with code 13 once nothing else runs (a race with the kill).
 */
const hang = (marker: string, removeFirst = '') =>
  `const __fs = await import('node:fs');${removeFirst ? ` __fs.rmSync(${removeFirst}, { recursive: true, force: true });` : ''} __fs.writeFileSync(${JSON.stringify(marker)}, String(process.pid)); await new Promise(() => setInterval(() => undefined, 60_000));\n`;

interface KillPoint {
  /** What the title says (the journal's step is `step`). */
  label: string;
  step: string;
  /** Edits the published version so that it hangs at that step (after writing the marker). */
  inject?: (dir: string, marker: string) => void;
  /** Or: the installed checkout's git hangs while it holds the lock files of a change to this ref. */
  refHang?: string;
  /** A local edit the update must set aside (and that must survive the crash). */
  localEdit?: boolean;
  /** Or: the wrapped command hangs when its arguments contain `match` (armed for the update only). */
  trap?: { cmd: Wrapped; match: string };
  /**
   * Or: the checkout's `.env` (a settings file the update snapshots, then verifies) becomes a FIFO
   * whose writer never writes, so the read blocks there — from the start, or once the clean step lists untracked files
   * (after the snapshot of the real file was taken).
   */
  envFifo?: 'before-backup' | 'after-backup';
  /** A change published with the version (a new lockfile, say). */
  publish?: (dir: string) => void;
  /** SIGKILL to the app only: the standby it started must go by itself, leaving the panel port free. */
  appOnly?: boolean;
  /** The kill came after the switch and the journal's `restarting`: the new version is what boots. */
  lands?: 'new';
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

/** The clean step's git command (worktree.ts untrackedFiles), where the clean and restore-config cases stop. */
const UNTRACKED = ' ls-files --others --exclude-standard ';

const KILL_POINTS: KillPoint[] = [
  // Copying the settings into a snapshot (the read of .env blocks).
  { label: 'backup-config', step: 'backup-config', envFifo: 'before-backup' },
  // The stash is made and refs/stash.lock held: the edit must still be in the checkout (or in the stash).
  { label: 'save-local-changes', step: 'save-local-changes', refHang: 'refs/stash', localEdit: true },
  // git fetch is starting (the check fetched already: this is the update's own).
  { label: 'fetch', step: 'fetch', trap: { cmd: 'git', match: ' fetch origin ' } },
  // The branch is being moved: HEAD.lock and refs/heads/main.lock held, the files already the new version's.
  { label: 'reset', step: 'reset', refHang: 'refs/heads/main' },
  // The clean step lists the untracked files it leaves in place (it deletes none).
  { label: 'clean', step: 'clean', trap: { cmd: 'git', match: UNTRACKED } },
  // Checking the settings against the snapshot (the read of .env blocks).
  { label: 'restore-config', step: 'restore-config', envFifo: 'after-backup' },
  {
    // A new lockfile: `npm ci` in a staging folder, mid-download (registry and cache of the project's .npmrc).
    label: 'install-deps mid-npm ci',
    step: 'install-deps',
    publish(dir) {
      writeFileSync(join(dir, 'package-lock.json'), `${originals.get('package-lock.json')}\n`);
      writeFileSync(join(dir, '.npmrc'), `registry=http://127.0.0.1:${registryPort}/\ncache=${join(scratch, 'npm-cache')}\nfetch-retries=0\naudit=false\nfund=false\n`);
      git(dir, 'add', '.npmrc');
    },
  },
  {
    // The build has removed its output folder (what emptyOutDir does) and is about to write the entries.
    label: 'build',
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
    label: 'standby',
    step: 'self-test',
    inject(dir, marker) {
      const file = join(dir, 'electron/headless/main.ts');
      const source = readFileSync(file, 'utf8');
      if (!source.includes('  if (args.selfTest) {\n')) throw new Error('electron/headless/main.ts changed: update the kill injection');
      writeFileSync(file, source.replace('  if (args.selfTest) {\n', `  if (args.selfTest || args.standby) {\n${hang(marker)}  }\n  if (args.selfTest) {\n`));
    },
  },
  // The switch, first update of a plain checkout: the new version is ready in standby and the running
  // build is being adopted as a release. Only the app dies: its standby must not stay on as an orphan.
  { label: 'switch (standby ready, old app only)', step: 'self-test', trap: { cmd: 'cp', match: '/app/.vite ' }, appOnly: true },
  // Right after the switch: `current` is the new release, the journal says restarting, supervisorctl runs.
  { label: 'restart (right after the switch)', step: 'restart', trap: { cmd: 'supervisorctl', match: ' restart ' }, lands: 'new' },
];

const restoreOriginals = (dir: string) => {
  originals.forEach((text, file) => writeFileSync(join(dir, file), text));
  rmSync(join(dir, '.npmrc'), { force: true });
};

/** Arms a case's hook; `reached` is the pid of the process hanging there once it is reached, else 0. */
function arm(k: KillPoint, marker: string, appPid: number): { reached: () => number; disarm: () => void } {
  const fromMarker = () => (existsSync(marker) ? Number(readFileSync(marker, 'utf8').trim()) : 0);
  if (k.refHang) return { reached: fromMarker, disarm: armRefHang(k.refHang, marker) };
  if (k.trap) {
    const t = trapFile(k.trap.cmd);
    writeFileSync(t, k.trap.match);
    const reached = () => (existsSync(`${t}.reached`) ? Number(readFileSync(`${t}.reached`, 'utf8').trim()) : 0);
    return { reached, disarm: () => [t, `${t}.reached`].forEach((f) => rmSync(f, { force: true })) };
  }
  if (k.envFifo) {
    const env = join(checkout.dir, '.env');
    const fifo = () => execFileSync('mkfifo', [env]);
    let writer: number | null = null;
    const clean = trapFile('git');
    if (k.envFifo === 'before-backup') fifo();
    else {
      writeFileSync(env, '# crash test\n');
      writeFileSync(clean, UNTRACKED);
    }
    const reached = () => {
      if (k.envFifo === 'after-backup' && existsSync(clean)) {
        if (!existsSync(`${clean}.reached`)) return 0;
        // The snapshot holds the real file; the update is paused at the clean step: swap, then let it go on.
        rmSync(env);
        fifo();
        rmSync(clean);
      }
      try {
        // Succeeds once a reader has the FIFO open; the writer stays open and silent, so that read blocks.
        writer ??= openSync(env, constants.O_WRONLY | constants.O_NONBLOCK);
        return appPid;
      } catch {
        return 0;
      }
    };
    const disarm = () => {
      if (writer !== null) closeSync(writer);
      [env, clean, `${clean}.reached`].forEach((f) => rmSync(f, { force: true }));
    };
    return { reached, disarm };
  }
  if (k.publish) return { reached: () => (registryHits > 0 ? appPid : 0), disarm: () => undefined };
  return { reached: fromMarker, disarm: () => undefined };
}

const journal = () =>
  (JSON.parse(readFileSync(join(sup.dataDir, 'update-journal.json'), 'utf8')) as { entries: { outcome: string; failedStep: string | null; to: string | null; steps: { step: string; status: string; durationMs: number }[] }[] }).entries;

it.each(KILL_POINTS)('kill -9 during $label: the version that should run boots, checkout at its commit, a later update works', async (k) => {
  const { label, step, inject, localEdit } = k;
  const started = performance.now();
  const before = await waitForNewProcess(sup.base, -1, sup.log, 30_000);
  const good = checkout.head();
  expect(before.commit).toBe(good);
  const settingsFile = join(sup.dataDir, 'settings.json');
  const settings = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : null;
  const marker = join(scratch, `${label.replace(/\W+/g, '-')}.reached`);
  const version = `4.0.${KILL_POINTS.indexOf(k) + 1}`;
  const target = checkout.push(`Release hanging at ${label}`, (d) => {
    restoreOriginals(d);
    bumpVersion(d, version);
    inject?.(d, marker);
    k.publish?.(d);
  });
  const edited = join(checkout.dir, 'README.md');
  const readme = readFileSync(edited, 'utf8');
  if (localEdit) writeFileSync(edited, `${readme}My local line.\n`);

  const client = await panelClient(`${sup.base}/?token=${ACCESS}`);
  const view = await client.invoke<UpdateView>('update.check');
  expect(view.ok && view.value.target).toBe(target);
  const hook = arm(k, marker, before.pid);
  await client.invoke('update.run', { target });
  client.close();
  let standby = 0;
  try {
    await waitFor(`the update to reach ${label}`, () => hook.reached() > 1, 90_000, sup.log);
    if (k.appOnly) {
      // The standby is a child of the app (in its own session): it alone is spared.
      standby = descendants(before.pid).find((p) => cmdline(p).includes('--standby')) ?? 0;
      expect(standby, 'a standby beside the app').toBeGreaterThan(1);
      process.kill(before.pid, 'SIGKILL');
      killTree(hook.reached());
    } else {
      // The app and everything it started — a standby may run in its own session: the marker names it.
      const killed = new Set([...killTree(before.pid), ...killTree(hook.reached())]);
      // A settings read hangs in the app itself; every other point hangs in a process it started.
      if (!k.envFifo) expect(killed.size).toBeGreaterThan(1);
    }
  } finally {
    hook.disarm();
  }
  if (standby) await waitFor('the orphaned standby to exit by itself', () => !pidAlive(standby), 15_000, sup.log);

  // The next start binds the panel port (no orphan holds it) and runs with the bot connected.
  const after = await waitForNewProcess(sup.base, before.pid, sup.log, 60_000);
  if (k.lands === 'new') {
    // Killed after the switch, the journal at `restarting`: the kill was the restart, the new version vouches.
    expect(after, sup.log()).toMatchObject({ commit: target, version, bot: 'connected' });
    expect(checkout.head()).toBe(target);
    await waitFor('the new version to vouch for itself', () => journal().at(-1)?.to === target && journal().at(-1)?.outcome === 'success', 30_000, sup.log);
  } else {
    expect(after, sup.log()).toMatchObject({ commit: good, version: before.version, bot: 'connected' });
    expect(checkout.head()).toBe(good);
  }
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
  const known = !['backup-config', 'save-local-changes', 'fetch'].includes(step);
  if (k.lands !== 'new') expect(journal().at(-1)).toMatchObject({ outcome: 'interrupted', failedStep: step, to: known ? target : null });
  // No lock file of the killed git is left to fail the next reset, fetch or stash.
  expect(gitLockFiles(join(checkout.dir, '.git'))).toEqual([]);
  if (settings !== null) expect(readFileSync(settingsFile, 'utf8')).toBe(settings);
  expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
  console.log(`[measure] kill -9 during ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
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
