// messages.statsCancel over the real command path: a panel that asks for another period before its count
// answered stops that count at its next slice (a year of a busy channel takes seconds, and every count
// left running shared the event loop with the next one); the stopped count is refused in the panel's
// language, other counts run on, and an id with no count running answers false.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { SLICE_ROWS } from '../../electron/core/messages/stats-sliced.js';
import { configuredEnv, coreFor, type World, eachWorld, startConnected } from '../helpers/world.js';
import { messageAt } from '../helpers/timed-messages.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

/** Five slices' worth of stored messages, one a minute up to an hour ago. */
function storeHistory(): number {
  const n = 5 * SLICE_ROWS;
  const store = new MessageStore(join(world.dataDir, 'messages.sqlite'));
  const start = Date.now() - 3_600_000 - n * 60_000;
  store.addMany(Array.from({ length: n }, (_, i) => ({ ...messageAt(start + i * 60_000), channelId: world.channelId })));
  store.close();
  return n;
}

describe('statistics count stopped', { timeout: 30_000 }, () => {
  it('a count stopped after its first slice answers "stopped", reports no more progress, and leaves another count to finish', async () => {
    const n = storeHistory();
    core = await coreFor(world, configuredEnv(world));
    const c = await startConnected(core);
    const heard: Array<{ id: string; done: number }> = [];
    const off = c.bus.on('messages.statsProgress', (p) => {
      heard.push(p);
      // Stopped as soon as its first slice is counted, from within the count's own turn.
      if (p.id === 'old' && heard.filter((h) => h.id === 'old').length === 1) stopped = c.dispatch('messages.statsCancel', { progressId: 'old' });
    });
    let stopped: ReturnType<typeof c.dispatch> | null = null;
    const [old, other] = await Promise.all([c.dispatch('messages.stats', { timeZone: 'UTC', progressId: 'old' }), c.dispatch('messages.stats', { timeZone: 'UTC', progressId: 'other' })]);
    off();
    expect(await stopped).toEqual({ ok: true, value: true });
    expect(old.ok ? 'counted to the end' : old.error.code).toBe('unavailable');
    expect(old.ok ? undefined : old.error.i18n?.key).toBe('command.statsStopped');
    // One slice of five: its first progress, nothing after.
    const ofOld = heard.filter((h) => h.id === 'old');
    expect(ofOld).toHaveLength(1);
    expect(ofOld[0]!.done).toBeLessThan(0.5);
    // The other count (another panel's, or the new period's) is not touched.
    expect(other.ok && other.value.total).toBe(n);
    expect(heard.filter((h) => h.id === 'other').at(-1)?.done).toBe(1);
    // Nothing running under that name any more; a name never used: false.
    expect(await c.dispatch('messages.statsCancel', { progressId: 'old' })).toEqual({ ok: true, value: false });
    expect(await c.dispatch('messages.statsCancel', { progressId: 'never' })).toEqual({ ok: true, value: false });
    for (const progressId of ['ABC', '', 'x'.repeat(33)]) {
      const refused = await c.dispatch('messages.statsCancel', { progressId });
      expect(refused.ok ? 'taken' : refused.error.code, progressId).toBe('invalid-input');
    }
  });

  it('a count stopped as soon as it is asked (while the search index catches up, before its first slice) is stopped too', async () => {
    storeHistory();
    core = await coreFor(world, configuredEnv(world));
    const c = await startConnected(core);
    const counting = c.dispatch('messages.stats', { timeZone: 'UTC', progressId: 'early' });
    const stopped = await c.dispatch('messages.statsCancel', { progressId: 'early' });
    const answer = await counting;
    expect(stopped).toEqual({ ok: true, value: true });
    expect(answer.ok ? 'counted' : answer.error.i18n?.key).toBe('command.statsStopped');
  });
});
