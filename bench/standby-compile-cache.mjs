// bench/standby-compile-cache: the standby start of an update (spawn → 'ready' over IPC, the way
// standby-launch.ts starts it) with Node's compile cache off, cold (empty folder), warm (same build) and
// update (warm, from a new release path: its chunks miss, the shared deps hit), interleaved.
// Prints wall time to ready and the process's CPU (user+sys of all its threads, /proc, 10 ms ticks) at
// ready, then stands it down. Builds the Node entries into a temp folder. Run: node bench/standby-compile-cache.mjs [runs]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const APP_DIR = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 5);
const root = mkdtempSync(join(tmpdir(), 'dm-bench-cc-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: APP_DIR, env: { ...process.env, DM_BUILD_OUT: join(root, '.vite'), DM_BUILD_SKIP: 'renderer,preload' }, stdio: 'pipe' });
symlinkSync(join(APP_DIR, 'node_modules'), join(root, 'node_modules'));
// As in a checkout or a release: the chunks are ES modules by their package.json, not by syntax detection.
writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
// The standby checks that the panel is there to serve; its content does not matter here.
mkdirSync(join(root, '.vite', 'renderer', 'main_window'), { recursive: true });
writeFileSync(join(root, '.vite', 'renderer', 'main_window', 'index.html'), '<div id="root"></div>');
const entry = join(root, '.vite', 'build', 'headless.js');
// The same bootstrap the running version uses (standby-protocol.ts), inlined to stay a plain .mjs.
const BOOTSTRAP = "import { pathToFileURL } from 'node:url'; await import(pathToFileURL(process.argv[1]).href);";
const TICK_MS = 1000 / 100; // USER_HZ

function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime (fields 14, 15)
}

/** A fresh copy of the build at a new path (hard links, as a release reusing the running bundle): its own chunks miss the cache, its deps hit. */
let releases = 0;
function newRelease() {
  const dir = join(root, `release-${++releases}`);
  mkdirSync(dir);
  execFileSync('cp', ['-al', join(root, '.vite'), join(dir, '.vite')]);
  symlinkSync(join(APP_DIR, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return join(dir, '.vite', 'build', 'headless.js');
}

function standby(dataDir, extraEnv, script = entry) {
  const env = { ...process.env, MALLOC_MMAP_THRESHOLD_: '32768', MALLOC_ARENA_MAX: '1', ...extraEnv };
  delete env.NODE_COMPILE_CACHE;
  if (!extraEnv.NODE_DISABLE_COMPILE_CACHE) delete env.NODE_DISABLE_COMPILE_CACHE;
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--input-type=module', '-e', BOOTSTRAP, script, '--port', '0', '--data-dir', dataDir, '--standby'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolveRun, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`standby exited (${code}) before ready`)));
    child.on('message', (m) => {
      if (m?.type !== 'ready') return;
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const cpu = cpuMs(child.pid);
      child.removeAllListeners('exit');
      child.once('exit', () => resolveRun({ wallMs, cpuMs: cpu }));
      child.send({ type: 'stand-down' });
    });
  });
}

const variants = {
  off: { dir: join(root, 'data-off'), env: { NODE_DISABLE_COMPILE_CACHE: '1' } },
  cold: { dir: join(root, 'data-cold'), env: {} },
  warm: { dir: join(root, 'data-warm'), env: {} },
  // The update case: the running version's cache (deps and its chunks) and a new release's path.
  update: { dir: join(root, 'data-update'), env: {}, release: true },
};
for (const v of Object.values(variants)) mkdirSync(v.dir);
// One start each first: settings and stores exist, the warm folder is filled (written at stand-down).
for (const v of Object.values(variants)) await standby(v.dir, v.env);
const results = { off: [], cold: [], warm: [], update: [] };
const loads = [loadavg()[0]];
for (let i = 0; i < runs; i++) {
  for (const [name, v] of Object.entries(variants)) {
    if (name === 'cold') rmSync(join(v.dir, 'compile-cache'), { recursive: true, force: true });
    results[name].push(await standby(v.dir, v.env, v.release ? newRelease() : entry));
  }
  loads.push(loadavg()[0]);
}
const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(' ');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, rs] of Object.entries(results)) {
  const wall = rs.map((r) => r.wallMs);
  const cpu = rs.map((r) => r.cpuMs);
  console.log(`${name.padEnd(5)} wall ms [${fmt(wall)}] median ${median(wall).toFixed(0)} | cpu ms [${fmt(cpu)}] median ${median(cpu).toFixed(0)}`);
}
console.log(`load average (1 min) during the runs: ${loads.map((l) => l.toFixed(2)).join(' ')}`);
