// settings.json edited by hand while the app runs: conf with its JSON schema checked every read (its
// store getter validated the file), so a wrong value never reached the app. With the check moved to zod
// (validated-store.ts) a read must still refuse it, or e.g. checkIntervalMinutes "soon" becomes a NaN
// timer (update checks back to back) and a number in highlightKeywords breaks every settings view.
// Refused without throwing: a read gives the last valid values (a throw crashed the update timer).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../electron/core/settings/open-store.js';
import { confStore } from '../../electron/headless/run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-review-settings-read-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a settings.json made invalid while the store is open', () => {
  it.each([
    ['checkIntervalMinutes', 'soon'],
    ['highlightKeywords', 5],
    ['apiUrl', 'https://user:pw@example.com/api'],
  ])('a read refuses %s = %j, as conf did, and leaves the file as the user wrote it', (key, value) => {
    const problems: string[] = [];
    const { store } = openSettingsStore(dir, confStore, new Date(), (reason) => reason !== null && problems.push(reason.text) > 0);
    const before = store.store;
    const file = join(dir, 'settings.json');
    const text = JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), [key]: value });
    writeFileSync(file, text);
    expect(store.store).toEqual(before);
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^\`${key}\` must`))]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
