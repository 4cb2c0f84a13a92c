// `npm run demo -- --update`: the real update, safely. A scratch installed copy of this checkout (its
// own clone, and a local "origin" one commit ahead) runs as a child process against the demo's
// simulated Discord, so Update can be clicked and watched without touching this checkout.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScratchCopy {
  /** The scratch checkout the child runs from (never the user's). */
  dir: string;
  /** The commit offered as the update. */
  next: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

// The user's git variables (a hook's GIT_DIR) must never point these commands at their repository.
const gitEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Discord Monitor demo', '-c', 'user.email=demo@example.invalid', ...args], { cwd, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/**
 * The copy's own node_modules: hard links (removing them, as `npm ci` does, never reaches the
 * user's files), or one symlink per package across filesystems. Never a link to the folder itself.
 */
function shareDependencies(from: string, to: string): void {
  try {
    execFileSync('cp', ['-al', from, to], { stdio: 'ignore' });
    return;
  } catch {
    rmSync(to, { recursive: true, force: true });
  }
  mkdirSync(to);
  for (const entry of readdirSync(from)) symlinkSync(join(from, entry), join(to, entry));
}

/** Clones `appDir`'s HEAD, builds it, publishes one newer commit to the scratch origin, and starts the copy. */
export function startScratchCopy(appDir: string, port: number, env: NodeJS.ProcessEnv, say: (line: string) => void): ScratchCopy {
  const root = mkdtempSync(join(tmpdir(), 'discord-monitor-demo-update-'));
  const origin = join(root, 'origin.git');
  const dir = join(root, 'app');
  const work = join(root, 'publisher');
  say(`Demo: making a scratch copy of this checkout's last commit in ${root} (your checkout is not touched)…`);
  git(root, 'clone', '-q', '--bare', '--no-hardlinks', appDir, origin);
  git(root, 'clone', '-q', origin, dir);
  git(root, 'clone', '-q', origin, work);
  shareDependencies(join(appDir, 'node_modules'), join(dir, 'node_modules'));
  say('Demo: building the scratch copy…');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'ignore' });

  // The update on offer: the same code, one version later.
  const pkgFile = join(work, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string };
  pkg.version = `${pkg.version.split('-')[0]}-demo.1`;
  writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  git(work, 'commit', '-qam', `Demo release ${pkg.version}: click Update to install it`);
  git(work, 'push', '-q', 'origin', 'HEAD');
  const next = git(work, 'rev-parse', 'HEAD');

  const child = spawn(process.execPath, [join(dir, '.vite', 'build', 'headless.js'), '--port', String(port), '--data-dir', join(root, 'data')], {
    cwd: dir,
    env: { ...env, AUTO_UPDATE_ENABLED: 'True' },
    stdio: 'inherit',
  });
  child.on('error', (err) => say(`Demo: the scratch copy could not start: ${err.message}`));

  const stop = async () => {
    // The update replaces the process: stop whichever one answers on the port now, by its pid.
    const pid = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then(async (r) => ((await r.json()) as { pid?: number }).pid)
      .catch(() => undefined);
    const pids = [...new Set([pid, child.pid])].filter((p): p is number => typeof p === 'number');
    for (const p of pids) signal(p, 'SIGTERM');
    // Its files go once it has exited (it saves state on the way out); a deadline, not a pause.
    const until = Date.now() + 15_000;
    while (pids.some((p) => signal(p, 0)) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    rmSync(root, { recursive: true, force: true });
  };
  return { dir, next, child, stop };
}

/** Sends `sig` to `pid`; false when there is no such process (0 only checks that it exists). */
function signal(pid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}
