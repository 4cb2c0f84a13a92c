// The pages the headless server answers itself follow the browser's language (Accept-Language): a
// French user reads them in French; English stays the default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLanguage } from '../../electron/headless/http/language.js';
import { rateLimited } from '../../electron/core/token-bucket.js';
import { renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { configuredEnv, createWorld } from '../helpers/world.js';
import { request, startTestPanel, type TestPanel } from './panel-fixture.js';

let t: TestPanel;
beforeAll(async () => {
  t = await startTestPanel({}, configuredEnv(await createWorld()));
});
afterAll(async () => {
  await t?.close();
});

const FR = { 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.5' };

describe('headless HTTP answers in the browser’s language', () => {
  it('opened through another host name (421): French for a French browser, English otherwise', async () => {
    const fr = await request(t.panel.port, 'GET', '/', { Host: 'monitor.maison.lan:8080', ...FR });
    expect(fr.status).toBe(421);
    expect(fr.body).toMatch(/--allowed-host/);
    expect(fr.body).not.toMatch(/only answers to its own address/);
    expect(fr.body).toMatch(/adresse/);
    const en = await request(t.panel.port, 'GET', '/', { Host: 'monitor.maison.lan:8080' });
    expect(en.body).toMatch(/only answers to its own address/);
  });

  it('an export link opened twice: the refusal is French', async () => {
    const reply = await t.core.dispatch('archive.downloadTicket', { format: 'csv', locale: 'fr' });
    const path = reply.ok ? reply.value.path : '';
    await (await fetch(`http://127.0.0.1:${t.panel.port}${path}`)).text();
    const again = await fetch(`http://127.0.0.1:${t.panel.port}${path}`, { headers: FR });
    expect(again.status).toBe(401);
    const body = await again.text();
    expect(body).not.toMatch(/used or has expired/);
    expect(body).toMatch(/Exporter/);
  });

  it('reads Accept-Language by weight; anything but French is English', () => {
    const lang = (value: string | undefined) => requestLanguage({ headers: value === undefined ? {} : { 'accept-language': value } });
    expect(lang('fr')).toBe('fr');
    expect(lang('en-US,fr;q=0.8')).toBe('en');
    expect(lang('de;q=0.5,fr-CA;q=0.9')).toBe('fr');
    expect(lang('de')).toBe('en');
    expect(lang(undefined)).toBe('en');
    expect(lang('fr;q=x, ,;;')).toBe('fr');
  });

  it('the rate-limit refusal carries a key, so the panel says it in French', () => {
    const reply = rateLimited({ perSecond: 20, burst: 40 });
    expect(reply.ok).toBe(false);
    const said = !reply.ok && reply.error.i18n ? renderText(reply.error.i18n, coreFr, { locale: 'fr' }) : null;
    expect(said).toMatch(/Trop de commandes/);
  });
});
