// "Updates off" must point at what actually turned them off: a setting locked by an environment
// variable cannot be changed in Settings → Updates (the demo starts that way).
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { UpdateView } from '../../shared/types.js';
import { coreFor, createWorld, type World } from '../helpers/world.js';
import { Fixture } from './fixture.js';

let fx: Fixture;
let world: World;
let core: Core | null = null;
beforeEach(async () => {
  fx = new Fixture();
  world = await createWorld();
});
afterEach(async () => {
  await core?.shutdown();
  await world.close();
  fx.cleanup();
});

const check = async (env: NodeJS.ProcessEnv) => {
  core = await coreFor(world, env, { paths: { dataDir: world.dataDir, logDir: join(world.dataDir, 'logs'), appDir: fx.checkout } });
  return ((await core.dispatch('update.check')) as { value: UpdateView }).value;
};

it('turned off by AUTO_UPDATE_ENABLED: names the variable, not a locked checkbox', async () => {
  const view = await check({ AUTO_UPDATE_ENABLED: 'False' });
  expect(view).toMatchObject({ state: 'disabled', disabled: { reason: 'auto-update-off', envVar: 'AUTO_UPDATE_ENABLED' } });
  expect(view.message).toContain('AUTO_UPDATE_ENABLED');
  expect(view.message).not.toContain('Settings → Updates');
});

it('turned off in the settings: points at Settings → Updates', async () => {
  core = await coreFor(world, {}, { paths: { dataDir: world.dataDir, logDir: join(world.dataDir, 'logs'), appDir: fx.checkout } });
  await core.dispatch('settings.save', { autoUpdateEnabled: false });
  const view = ((await core.dispatch('update.check')) as { value: UpdateView }).value;
  expect(view).toMatchObject({ state: 'disabled', disabled: { reason: 'auto-update-off' } });
  expect(view.disabled?.envVar).toBeUndefined();
  expect(view.message).toContain('Settings → Updates');
});
