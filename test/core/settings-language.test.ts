// The language chosen in the panel is a setting (settings.json, the contract's settings.save), so the
// desktop shell and every panel see it; '' follows the system. Real core, real conf store.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { settingsPatch } from '../../shared/schemas.js';
import { eachHeadlessCore } from '../helpers/headless-core.js';

const harness = eachHeadlessCore('dm-language-');
const open = () => harness.open();

it('defaults to the system language, is saved, announced and kept across a restart', async () => {
  let c = await open();
  expect(c.settings.view().language).toBe('');
  const announced = new Promise((resolve) => c.bus.on('settings.changed', (v) => v.language === 'fr' && resolve(v)));
  const reply = await c.dispatch('settings.save', { language: 'fr' });
  expect(reply.ok && reply.value.language).toBe('fr');
  await announced;
  expect(c.settings.effective().language).toBe('fr');
  expect(JSON.parse(readFileSync(join(harness.dir(), 'settings.json'), 'utf8'))).toMatchObject({ language: 'fr' });
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
