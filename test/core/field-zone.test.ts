// The export's date fields and the zone the panel sends with them must mean the same days. A browser
// that cannot name its zone sent "UTC" but turned "2026-01-15" into its own local midnight: in New York
// the export began five hours after the UTC day the request named. The page's clock is set through TZ
// (this file runs in its own process).
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dayStart, namedZone, UTC } from '../../electron/core/messages/time-zone.js';
import { fieldDayStart, fieldZone, fieldZoneOf } from '../../shared/time-zone.js';

const before = process.env.TZ;
afterEach(() => {
  if (before === undefined) delete process.env.TZ;
  else process.env.TZ = before;
});

describe('the zone of the panel’s date fields', () => {
  it('a zone the browser names is used as it is; none, or one unknown here, is UTC, said as not named', () => {
    expect(fieldZoneOf('Europe/Paris')).toEqual({ timeZone: 'Europe/Paris', named: true });
    for (const name of [undefined, '', 'Etc/Unknown', 'Mars/Olympus']) expect(fieldZoneOf(name)).toEqual({ timeZone: 'UTC', named: false });
    // The page's own: a clock Intl can name, and one it cannot (Node says undefined for a TZ it does not know).
    process.env.TZ = 'Europe/Paris';
    expect(fieldZone()).toEqual({ timeZone: 'Europe/Paris', named: true });
    process.env.TZ = 'Foo/Bar';
    expect(fieldZone()).toEqual({ timeZone: 'UTC', named: false });
  });

  it('a browser in New York that cannot name its zone: the fields are UTC days, as the zone it sends says', () => {
    process.env.TZ = 'America/New_York';
    expect(new Date(2026, 0, 15).getTime()).toBe(Date.UTC(2026, 0, 15, 5)); // the page's own clock
    const unnamed = fieldZoneOf(undefined);
    expect(fieldDayStart('2026-01-15', unnamed)).toBe(Date.UTC(2026, 0, 15));
    expect(fieldDayStart('2026-07-15', unnamed)).toBe(Date.UTC(2026, 6, 15));
    // Named, the fields are that zone's days, each with its own offset.
    const named = fieldZoneOf('America/New_York');
    expect(fieldDayStart('2026-01-15', named)).toBe(Date.UTC(2026, 0, 15, 5));
    expect(fieldDayStart('2026-07-15', named)).toBe(Date.UTC(2026, 6, 15, 4));
    expect(fieldDayStart('', named)).toBeUndefined();
  });

  it('any day, any page clock: the field’s instant is where the core begins that day in the zone sent', () => {
    const clocks = ['America/New_York', 'Europe/Paris', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Kiritimati', 'UTC'];
    const date = fc.date({ min: new Date(Date.UTC(1971, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...clocks), date, fc.boolean(), (clock, day, named) => {
        process.env.TZ = clock;
        const zone = fieldZoneOf(named ? clock : undefined);
        const core = zone.named ? namedZone(zone.timeZone) : UTC;
        expect([clock, day, named, fieldDayStart(day, zone)]).toEqual([clock, day, named, dayStart(core, day)]);
      }),
      { numRuns: 1000 },
    );
  });
});
