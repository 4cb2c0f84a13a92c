// Upgrading a version-1 settings.json (bot token inline): the token reaches the SecretBox before the
// file loses it. A SecretBox that fails leaves the file as it was; the app still starts and says so.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { Settings } from '../../electron/core/settings/settings.js';
import { confStore } from '../../electron/headless/run.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-v1-token-first-');
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.inline-token.abcdefghijklmnop';
const V1 = JSON.stringify({ token: TOKEN, guildId: '123456789012345678', channelId: '123456789012345679' });

/** The real token file, whose writes fail while `failing` is set (a full disk, a locked keyring…). */
function flakyBox(): FileSecretBox & { failing: boolean } {
  const box = Object.assign(new FileSecretBox(join(dir(), 'token')), { failing: true });
  const set = box.set.bind(box);
  box.set = async (secret: string) => {
    if (box.failing) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    return set(secret);
  };
  return box;
}

const open = (secrets: FileSecretBox) => Settings.open({ dataDir: dir(), appDir: dir(), env: {}, secrets, storeFactory: confStore });

it('a SecretBox failing during the upgrade keeps the file and the token, and the next start moves it', async () => {
  writeFileSync(join(dir(), 'settings.json'), V1);
  const box = flakyBox();
  const first = await open(box);
  // The app runs with the token it read, says why the file was kept, and refuses saves that would drop it.
  expect(first.view()).toMatchObject({ token: { set: true, last4: 'mnop' }, guildId: '123456789012345678', configured: true });
  expect(first.notices.map((n) => n.code)).toContain('token-not-moved');
  await expect(first.save({ guildId: '123456789012345670' })).rejects.toThrow(/token/);
  // A new token too: the next start would store the file's old one over it.
  await expect(first.save({ token: 'another.token-0000000000000000000000' })).rejects.toThrow(/token/);
  first.close();
  expect(readFileSync(join(dir(), 'settings.json'), 'utf8')).toBe(V1);

  box.failing = false;
  const second = await open(box);
  expect(await box.get()).toBe(TOKEN);
  expect(second.view()).toMatchObject({ token: { set: true, source: 'stored' }, configured: true });
  expect(readFileSync(join(dir(), 'settings.json'), 'utf8')).not.toContain(TOKEN);
  second.close();
});

it('the token is in the SecretBox before the upgraded file is written', async () => {
  writeFileSync(join(dir(), 'settings.json'), V1);
  const box = new FileSecretBox(join(dir(), 'token'));
  const set = box.set.bind(box);
  let fileWhenStored = '';
  box.set = async (secret: string) => {
    fileWhenStored = readFileSync(join(dir(), 'settings.json'), 'utf8');
    return set(secret);
  };
  const settings = await open(box);
  // A kill during the write would find the token still inline, to be moved again at the next start.
  expect(fileWhenStored).toBe(V1);
  expect(await box.get()).toBe(TOKEN);
  settings.close();
});
