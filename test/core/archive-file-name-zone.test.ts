// An export's file name carries the day it was made, in the zone the export is made in: at 00:30 in
// Paris (23:30 UTC the day before) the file was named after yesterday.
import { afterEach, expect, it, vi } from 'vitest';
import { storeWith, type StoredFixture } from '../helpers/archive-fixture.js';
import { archiveOn } from '../helpers/archive-services.js';

const fixtures: StoredFixture[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const f of fixtures.splice(0)) f.close();
});

it.each([
  ['Europe/Paris', '2026-03-28T23:30:00Z', 'general-2026-03-29.html'],
  ['America/New_York', '2026-03-29T02:30:00Z', 'general-2026-03-28.html'],
  ['Pacific/Kiritimati', '2026-12-31T11:00:00Z', 'general-2027-01-01.html'],
  [undefined, '2026-03-28T23:30:00Z', 'general-2026-03-28.html'],
])('in %s at %s the file is %s', (timeZone, now, name) => {
  const f = storeWith(1);
  fixtures.push(f);
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) });
  const archive = archiveOn(f);
  expect(archive.describe({ format: 'html', filter: timeZone ? { timeZone } : {}, locale: 'en', media: 'link' } as never).name).toBe(name);
  archive.dispose();
});
