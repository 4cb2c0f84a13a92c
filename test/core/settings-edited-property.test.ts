// Whatever bytes a user leaves in settings.json while the app runs, a read never throws and always gives
// valid settings (the file's when valid, else the last valid ones), a refused write leaves the bytes as they
// are, and each distinct problem is reported once (not at every read).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSettingsStore } from '../../electron/core/settings/open-store.js';
import { DEFAULTS, STORED_SCHEMA } from '../../electron/core/settings/schema.js';
import { confStore } from '../../electron/headless/run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-settings-edited-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Mostly near-valid files (one key changed to anything), some raw text.
const edit = fc.oneof(
  fc.record({ key: fc.constantFrom(...Object.keys(DEFAULTS)), value: fc.jsonValue() }).map(({ key, value }) => JSON.stringify({ ...DEFAULTS, [key]: value })),
  fc.string(),
  fc.json(),
);

it('reads never throw and never give invalid settings; refused writes keep the bytes; one report per problem', () => {
  const problems: string[] = [];
  let fixes = 0;
  const { store } = openSettingsStore(dir, confStore, new Date(), (reason) => (reason === null ? ++fixes : problems.push(reason.text)) > 0);
  const file = join(dir, 'settings.json');
  let previousValid = true;
  fc.assert(
    fc.property(edit, (text) => {
      writeFileSync(file, text);
      const valid = (() => {
        try {
          return STORED_SCHEMA.safeParse(JSON.parse(text)).success;
        } catch {
          return false;
        }
      })();
      const [before, fixesBefore] = [problems.length, fixes];
      const read = store.store;
      expect(STORED_SCHEMA.safeParse(read).success).toBe(true);
      expect(Object.keys(DEFAULTS).every((k) => Object.hasOwn(read, k))).toBe(true);
      if (valid) expect(read).toEqual({ ...DEFAULTS, ...(JSON.parse(text) as object) });
      // Reported when the file turns invalid (again after the same problem only if fixed in between).
      const reported = problems.length - before;
      // And a valid file after an invalid one is said to be fixed, once.
      const turnedValid = valid && !previousValid;
      expect(fixes - fixesBefore).toBe(turnedValid ? 1 : 0);
      if (valid) expect(reported).toBe(0);
      else if (previousValid) expect(reported).toBe(1);
      else expect(reported).toBeLessThanOrEqual(1);
      previousValid = valid;
      // A second read of the same file says nothing new.
      expect(store.store).toEqual(read);
      expect([problems.length - before, fixes - fixesBefore]).toEqual([reported, turnedValid ? 1 : 0]);
      if (!valid) {
        expect(() => store.set({ checkIntervalMinutes: 9 })).toThrow(/Not saved/);
        expect(readFileSync(file, 'utf8')).toBe(text);
      }
    }),
    { numRuns: 300 },
  );
});
