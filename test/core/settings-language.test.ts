// The language chosen in the panel is a setting (settings.json, the contract's settings.save), so the
// desktop shell and every panel see it; '' follows the system. Real core, real conf store.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app-core.js';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { confStore } from '../../electron/headless/run.js';
import { settingsPatch } from '../../shared/schemas.js';

let dir: string;
let core: Core | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-language-'));
});
afterEach(async () => {
  await core?.shutdown();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

const open = async () =>
  (core = await createCore({ paths: { dataDir: dir, logDir: join(dir, 'logs'), appDir: dir }, secrets: new FileSecretBox(join(dir, 'token')), storeFactory: confStore, env: {}, mode: 'headless' }));

it('defaults to the system language, is saved, announced and kept across a restart', async () => {
  let c = await open();
  expect(c.settings.view().language).toBe('');
  const announced = new Promise((resolve) => c.bus.on('settings.changed', (v) => v.language === 'fr' && resolve(v)));
  const reply = await c.dispatch('settings.save', { language: 'fr' });
  expect(reply.ok && reply.value.language).toBe('fr');
  await announced;
  expect(c.settings.effective().language).toBe('fr');
  expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'fr' });
  await c.shutdown();
  c = await open();
  expect(c.settings.view().language).toBe('fr');
  expect((await c.dispatch('settings.save', { language: '' })).ok).toBe(true);
  expect(c.settings.view().language).toBe('');
});

it('takes only a language the panel has, or "" for the system one', async () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.constantFrom('en', 'fr', '', 'EN', 'fr-FR', 'de', ' fr')), (value) => {
      expect(settingsPatch.safeParse({ language: value }).success).toBe(['', 'en', 'fr'].includes(value));
    }),
  );
  const c = await open();
  const reply = await c.dispatch('settings.save', { language: 'de' });
  expect(reply.ok).toBe(false);
  expect(c.settings.view().language).toBe('');
});
