// Automatic backups SIGKILLed (a real child process) at each step of writing one: while the export is written,
// right after its first rename, while older ones are rotated out. An older backup is never lost, a half-written
// file is never counted, and the next backup leaves only whole ones in the folder. A review found a backup killed
// between its two renames (exporter's `.part` → a name without the count → the name with it) left a whole copy
// of the channel that nothing ever removed: it is now renamed once, straight to its final name.
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupService, type BackupSettings } from '../../electron/core/archive/backups.js';
import { readJsonExport } from '../../electron/core/archive/import.js';
import { APP_DIR } from '../helpers/world.js';
import { killChildAt, STOP_HERE } from '../helpers/kill-child.js';
import { CHANNEL, storeWith, type StoredFixture } from '../helpers/archive-fixture.js';

const fixtures: StoredFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.close();
});

const HOUR = 3_600_000;
function service(f: StoredFixture, over: Partial<BackupSettings>, now: () => number) {
  const settings: BackupSettings = { backupEnabled: false, backupDir: '', backupKeep: 3, backupIntervalHours: 24, channelId: CHANNEL, ...over };
  return new BackupService({
    dataDir: f.dir, storeFile: f.file, settings: () => settings,
    meta: () => ({ app: { name: 'Discord Monitor', version: 'test' }, guild: null, channel: { id: CHANNEL, name: 'general' } }),
    redact: (t) => t, logger: pino({ level: 'silent' }), now,
  });
}

type Step = 'writing' | 'renamed' | 'rotating';

// The child pauses (a marker, then a blocking wait) at a step; the parent SIGKILLs it there.
const CHILD = (step: Step) => `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
${STOP_HERE}
const [, dataDir, storeFile, channelId, now] = process.argv.slice(2);
const rename = fs.renameSync, rm = fs.rmSync;
let renames = 0;
fs.renameSync = (a, b) => { rename(a, b); renames++; if (${JSON.stringify(step)} === 'renamed' && renames === 1) stop(); };
fs.rmSync = (p, o) => { rm(p, o); if (${JSON.stringify(step)} === 'rotating' && /messages-\\d+-.*\\.json$/.test(String(p))) stop(); };
syncBuiltinESMExports();
const { BackupService } = await import(${JSON.stringify(join(APP_DIR, 'electron/core/archive/backups.ts'))});
const pino = (await import('node:module')).createRequire(${JSON.stringify(join(APP_DIR, 'package.json'))})('pino');
let chunks = 0;
const s = new BackupService({ dataDir, storeFile, settings: () => ({ backupEnabled: false, backupDir: '', backupKeep: 3, backupIntervalHours: 24, channelId }),
  meta: () => ({ app: { name: 'x', version: 't' }, guild: null, channel: { id: channelId, name: 'general' } }),
  redact: (t) => { if (${JSON.stringify(step)} === 'writing' && ++chunks === 3) stop(); return t; }, logger: pino({ level: 'silent' }), now: () => Number(now) });
await s.backupNow('scheduled');
process.stdout.write('finished');
`;

const killAt = (f: StoredFixture, step: Step, at: number) => killChildAt(f.dir, step, CHILD(step), [f.dir, f.file, CHANNEL, String(at)]);

describe('automatic backups killed at every step', { timeout: 60_000 }, () => {
  it.each(['writing', 'renamed', 'rotating'] as Step[])('killed %s: older backups kept, nothing half-written counted, nothing left over after the next one', async (step) => {
    const f = storeWith(2500);
    fixtures.push(f);
    let t = Date.UTC(2026, 0, 1);
    const s = service(f, {}, () => t);
    const older = [];
    for (let i = 0; i < 3; i++) {
      older.push((await s.backupNow('scheduled')).file);
      t += HOUR;
    }
    await killAt(f, step, t);
    const listed = s.list();
    // Each listed backup is whole.
    for (const b of listed) expect(readJsonExport(b.file).messages, b.file).toHaveLength(b.count);
    // Never fewer than N: the newest N whole backups are kept.
    expect(listed.length).toBeGreaterThanOrEqual(3);
    // The next backup, two hours later, leaves only whole backups in the folder.
    t += 2 * HOUR;
    await s.backupNow('scheduled');
    const dir = join(f.dir, 'message-backups');
    expect(readdirSync(dir).filter((n) => !/^messages-\d+-\d{8}T\d{9}Z-[a-z-]+-\d+\.json$/.test(n)), `left in ${dir}`).toEqual([]);
    expect(s.list()).toHaveLength(3);
  });
});

it('what 3.1.0 left when killed between its two renames (a whole export named without its count) is removed by a later backup', async () => {
  const f = storeWith(50);
  fixtures.push(f);
  const t = Date.UTC(2026, 0, 1);
  const dir = join(f.dir, 'message-backups');
  mkdirSync(dir, { recursive: true });
  const left = join(dir, `messages-${CHANNEL}-20251231T200000000Z-scheduled.json`);
  writeFileSync(left, '{}');
  utimesSync(left, new Date(t - 4 * HOUR), new Date(t - 4 * HOUR));
  await service(f, {}, () => t).backupNow('scheduled');
  expect(readdirSync(dir)).toEqual([`messages-${CHANNEL}-20260101T000000000Z-scheduled-50.json`]);
});
