// The app's core on a fixture checkout (its own fake Discord and data folder), per test: update.* commands
// run through dispatch as the panel sends them. `h.fx` and `h.core` are set in beforeEach.
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { coreFor, createWorld, type World } from '../helpers/world.js';
import { Fixture } from './fixture.js';

export function useCoreOnFixture(): { fx: Fixture; core: Core; world: World } {
  const h = {} as { fx: Fixture; core: Core; world: World };
  beforeEach(async () => {
    h.fx = new Fixture();
    h.world = await createWorld();
    h.core = await coreFor(h.world, { AUTO_RESTART_SERVICE: 'False' }, {
      paths: { dataDir: h.world.dataDir, logDir: join(h.world.dataDir, 'logs'), appDir: h.fx.checkout },
      update: { pipeline: { commands: h.fx.commands } },
    });
  });
  afterEach(async () => {
    await h.core.shutdown();
    await h.world.close();
    h.fx.cleanup();
  });
  return h;
}
