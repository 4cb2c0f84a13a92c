// The build plan (which outputs are reused, and the Node bundle's prediction: a git export and hashing of
// every recorded input, 0.5-0.9 s here) is only worked out when there is an update to confirm: the periodic
// check of an up-to-date app (every 5 minutes by default) shows no plan and spends nothing on one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { inputsManifest } from '../../scripts/build-inputs.mjs';
import { checkForUpdates } from '../../electron/core/update/check.js';
import { Fixture } from './fixture.js';

let fx: Fixture | null = null;
afterEach(() => fx?.cleanup());

it('an up-to-date check carries no build plan; an available one does', async () => {
  fx = new Fixture();
  // The running build: a plain checkout's .vite with its identity and the inputs it recorded.
  const build = join(fx.checkout, '.vite', 'build');
  mkdirSync(build, { recursive: true });
  writeFileSync(join(build, 'headless.js'), '');
  writeFileSync(join(build, 'app-identity.json'), JSON.stringify({ version: '1.0.0', commit: fx.head() }));
  writeFileSync(join(build, 'node-inputs.json'), JSON.stringify(inputsManifest(fx.checkout, [join(fx.checkout, 'version.txt')], ['headless.js'], process.env)));

  const upToDate = await checkForUpdates({ appDir: fx.checkout });
  expect(upToDate.state).toBe('up-to-date');
  expect(upToDate.state === 'up-to-date' && upToDate.build).toBeUndefined();

  fx.publish('Docs only', { 'README.md': 'readme v2\n' });
  const available = await checkForUpdates({ appDir: fx.checkout });
  expect(available.state === 'available' && available.build?.node).toEqual({ reused: true, changed: [], changedCount: 0, folders: [], cause: null });
}, 60_000);
