// Automatic backups: a JSON export of the channel, 0600 in a 0700 folder, the newest N kept, on a
// schedule that follows the newest file; BACKUP_ENABLED / BACKUP_DIR as environment overrides.
import { chmodSync, existsSync, mkdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupService, type BackupSettings } from '../../electron/core/archive/backups.js';
import { readJsonExport } from '../../electron/core/archive/import.js';
import { CommandError } from '../../electron/core/errors.js';
import { tightenModes } from '../../electron/core/fs-modes.js';
import { readEnvOverrides } from '../../electron/core/settings/env.js';
import { CHANNEL, storeWith, type StoredFixture } from '../helpers/archive-fixture.js';
import { backupServiceOn } from '../helpers/archive-services.js';

const fixtures: StoredFixture[] = [];
const services: BackupService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  for (const f of fixtures.splice(0)) f.close();
});

function service(over: Partial<BackupSettings> = {}, now?: () => number, firstDelayMs?: number) {
  const f = storeWith(120);
  fixtures.push(f);
  const settings: BackupSettings = { backupEnabled: false, backupDir: '', backupKeep: 3, backupIntervalHours: 24, channelId: CHANNEL, ...over };
  const s = backupServiceOn(f, settings, { ...(now ? { now } : {}), ...(firstDelayMs !== undefined ? { firstDelayMs } : {}) });
  services.push(s);
  return { s, f, settings };
}

describe('message backups', () => {
  it('writes the whole channel as a re-importable JSON export, 0600 in a 0700 folder', async () => {
    const { s, f } = service();
    const info = await s.backupNow('manual');
    expect(info.file.startsWith(join(f.dir, 'message-backups'))).toBe(true);
    expect(info.count).toBe(120);
    expect(readJsonExport(info.file).messages).toEqual(f.store.list(CHANNEL, 1000));
    expect(statSync(info.file).mode & 0o777).toBe(0o600);
    expect(statSync(join(f.dir, 'message-backups')).mode & 0o777).toBe(0o700);
    expect(s.list()).toEqual([info]);
  });

  it('a backup folder left readable by others is tightened at start, with its files', async () => {
    const { s, f } = service();
    const info = await s.backupNow('manual');
    chmodSync(join(f.dir, 'message-backups'), 0o755);
    chmodSync(info.file, 0o644);
    const said = tightenModes(f.dir, join(f.dir, 'logs'));
    expect(statSync(join(f.dir, 'message-backups')).mode & 0o777).toBe(0o700);
    expect(statSync(info.file).mode & 0o777).toBe(0o600);
    expect(said.join('\n')).toMatch(/message-backups/);
  });

  it('keeps the newest N and removes older ones', async () => {
    let t = Date.UTC(2026, 0, 1);
    const { s } = service({ backupKeep: 2 }, () => t);
    const made = [];
    for (let i = 0; i < 4; i++) {
      made.push(await s.backupNow(i === 3 ? 'before-delete-all' : 'scheduled'));
      t += 3_600_000;
    }
    expect(s.list().map((b) => b.file)).toEqual([made[3]!.file, made[2]!.file]);
  });

  it('runs on its own when enabled, then schedules the next one an interval after the newest', async () => {
    const { s } = service({ backupEnabled: true, backupIntervalHours: 24 }, undefined, 50);
    s.schedule();
    await expect.poll(() => s.list().length, { timeout: 5000 }).toBe(1);
    const newest = s.list()[0]!;
    expect(newest.reason).toBe('scheduled');
    await expect.poll(() => s.status().nextAt, { timeout: 5000 }).toBe(newest.at + 24 * 3_600_000);
  });

  it('is not scheduled while disabled', () => {
    const { s } = service({ backupEnabled: false });
    s.schedule();
    expect(s.status()).toMatchObject({ enabled: false, nextAt: null });
  });

  it('says where and how to fix it when the folder cannot be written', async () => {
    const { s, f } = service();
    const blocked = join(f.dir, 'not-a-folder');
    writeFileSync(blocked, 'x');
    const { s: s2 } = service({ backupDir: join(blocked, 'backups') });
    void s;
    await expect(s2.backupNow('manual')).rejects.toThrow(/could not be written to .*not-a-folder.*Check that the folder exists and is writable \(BACKUP_DIR or Settings\)/);
    expect(s2.status().error).toMatch(/could not be written/);
    // By key too, so a French panel says it in French; the system's words stay the detail.
    expect(s2.status().errorI18n).toMatchObject({ key: 'archive.backupFailed', params: { dir: join(blocked, 'backups') } });
  });

  it('a failed "Back up now" answers the panel with that sentence, not "failed unexpectedly"', async () => {
    const { f } = service();
    const blocked = join(f.dir, 'not-a-folder');
    writeFileSync(blocked, 'x');
    const { s } = service({ backupDir: join(blocked, 'backups') });
    const err = await s.backupNow('manual').catch((e: unknown) => e);
    // The dispatcher turns a CommandError into the reply's code, message and key; anything else is "internal".
    expect(err).toBeInstanceOf(CommandError);
    expect((err as CommandError).toBody()).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/could not be written/), i18n: { key: 'archive.backupFailed' } });
  });

  it('writes into BACKUP_DIR when set', async () => {
    const { s, f } = service();
    const dir = join(f.dir, 'elsewhere');
    mkdirSync(dir, { mode: 0o700 });
    const { s: s2 } = service({ backupDir: dir });
    void s;
    expect((await s2.backupNow('manual')).file.startsWith(dir)).toBe(true);
  });
});

