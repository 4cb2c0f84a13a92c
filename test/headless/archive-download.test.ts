// GET /api/export on a real panel server: refused without the access token or with a used ticket,
// streamed as an attachment with a Bearer token or a one-time ticket from the WebSocket API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonExport } from '../../electron/core/archive/import.js';
import { EXPORT_PATH } from '../../shared/archive.js';
import { renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { nextEvent, waitState } from '../helpers/world.js';
import { ACCESS, startTestPanel, type TestPanel } from './panel-fixture.js';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let t: TestPanel;
let base: string;
let tmp: string;

beforeAll(async () => {
  t = await startTestPanel({}, {});
  base = `http://127.0.0.1:${t.panel.port}`;
  tmp = mkdtempSync(join(tmpdir(), 'dm-download-'));
  await t.core.settings.save({ guildId: t.world.guildId, channelId: t.world.channelId, token: 'test.bot-token.0123456789-abcdefghij' });
  const up = waitState(t.core, 'connected', 15_000);
  void t.core.monitor.start();
  await up;
  for (let i = 0; i < 3; i++) {
    const seen = nextEvent(t.core, 'message.created', (m) => m.content === `hello ${i}`);
    t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: `hello ${i}` });
    await seen;
  }
});
afterAll(async () => {
  await t?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('GET /api/export', () => {
  it('is refused without the access token, and with a wrong one', async () => {
    expect((await fetch(`${base}${EXPORT_PATH}?format=json`)).status).toBe(401);
    const wrong = await fetch(`${base}${EXPORT_PATH}?format=json`, { headers: { authorization: `Bearer ${'x'.repeat(ACCESS.length)}` } });
    expect(wrong.status).toBe(401);
  });

  it('streams a JSON attachment with the Bearer token; re-imported, it holds the stored messages', async () => {
    const res = await fetch(`${base}${EXPORT_PATH}?format=json`, { headers: { authorization: `Bearer ${ACCESS}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="general-\d{4}-\d{2}-\d{2}\.json"/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const file = join(tmp, 'download.json');
    writeFileSync(file, await res.text());
    const stored = await t.core.dispatch('messages.list', { limit: 500 });
    expect(readJsonExport(file).messages.map((m) => m.id)).toEqual(stored.ok ? stored.value.map((m) => m.id) : ['?']);
  });

  it('says what is wrong with a bad query', async () => {
    const res = await fetch(`${base}${EXPORT_PATH}?format=pdf`, { headers: { authorization: `Bearer ${ACCESS}` } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/format must be one of json, csv, txt, html/);
  });

  it('a ticket for a search that cannot run is refused, saying why in the panel’s language (the browser got a 400 page)', async () => {
    const reply = await t.core.dispatch('archive.downloadTicket', { format: 'json', filter: { query: 'from:nobody' } });
    if (reply.ok) throw new Error('a ticket was issued for from:nobody');
    expect(reply.error.code).toBe('invalid-input');
    expect(reply.error.message).toBe('The export’s search cannot run: Nobody named “nobody” has posted in this channel. Nothing was exported.');
    expect(renderText(reply.error.i18n!, coreFr, { locale: 'fr' })).toBe('La recherche de l’export ne peut pas s’appliquer : Personne nommé « nobody » n’a écrit dans ce salon. Rien n’a été exporté.');
  });

  it('downloads once with a ticket from archive.downloadTicket; the ticket then no longer works', async () => {
    const reply = await t.core.dispatch('archive.downloadTicket', { format: 'csv' });
    expect(reply.ok).toBe(true);
    const path = reply.ok ? reply.value.path : '';
    expect(path).toMatch(/^\/api\/export\?ticket=[\w-]{32}$/);
    const first = await fetch(`${base}${path}`);
    expect(first.status).toBe(200);
    const rows = parseCsv(await first.text(), { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[6])).toEqual(expect.arrayContaining(['hello 0', 'hello 1', 'hello 2']));
    const again = await fetch(`${base}${path}`);
    expect(again.status).toBe(401);
    expect(await again.text()).toMatch(/used or has expired/);
  });

  it('a ticket carries the panel\'s zone to the file, named in the panel\'s language', async () => {
    const reply = await t.core.dispatch('archive.downloadTicket', { format: 'txt', filter: { timeZone: 'Asia/Kolkata' }, locale: 'fr' });
    if (!reply.ok) throw new Error(reply.error.message);
    const text = await (await fetch(`${base}${reply.value.path}`)).text();
    expect(text).toContain('Fuseau horaire : Asia/Kolkata (UTC+05:30)');
    expect(text).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+05:30\] /m);
  });
});

describe('archive.downloadTicket: dates at the end of JavaScript’s time', () => {
  // A date the schema took but the export could not print (past 8.64e15 ms, or within a zone's offset
  // of it) went out as a 200 cut short: "Export download failed: Invalid time value".
  it('are refused as invalid input, or the download is whole', async () => {
    const END = 8.64e15;
    const instant = fc.oneof(fc.integer({ min: END - 2 * 86_400_000, max: END + 86_400_000 }), fc.integer({ min: END, max: Number.MAX_SAFE_INTEGER }));
    const filter = fc.record({ after: instant, before: instant, timeZone: fc.constantFrom('UTC', 'Europe/Paris', 'Pacific/Kiritimati', 'Pacific/Honolulu') }, { requiredKeys: ['timeZone'] });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('txt', 'html', 'csv', 'json'), filter, async (format, f) => {
        const reply = await t.core.dispatch('archive.downloadTicket', { format, filter: f });
        if (!reply.ok) return void expect(reply.error.code).toBe('invalid-input');
        const res = await fetch(`${base}${reply.value.path}`);
        expect(res.status).toBe(200);
        await expect(res.text()).resolves.toBeTypeOf('string');
      }),
      { numRuns: 60 },
    );
  });
});

describe('GET /api/export: what a query may hold', () => {
  const get = (q: string) => fetch(`${base}${EXPORT_PATH}?${q}`, { headers: { authorization: `Bearer ${ACCESS}` } });

  it.each(['query=from:nobody', 'query=has:nothing', 'query=during:2026-13-40'])('a search that cannot run (%s) is a 400 saying why, before any byte of a download', async (q) => {
    const res = await get(`format=json&${q}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect((await res.text()).length).toBeGreaterThan(10);
  });

  it('dates are UTC days unless tz= names the zone (the server’s own zone means nothing to a script elsewhere)', async () => {
    const filter = async (q: string) => (JSON.parse(await (await get(`format=json&${q}`)).text()) as { filter: { after?: number; timeZone?: string } }).filter;
    expect((await filter('after=2026-01-01')).after).toBe(Date.UTC(2026, 0, 1));
    expect(await filter('after=2026-01-01&tz=Pacific/Kiritimati&query=x')).toMatchObject({ after: Date.UTC(2025, 11, 31, 10), timeZone: 'Pacific/Kiritimati' });
    const refused = await get('format=json&tz=Mars/Olympus');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/^tz must be a time zone such as Europe\/Paris/);
  });

  // tz= chose the days only: the file's times stayed UTC.
  it('a text download prints its times in the zone tz= names, UTC (said) without it', async () => {
    const stored = (JSON.parse(await (await get('format=json')).text()) as { messages: { createdAt: number }[] }).messages;
    expect(stored.length).toBeGreaterThan(0);
    const kolkata = await (await get('format=txt&tz=Asia/Kolkata')).text();
    expect(kolkata).toContain('Time zone: Asia/Kolkata (UTC+05:30)');
    for (const m of stored) expect(kolkata).toContain(`[${new Date(m.createdAt + 5.5 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')} +05:30] `);
    const utc = await (await get('format=txt')).text();
    expect(utc).toContain('Time zone: UTC\n');
    for (const m of stored) expect(utc).toContain(`[${new Date(m.createdAt).toISOString().slice(0, 19).replace('T', ' ')} UTC] `);
  });

  // The header names every offset of the zone over the range: asked once a day from 2015 to 9999,
  // one download froze the event loop ~4 s (the gateway's heartbeat, every other panel).
  it('a range open to 9999-12-31 in a zone with summer time answers at once, naming its offsets', async () => {
    const started = performance.now();
    const res = await get('format=txt&tz=Europe/Paris&after=2015-01-01&before=9999-12-31');
    const text = await res.text();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(200);
    expect(text).toContain('Time zone: Europe/Paris (UTC+01:00/+02:00)');
  });

  // The export route's own refusals said the value back whole: 5,000 characters, line breaks, a bidi
  // override turning the rest of the line around (the schema's zone refusal had stopped doing it).
  it('a refused value is said back short, without line breaks or bidi controls, in either language', async () => {
    const hostile = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }), fc.constantFrom('x\u202e\n[ERROR] forged', 'a'.repeat(5000), '2026-01-01\r\nX: y'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('format', 'tz', 'after', 'before'), hostile, fc.constantFrom('en', 'fr'), async (name, value, language) => {
        const res = await fetch(`${base}${EXPORT_PATH}?${name}=${encodeURIComponent(value)}`, { headers: { authorization: `Bearer ${ACCESS}`, 'accept-language': language } });
        if (res.status === 200) return void (await res.arrayBuffer());
        expect(res.status).toBe(400);
        const body = await res.text();
        expect(body).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u);
        expect(body.length).toBeLessThan(300);
      }),
      { numRuns: 200 },
    );
  });

  it('a value starting with "-" is a value, not an option', async () => {
    const res = await get('format=json&query=-foo');
    expect(res.status).toBe(200);
    expect(JSON.stringify((JSON.parse(await res.text()) as { filter: unknown }).filter)).toContain('"-foo"');
  });
});
