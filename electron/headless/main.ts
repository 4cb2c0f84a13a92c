// Entry of `npm run headless` (built to .vite/build/headless.js).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHeadlessArgs } from './args.js';
import { runHeadless, selfTest } from './run.js';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  let args;
  try {
    args = parseHeadlessArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`discord-monitor: ${(err as Error).message}\n`);
    process.exit(2);
  }
  if (args.selfTest) {
    await selfTest(appDir);
    process.stdout.write('self-test ok\n');
    process.exit(0);
  }
  const headless = await runHeadless(args, process.env, appDir);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void headless.stop().then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`discord-monitor: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
