// The Node bundle's exact inputs, recorded beside it (build/node-inputs.json), so the updater's next
// build can tell file by file that nothing the bundler read has changed and hard-link the same output
// instead of bundling again (issue 10: a release that changes no code spent 0.8-1.5 s in the bundler).
// Exact, not by folder: the module list comes from the bundler itself; a file added beside an input
// (which could change how an import resolves) or any change of the build's own setup rebuilds.
import { createHash } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

export const MANIFEST = 'node-inputs.json';
export const FORMAT = 2;
// Names a bare or extension-less import can resolve to: a new one beside an input may shadow it.
export const RESOLVABLE = /\.(m?[jt]sx?|c[jt]s|json)$/;

const sha = (data) => createHash('sha256').update(data).digest('hex');
const inside = (root, path) => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : null;
};

/** The build's own setup: its script, the lockfile (the bundled and external packages), TS configs, package.json less its version. */
function setupFiles(cwd) {
  // Vite's env files (.env, .env.production, ...) fill import.meta.env; the list itself is in buildEnv.
  const names = readdirSync(cwd).filter((n) => /^tsconfig.*\.json$/.test(n) || n === 'package-lock.json' || ENV_FILE.test(n)).sort();
  return ['scripts/build.mjs', 'scripts/build-inputs.mjs', ...names];
}

/** The hash recorded for an input's bytes; the updater's check hashes a commit's files with it too. */
export function inputHash(key, data) {
  if (key !== 'package.json') return sha(data);
  const { version: _version, ...rest } = JSON.parse(data.toString('utf8'));
  return sha(JSON.stringify(rest));
}

// A path that is now a folder (or a folder now a file) reads as changed: the build bundles again, never fails on it.
const unreadable = (err) => ['EISDIR', 'ENOTDIR', 'EACCES', 'ELOOP'].includes(err?.code);

function fileHash(cwd, key) {
  const path = join(cwd, key);
  try {
    return existsSync(path) ? inputHash(key, readFileSync(path)) : null;
  } catch (err) {
    if (unreadable(err)) return `unreadable: ${err.code}`;
    throw err;
  }
}

// A symlink is listed with its target: re-pointed, the same name resolves to another file.
const entry = (path, name) => (lstatSync(join(path, name)).isSymbolicLink() ? `${name} -> ${readlinkSync(join(path, name))}` : name);
/** A folder's recorded listing (resolvable names, a symlink with its target), or null when absent; the updater's check lists a commit's export with it too. */
export const listing = (cwd, dir) => {
  const path = join(cwd, dir);
  try {
    return existsSync(path) ? readdirSync(path).filter((n) => RESOLVABLE.test(n)).sort().map((n) => entry(path, n)).join('\n') : null;
  } catch (err) {
    if (unreadable(err)) return `unreadable: ${err.code}`;
    throw err;
  }
};

export const ENV_FILE = /^\.env(\..+)?$/;
// Environment the bundler reads: Vite's mode follows NODE_ENV, VITE_* variables and env files fill import.meta.env.
/** The build environment as recorded, from the variables and the names at the top of the tree. */
export const buildEnvOf = (env, rootNames) => ({
  NODE_ENV: env.NODE_ENV ?? null,
  vite: Object.keys(env).filter((k) => k.startsWith('VITE_')).sort().map((k) => [k, env[k]]),
  envFiles: rootNames.filter((n) => ENV_FILE.test(n)).sort(),
});
const buildEnv = (env, cwd) => buildEnvOf(env, readdirSync(cwd));

/** What the bundler read (module ids from `this.getModuleIds()`) and wrote (file names), as a manifest. */
export function inputsManifest(cwd, moduleIds, outputs, env = process.env) {
  const root = realpathSync(cwd);
  const modulesRoot = existsSync(join(cwd, 'node_modules')) ? realpathSync(join(cwd, 'node_modules')) : null;
  const keys = new Set(['package.json', ...setupFiles(cwd)]);
  const dirs = new Set();
  let outside = null;
  for (const raw of moduleIds) {
    // Virtual modules come from the bundler (the lockfile); bare names are externals (the lockfile too).
    if (raw.startsWith('\0') || !isAbsolute(raw)) continue;
    const id = raw.replace(/[?#].*$/, '');
    const dep = modulesRoot && inside(modulesRoot, id);
    const own = !dep && inside(root, id);
    if (dep) keys.add(`node_modules/${dep}`);
    else if (own) {
      keys.add(own);
      for (let d = dirname(own); ; d = dirname(d)) {
        dirs.add(d);
        if (d === '.') break;
      }
    } else outside ??= id;
  }
  const files = Object.fromEntries([...keys].sort().map((k) => [k, fileHash(cwd, k)]));
  const listings = Object.fromEntries([...dirs].sort().map((d) => [d, listing(cwd, d)]));
  return { format: FORMAT, outside, env: buildEnv(env, cwd), files, dirs: listings, outputs: [...outputs].sort() };
}

/** Why the build in `prevBuildDir` cannot be reused for the tree in `cwd`, or null when it can. */
export function whyNotReusable(cwd, prevBuildDir, env = process.env) {
  let m;
  try {
    m = JSON.parse(readFileSync(join(prevBuildDir, MANIFEST), 'utf8'));
  } catch {
    return `no ${MANIFEST} in ${prevBuildDir}`;
  }
  if (m.format !== FORMAT) return `${MANIFEST} has another format (${m.format})`;
  if (m.outside) return `it read a file outside the project (${m.outside})`;
  if (JSON.stringify(m.env) !== JSON.stringify(buildEnv(env, cwd))) return `the build environment differs (${JSON.stringify(m.env)})`;
  for (const [key, hash] of Object.entries(m.files)) if (fileHash(cwd, key) !== hash) return `${key} changed`;
  for (const [dir, names] of Object.entries(m.dirs)) if (listing(cwd, dir) !== names) return `files were added or removed in ${dir}/`;
  for (const f of [...m.outputs, MANIFEST]) if (!existsSync(join(prevBuildDir, f))) return `${f} is missing from ${prevBuildDir}`;
  return null;
}

/** Hard-links the previous bundle's files (and its manifest, true for this tree too) into `outDir`. */
export function linkOutputs(prevBuildDir, outDir) {
  const m = JSON.parse(readFileSync(join(prevBuildDir, MANIFEST), 'utf8'));
  for (const f of [...m.outputs, MANIFEST]) {
    mkdirSync(dirname(join(outDir, f)), { recursive: true });
    rmSync(join(outDir, f), { force: true });
    linkSync(join(prevBuildDir, f), join(outDir, f));
  }
  return m.outputs.length;
}

/** What a build is (app-identity.json), for the app to report even while the checkout moves. One writer for the build and the updater. */
export function writeIdentity(outDir, cwd, commit) {
  const { version } = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'app-identity.json'), `${JSON.stringify({ version, commit })}\n`);
}
