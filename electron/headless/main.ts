// Entry of `npm run headless` (built to .vite/build/headless.js).
// First: a Node too old to run it stops here, with a sentence. Then malloc's settings (the process may
// re-execute itself with them), then V8's, before the other modules load.
import './node-version.js';
import './malloc-reexec.js';
import './v8-tuning.js';
// Then Node's compile cache, so that everything below compiles from it (compile-cache.ts).
import { compileCache, flushCompileCache, pruneCompileCache } from './compile-cache-start.js';
// Before discord.js loads: it would otherwise make Node load its own bundled undici.
import '../core/bot/form-data-global.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFailure } from './start-failure.js';
import { onStopSignal } from './stop-signals.js';

// Loaded only now, after the line above ran: static imports would be evaluated before it (the
// bundler puts a single-use module's code after the chunks the entry imports).
const [{ appDirOf }, { HEADLESS_USAGE, parseHeadlessArgs }, { waitForExit }, { runHeadless, selfTest }, { reportFailed }] = await Promise.all([
  import('../core/update/release-layout.js'),
  import('./args.js'),
  import('./relauncher.js'),
  import('./run.js'),
  import('./standby-child.js'),
]);

// Node runs this file by its real path: in a release that is .releases/<commit>/vite/build.
const buildDir = dirname(fileURLToPath(import.meta.url));
const appDir = appDirOf(buildDir);
// A relaunch goes through the launcher, which runs whatever release is current by then.
const entry = join(appDir, '.vite', 'build', 'headless.js');

async function main(): Promise<void> {
  let args;
  try {
    args = parseHeadlessArgs(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`discord-monitor: ${(err as Error).message}\nnpm run headless -- --help lists the options.\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${HEADLESS_USAGE}\n`);
    process.exit(0);
  }
  if (args.selfTest) {
    await selfTest(appDir);
    process.stdout.write('self-test ok\n');
    process.exit(0);
  }
  if (args.waitPid !== null && !(await waitForExit(args.waitPid))) {
    process.stderr.write(`discord-monitor: the previous process (${args.waitPid}) is still running after 30 s; starting anyway.\n`);
  }
  const headless = await runHeadless(args, process.env, appDir, {}, { relaunch: { script: entry, argv: process.argv.slice(2) }, rendererDir: join(buildDir, '..', 'renderer', 'main_window') });
  // Up: write the cache now, not at exit (days away), so a successor's standby finds it; off the start's path.
  setImmediate(() => {
    flushCompileCache(compileCache);
    if (compileCache.active) void pruneCompileCache(compileCache.active);
  });
  headless.core.log.logger.debug(`Compile cache: ${compileCache.status}${compileCache.directory ? ` (${compileCache.directory})` : ''}${compileCache.message ? `: ${compileCache.message}` : ''}`);
  onStopSignal(() => void headless.stop().then(() => process.exit(0)));
}

main().catch((err: unknown) => {
  const { message, code } = startFailure(err);
  process.stderr.write(`discord-monitor: ${message}\n`);
  // In standby, the running version is waiting for this answer to say why it keeps running.
  void reportFailed(message).finally(() => process.exit(code));
});
