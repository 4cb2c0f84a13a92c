// update.run through the app's core, on a real git checkout: a second run while one is under way is
// told that an update is already running, whatever the first run's state.
import { expect, it } from 'vitest';
import type { UpdateView } from '../../shared/types.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { useCoreOnFixture } from './core-on-fixture.js';

const h = useCoreOnFixture();

const refusal = async (target: string) => {
  const reply = (await h.core.dispatch('update.run', { target })) as { ok: boolean; error?: { code: string; message: string } };
  return reply.ok ? null : reply.error;
};

it('a second update.run while one runs says an update is already running, at any point of the run', async () => {
  const v2 = h.fx.publish('Version 2', { 'version.txt': 'v2' });
  const checked = (await h.core.dispatch('update.check')) as { ok: boolean; value: UpdateView };
  expect(checked.value).toMatchObject({ state: 'available', target: v2 });

  const seen: string[] = [];
  const done = new Promise<void>((resolve) => {
    h.core.bus.on('update.status', (view) => {
      if (view.run?.outcome === 'running') seen.push('running');
      if (view.run && view.run.outcome !== 'running') resolve();
    });
  });
  expect(await refusal(v2)).toBeNull();
  const refusals = [await refusal(v2)];
  // Again while steps are reported, and with the target of an earlier check.
  await new Promise<void>((resolve) => h.core.bus.on('update.status', (v) => v.run?.steps.some((s) => s.step === 'build' && s.status === 'running') && resolve()));
  refusals.push(await refusal(v2), await refusal(h.fx.v1));
  await done;
  for (const r of refusals) expect(r).toMatchObject({ code: 'busy', message: expect.stringMatching(/already running/) });
  expect(seen.length).toBeGreaterThan(0);
});

it('the new version, started by the update and not yet healthy, also says an update is running', async () => {
  const v2 = h.fx.publish('Version 2', { 'version.txt': 'v2' });
  // The old process ran the pipeline and restarted; this core is the new process booting.
  expect((await runUpdate(h.fx.context({ autoRestartService: true, dataDir: h.world.dataDir }))).outcome).toBe('restarting');
  expect(await h.core.updates.boot()).toMatchObject({ restartNeeded: false });
  expect(await refusal(v2)).toMatchObject({ code: 'busy', message: expect.stringMatching(/already running/) });
  await h.core.updates.confirmHealthy();
  expect(await refusal(v2)).toMatchObject({ code: 'invalid-input' });
});
