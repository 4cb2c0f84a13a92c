// settings.json edited by hand while the real core runs: the core notices the file change by itself
// (nobody has to read a setting first), and the panel is told the values now in use through
// settings.changed, the same event a save sends. Invalid, the core keeps its values and says why in a
// notice; fixed again, the notice goes and the fixed values are sent.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { coreEachWorld, coreFor, nextEvent, recordEvents } from '../helpers/world.js';

const t = coreEachWorld();
const file = () => join(t.world.dataDir, 'settings.json');
const edit = (change: Record<string, unknown>) => writeFileSync(file(), JSON.stringify({ ...JSON.parse(readFileSync(file(), 'utf8')), ...change }, null, '\t'));

it('made invalid, then fixed by hand: the notice comes and goes, and the fixed values reach the panel', async () => {
  const core = (t.core = await coreFor(t.world));
  expect((await core.dispatch('settings.save', { checkIntervalMinutes: 7 })).ok).toBe(true);
  const events = recordEvents(core);

  const good = readFileSync(file(), 'utf8');
  edit({ checkIntervalMinutes: 'soon' });
  const shown = await nextEvent(core, 'notices.changed', (list) => list.some((n) => n.code === 'settings-invalid'), 10_000);
  expect(shown.find((n) => n.code === 'settings-invalid')!.message).toMatch(/checkIntervalMinutes/);

  writeFileSync(file(), good.replace('"checkIntervalMinutes": 7', '"checkIntervalMinutes": 11'));
  const view = await nextEvent(core, 'settings.changed', (v) => v.checkIntervalMinutes === 11, 10_000);
  expect(view.checkIntervalMinutes).toBe(11);
  const notices = await core.dispatch('app.notices', undefined);
  expect(notices.ok && notices.value.filter((n) => n.code === 'settings-invalid')).toEqual([]);
  // While invalid nothing changed in use: no settings.changed then (the panel keeps the values that apply).
  expect(events.filter((e) => e.event === 'settings.changed').map((e) => (e.payload as { checkIntervalMinutes: number }).checkIntervalMinutes)).toEqual([11]);
});

it('a valid edit by hand reaches the panel too', async () => {
  const core = (t.core = await coreFor(t.world));
  edit({ channelId: t.world.otherChannelId, highlightKeywords: ['deploy'] });
  const view = await nextEvent(core, 'settings.changed', (v) => v.channelId === t.world.otherChannelId, 10_000);
  expect(view.highlightKeywords).toEqual(['deploy']);
});
