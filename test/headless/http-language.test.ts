// The pages the headless server answers itself follow the browser's language (Accept-Language): a
// French user reads them in French; English stays the default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLanguage } from '../../electron/headless/http/language.js';
import { rateLimited } from '../../electron/core/token-bucket.js';
import { renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { configuredEnv, createWorld } from '../helpers/world.js';
import { EXPORT_PATH } from '../../shared/archive.js';
import { ACCESS, request, startTestPanel, type TestPanel } from './panel-fixture.js';

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

  describe('the export download route (GET /api/export)', () => {
    const get = async (query: string, headers: Record<string, string> = { authorization: `Bearer ${ACCESS}` }) => {
      const res = await fetch(`http://127.0.0.1:${t.panel.port}${EXPORT_PATH}?${query}`, { headers: { ...FR, ...headers } });
      return { status: res.status, language: res.headers.get('content-language'), body: await res.text() };
    };

    it('a query it cannot read (400): French, naming the query parameter', async () => {
      expect(await get('format=pdf')).toEqual({
        status: 400,
        language: 'fr',
        body: 'format doit être l’un de json, csv, txt, html (reçu « pdf »). (paramètres de requête : format, after, before, tz, author, query, locale).',
      });
      expect((await get('format=json&tz=Mars/Olympus')).body).toMatch(/^tz doit être un fuseau horaire comme Europe\/Paris, America\/New_York ou UTC \(reçu « Mars\/Olympus »\)\./);
      expect((await get('format=json&after=soon')).body).toMatch(/^after doit être une date comme 2026-01-01 \(reçu « soon »\)\./);
      expect((await get('format=json&author=bob')).body).toMatch(/^author doit être un ID d’utilisateur Discord\./);
      expect((await get('format=json&after=2026-02-01&before=2026-01-01')).body).toMatch(/^before doit être postérieur à « after »\./);
    });

    it('a search that cannot run (400): the core’s sentence in French', async () => {
      const res = await get('format=json&query=has:nothing');
      expect(res.status).toBe(400);
      expect(res.language).toBe('fr');
      expect(res.body).toMatch(/^La recherche de l’export ne peut pas s’appliquer : has:nothing n’est pas un filtre/);
    });

    it('no access token (401): French', async () => {
      const res = await get('format=json', {});
      expect(res.status).toBe(401);
      expect(res.language).toBe('fr');
      expect(res.body).toMatch(/^Jeton d’accès absent ou erroné/);
    });
  });

  it('a wrong access token at /api/auth and at the WebSocket: French', async () => {
    const auth = await fetch(`http://127.0.0.1:${t.panel.port}/api/auth`, { headers: { ...FR, authorization: 'Bearer nope' } });
    expect(auth.status).toBe(401);
    expect(auth.headers.get('content-language')).toBe('fr');
    expect(((await auth.json()) as { error: string }).error).toMatch(/^Jeton d’accès absent ou erroné : ouvrez l’URL affichée au démarrage/);
    const ws = await request(t.panel.port, 'GET', '/api?token=nope', { ...FR, Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' });
    expect(ws.status).toBe(401);
    expect(Buffer.from(ws.body, 'latin1').toString('utf8')).toMatch(/^Jeton d’accès absent ou erroné/); // the raw reader's bytes, as UTF-8
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
