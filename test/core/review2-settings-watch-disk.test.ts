// settings.json made invalid by hand while notices.json cannot be written (a full disk, here a folder
// where its temp file goes): the watch's read raises the notice from a timer, with nobody to catch a
// write error, so it must not throw. The user is still told, this run, what is wrong with their file.
import { mkdirSync, mkdtempSync, rmSync, unwatchFile, watchFile, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { Notices } from '../../electron/core/notices.js';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { Settings } from '../../electron/core/settings/settings.js';
import { confStore } from '../../electron/headless/run.js';

it('a hand-broken settings.json seen by the watch while notices.json cannot be written: no crash, the notice is shown', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-review2-settings-disk-'));
  const file = join(dir, 'settings.json');
  const noticesFile = join(dir, 'notices.json');
  const notices = new Notices(noticesFile);
  const settings = await Settings.open({ dataDir: dir, appDir: dir, env: {}, secrets: new FileSecretBox(join(dir, 'token')), storeFactory: confStore });
  await settings.save({ checkIntervalMinutes: 7 });
  // Registered after the settings' own listener on Node's one poll of the file: runs after it, unless it threw.
  let seen = false;
  const seenEdit = new Promise<void>((resolve) =>
    watchFile(file, { persistent: false, interval: 1000 }, (now, before) => {
      if (now.nlink > 0 && now.mtimeMs !== before.mtimeMs) {
        seen = true;
        resolve();
      }
    }),
  );
  try {
    // notices.json's writes fail (EISDIR on its temp file), as they would with ENOSPC.
    mkdirSync(`${noticesFile}.${process.pid}.tmp`);
    writeFileSync(file, '{ "checkIntervalMinutes": 7, ');
    await Promise.race([seenEdit, new Promise((resolve) => setTimeout(resolve, 8000))]);
    expect(seen, 'the settings watch threw: listeners after it never ran (an uncaught exception in the app)').toBe(true);
    expect(settings.effective().checkIntervalMinutes).toBe(7);
    expect(notices.list().filter((n) => n.code === 'settings-invalid')).toHaveLength(1);
  } finally {
    unwatchFile(file);
    settings.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 15_000);
