// Records every file-system write into a folder the test has let go of (its app shut down and the
// folder removed): a shell writing after quit could recreate a profile the user deleted.
// node:fs is patched in place and its ESM bindings re-synced, so `import { mkdirSync }` and conf's
// `fs.mkdirSync` both pass through here; anything outside a released folder is untouched.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';

type Fs = typeof import('node:fs');
const fs = createRequire(import.meta.url)('node:fs') as Fs;

/** Calls whose first (or second: rename, copy) argument is a path they create or change. */
const SYNC = ['mkdirSync', 'writeFileSync', 'appendFileSync', 'openSync', 'renameSync', 'copyFileSync', 'cpSync', 'symlinkSync', 'linkSync', 'createWriteStream'] as const;
const CALLBACK = ['mkdir', 'writeFile', 'appendFile', 'open', 'rename', 'copyFile', 'cp', 'symlink', 'link'] as const;
const PROMISES = ['mkdir', 'writeFile', 'appendFile', 'open', 'rename', 'copyFile', 'cp', 'symlink', 'link'] as const;
const READ_ONLY_FLAGS = new Set([undefined, 'r', 'rs', 'sr', fs.constants.O_RDONLY]);

const released: string[] = [];
const late: string[] = [];

const inReleased = (p: unknown): boolean => {
  if (typeof p !== 'string' && !(p instanceof URL) && !Buffer.isBuffer(p)) return false;
  const abs = resolve(p instanceof URL ? p.pathname : p.toString());
  return released.some((root) => abs === root || abs.startsWith(root + sep));
};

function record(name: string, args: unknown[]): void {
  // open/openSync for reading is not a write.
  if ((name === 'open' || name === 'openSync') && READ_ONLY_FLAGS.has(args[1] as string | number | undefined)) return;
  const target = [args[0], args[1]].find(inReleased);
  if (target === undefined) return;
  const stack = (new Error().stack ?? '').split('\n').slice(3, 12).join('\n');
  late.push(`${name}(${String(target)})\n${stack}`);
}

function wrap<T extends object>(host: T, names: readonly string[], prefix: string): void {
  const h = host as Record<string, unknown>;
  for (const name of names) {
    const original = h[name] as ((...a: unknown[]) => unknown) | undefined;
    if (typeof original !== 'function') continue;
    h[name] = function (this: unknown, ...args: unknown[]) {
      record(prefix + name, args);
      return original.apply(this, args);
    };
  }
}

let installed = false;
function install(): void {
  if (installed) return;
  installed = true;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Math.max(limit, 30);
  wrap(fs, SYNC, '');
  wrap(fs, CALLBACK, '');
  wrap(fs.promises, PROMISES, 'promises.');
  syncBuiltinESMExports();
}

/** From now on, any write under `root` is recorded (the folder belongs to no running app any more). */
export function release(root: string): void {
  install();
  released.push(resolve(root));
}

/** The writes into released folders so far, each with the stack that made it; clears the list. */
export function takeLateWrites(): string[] {
  return late.splice(0);
}

/** Released folders that exist again (something recreated them after the test removed them). */
export function recreatedFolders(): string[] {
  return released.filter((root) => fs.existsSync(root));
}