describe('environment', () => {
  it('BACKUP_ENABLED, BACKUP_DIR and DANGEROUS_ACTIONS_ENABLED override the stored settings', () => {
    const o = readEnvOverrides({ BACKUP_ENABLED: 'True', BACKUP_DIR: '/srv/backups', DANGEROUS_ACTIONS_ENABLED: 'yes' }, '/nonexistent');
    expect(o.values).toMatchObject({ backupEnabled: true, backupDir: '/srv/backups', dangerousActionsEnabled: true });
    expect(o.sources).toMatchObject({ backupEnabled: 'BACKUP_ENABLED', backupDir: 'BACKUP_DIR', dangerousActionsEnabled: 'DANGEROUS_ACTIONS_ENABLED' });
  });

  it('a relative BACKUP_DIR is ignored with the reason', () => {
    const o = readEnvOverrides({ BACKUP_DIR: 'backups' }, '/nonexistent');
    expect(o.values.backupDir).toBeUndefined();
    expect(o.problems.join(' ')).toMatch(/BACKUP_DIR ignored: must be an absolute folder path/);
  });
});

describe('message backups: what rotation and listing leave alone', () => {
  const OTHER = '222222222222222222';

  it('keeping N counts one channel\'s backups: another channel\'s are never removed', async () => {
    let t = Date.parse('2026-03-01T00:00:00Z');
    const { s, settings } = service({ backupKeep: 2 }, () => (t += 1000));
    const a1 = await s.backupNow('manual');
    const a2 = await s.backupNow('manual');
    settings.channelId = OTHER;
    await s.backupNow('manual');
    await s.backupNow('manual');
    await s.backupNow('manual');
    expect(statSync(a1.file).isFile() && statSync(a2.file).isFile()).toBe(true);
    // The current channel's kept N.
    expect(s.list().filter((b) => b.file.includes(`messages-${OTHER}-`))).toHaveLength(2);
  });

  it('a broken link or a folder named like a backup is skipped, and the next backup is said written', async () => {
    const { s, f } = service();
    const dir = join(f.dir, 'message-backups');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    symlinkSync('/nonexistent', join(dir, `messages-${CHANNEL}-20250101T000000000Z-manual-5.json`));
    mkdirSync(join(dir, `messages-${CHANNEL}-20250102T000000000Z-manual-6.json`));
    expect(() => s.status()).not.toThrow();
    const info = await s.backupNow('manual');
    expect(s.list()).toEqual([info]);
  });

  it('a backup cut short by a kill (its .part file) is removed by a later backup', async () => {
    const { s, f } = service();
    const dir = join(f.dir, 'message-backups');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const part = join(dir, `messages-${CHANNEL}-20250101T000000000Z-manual.json.part`);
    writeFileSync(part, '{"messages":[');
    utimesSync(part, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000));
    await s.backupNow('manual');
    expect(existsSync(part)).toBe(false);
  });
});

it('a relative backup folder (settings.json edited by hand) is taken in the data folder, not where the app was started', async () => {
  const { s, f } = service({ backupDir: 'my-backups' });
  const info = await s.backupNow('manual');
  expect(info.file.startsWith(join(f.dir, 'my-backups'))).toBe(true);
  expect(existsSync(join(process.cwd(), 'my-backups'))).toBe(false);
});
