// A backup into a read-only or full folder says why in the panel's language (as settings do, through
// unwritableWhy), not the system's English ("EROFS: read-only file system, open …").
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { BackupService, type BackupSettings } from '../../electron/core/archive/backups.js';
import { renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { CHANNEL, storeWith, type StoredFixture } from '../helpers/archive-fixture.js';
import { backupServiceOn } from '../helpers/archive-services.js';
import { fillDisk, mountReadOnly, mountTmpfs, unmountAll } from '../helpers/disk.js';

const fixtures: StoredFixture[] = [];
const services: BackupService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  unmountAll();
  for (const f of fixtures.splice(0)) f.close();
});

function service(backupDir: (dataDir: string) => string) {
  const f = storeWith(50);
  fixtures.push(f);
  const settings: BackupSettings = { backupEnabled: false, backupDir: backupDir(f.dir), backupKeep: 3, backupIntervalHours: 24, channelId: CHANNEL };
  const s = backupServiceOn(f, settings);
  services.push(s);
  return s;
}

async function frenchFailure(s: BackupService): Promise<string> {
  await expect(s.backupNow('manual')).rejects.toThrow();
  return renderText(s.status().errorI18n!, coreFr, { locale: 'fr' })!;
}

it('a read-only folder: "en lecture seule", and no EROFS', async () => {
  const s = service((dir) => {
    const ro = join(dir, 'ro');
    mkdirSync(ro, { mode: 0o700 });
    mountReadOnly(ro);
    return ro;
  });
  const said = await frenchFailure(s);
  expect(said).toMatch(/n’a pas pu être écrite/);
  expect(said).toMatch(/lecture seule/);
  expect(said).not.toMatch(/EROFS|read-only file system|données/);
});

it('a full disk: "le disque est plein", and no ENOSPC', async () => {
  const s = service((dir) => {
    const full = join(dir, 'full');
    mkdirSync(full, { mode: 0o700 });
    mountTmpfs(full, '1m');
    fillDisk(full);
    return full;
  });
  const said = await frenchFailure(s);
  expect(said).toMatch(/disque est plein/);
  expect(said).not.toMatch(/ENOSPC|no space/i);
});
