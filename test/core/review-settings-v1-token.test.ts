// A first-release settings.json (version 1) kept the bot token inline. When the upgraded file is refused
// (a wrong value beside the token), the file is moved aside byte for byte AND the token still reaches
// the SecretBox, as before the zod check (b36f7d1): the bot keeps running after the upgrade.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { Settings } from '../../electron/core/settings/settings.js';
import { confStore } from '../../electron/headless/run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-review-v1-token-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('a refused version-1 file is moved aside and its inline token is kept', async () => {
  const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.inline-token.abcdefghijklmnop';
  const text = JSON.stringify({ token, guildId: '42', autoRestartService: 'True' });
  writeFileSync(join(dir, 'settings.json'), text);
  const secrets = new FileSecretBox(join(dir, 'token'));
  const settings = await Settings.open({ dataDir: dir, appDir: dir, env: {}, secrets, storeFactory: confStore });
  const aside = readdirSync(dir).filter((f) => /^settings\.corrupt-.*\.json$/.test(f));
  expect(aside).toHaveLength(1);
  expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(text);
  expect(await secrets.get()).toBe(token);
  expect(settings.view().token.source).toBe('stored');
});
