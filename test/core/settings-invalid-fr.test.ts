// Review: the notice and the refusal for a settings.json made invalid by hand while the app runs are
// said in the panel's language, whole: in French, the reason in the sentence must not be English.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { configuredEnv, coreFor, createWorld, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(async () => {
  await core?.shutdown();
  core = null;
  await world.close();
});

it('in French, the settings-invalid notice and the refused save give their reason in French', async () => {
  core = await coreFor(world, configuredEnv(world));
  expect((await core.dispatch('settings.save', { language: 'fr' })).ok).toBe(true);
  const file = join(world.dataDir, 'settings.json');
  writeFileSync(file, readFileSync(file, 'utf8').slice(0, 20));
  await core.dispatch('settings.get', undefined);
  const notices = await core.dispatch('app.notices', undefined);
  const notice = notices.ok ? notices.value.find((n) => n.code === 'settings-invalid') : undefined;
  const saved = await core.dispatch('settings.save', { checkIntervalMinutes: 9 });
  const refusal = saved.ok ? undefined : saved.error.i18n;
  const fr = (t: typeof refusal) => (t ? renderText(t, coreFr, { locale: 'fr' }) : null);
  expect(fr(notice?.i18n)).toBeTruthy();
  expect(fr(refusal)).toBeTruthy();
  for (const said of [fr(notice?.i18n), fr(refusal)]) expect(said).not.toMatch(/not valid JSON|it holds|schema violation/);
});
