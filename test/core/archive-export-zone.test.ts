// Exports print times in the zone their days were chosen in (the panel's, or --tz): a reader in Paris
// who exports 1 March gets their 1 March, with its times and day headings, not UTC's. Instants stay
// UTC where a program reads them (datetime=, JSON, CSV's timestamp); without a zone everything is UTC and says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { exportToFile } from '../../electron/core/archive/exporter.js';
import { CSV_COLUMNS } from '../../electron/core/archive/formats/csv.js';
import { htmlWriter } from '../../electron/core/archive/formats/html.js';
import { textWriter } from '../../electron/core/archive/formats/text.js';
import type { ExportMeta } from '../../electron/core/archive/formats/types.js';
import { readJsonExport } from '../../electron/core/archive/import.js';
import type { ArchiveFilter, ExportFormat } from '../../electron/core/archive/query.js';
import { snowflakeAt } from '../../electron/core/archive/query.js';
import { ArchiveReader } from '../../electron/core/archive/reader.js';
import type { ChatMessage } from '../../shared/types.js';
import { CHANNEL, sampleMessage, storeWith, type StoredFixture } from '../helpers/archive-fixture.js';

const fixtures: StoredFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.close();
});

// Paris turns its clocks from 02:00 to 03:00 on 29 March 2026 (01:00 UTC).
const BEFORE_MIDNIGHT = Date.UTC(2026, 2, 28, 22, 30); // 23:30 on the 28th in Paris
const AFTER_MIDNIGHT = Date.UTC(2026, 2, 28, 23, 30); // 00:30 on the 29th (+01:00)
const AFTER_SWITCH = Date.UTC(2026, 2, 29, 1, 30); // 03:30 on the 29th (+02:00)
const EDITED = Date.UTC(2026, 2, 29, 2); // 04:00 in Paris
const EXPORTED = Date.UTC(2026, 5, 1); // 02:00 on 1 June in Paris

function at(i: number, createdAt: number, content?: string, editedAt: number | null = null): ChatMessage {
  const m = sampleMessage(i, content ?? `message ${i}`);
  return { ...m, id: (BigInt(snowflakeAt(createdAt)) + BigInt(i)).toString(), createdAt, editedAt, deleted: false, attachments: [] };
}

const MESSAGES = [
  at(0, BEFORE_MIDNIGHT),
  at(1, AFTER_MIDNIGHT),
  // <t:…:t> is Discord's "short time" of that instant, shown in each reader's zone.
  at(2, AFTER_SWITCH, `see you at <t:${AFTER_SWITCH / 1000}:t>`, EDITED),
];

const baseMeta = { exportedAt: EXPORTED, app: { name: 'Discord Monitor', version: 'test' }, guild: { id: '1', name: 'Home Lab' }, channel: { id: CHANNEL, name: 'general' } };

async function run(format: ExportFormat, filter: ArchiveFilter, locale: 'en' | 'fr' = 'en', messages = MESSAGES) {
  const f = storeWith(messages.length, (i) => messages[i]!);
  fixtures.push(f);
  const reader = new ArchiveReader(f.file);
  const out = join(f.dir, `export.${format}`);
  try {
    await exportToFile(out, { reader, query: { channelId: CHANNEL, ...filter }, format, meta: { ...baseMeta, filter, locale }, redact: (t) => t });
    return { out, text: readFileSync(out, 'utf8') };
  } finally {
    reader.close();
  }
}

const PARIS = { timeZone: 'Europe/Paris' };
const doc = (html: string) => new JSDOM(html).window.document;
const texts = (d: Document, selector: string) => [...d.querySelectorAll(selector)].map((e) => e.textContent?.replace(/\s/g, ' '));
const attrs = (d: Document, selector: string, name: string) => [...d.querySelectorAll(selector)].map((e) => e.getAttribute(name));

describe('HTML export in the viewer’s zone', () => {
  it('splits days at Paris midnight and prints Paris times, across the switch to summer time', async () => {
    const d = doc((await run('html', PARIS)).text);
    expect(texts(d, 'h2.archive__day')).toEqual(['March 28, 2026', 'March 29, 2026']);
    expect(attrs(d, 'h2.archive__day time', 'datetime')).toEqual(['2026-03-28', '2026-03-29']);
    // The day's section holds its messages: 00:30 on the 29th is under the 29th.
    expect([...d.querySelectorAll('section.archive__chunk')].map((s) => s.querySelectorAll('article').length)).toEqual([1, 2]);
    expect(texts(d, '.message__time')).toEqual(['Mar 28, 2026, 11:30 PM', 'Mar 29, 2026, 12:30 AM', 'Mar 29, 2026, 3:30 AM']);
    // A program reading the page still gets the instant.
    expect(attrs(d, '.message__time', 'datetime')).toEqual(MESSAGES.map((m) => new Date(m.createdAt).toISOString()));
    // The hover title says the offset: the hour after a switch back is not ambiguous.
    expect(attrs(d, '.message__time', 'title')[2]?.replace(/\s/g, ' ')).toBe('Sunday, March 29, 2026 at 3:30:00 AM GMT+2');
    expect(attrs(d, '.message__edited', 'title')[0]?.replace(/\s/g, ' ')).toBe('Sunday, March 29, 2026 at 4:00:00 AM GMT+2');
    expect(texts(d, '.markdown time.timestamp')).toEqual(['3:30 AM']);
    expect(attrs(d, '.markdown time.timestamp', 'datetime')).toEqual([new Date(AFTER_SWITCH).toISOString()]);
    const head = texts(d, '.archive__head p')[0]!;
    expect(head).toContain('Exported Monday, June 1, 2026 at 2:00:00 AM GMT+2');
    expect(head).toContain('Time zone: Europe/Paris (UTC+01:00/+02:00)');
  });

  it('in French too, the zone named in the export’s words', async () => {
    const d = doc((await run('html', PARIS, 'fr')).text);
    expect(texts(d, 'h2.archive__day')).toEqual(['28 mars 2026', '29 mars 2026']);
    expect(texts(d, '.message__time')).toEqual(['28 mars 2026, 23:30', '29 mars 2026, 00:30', '29 mars 2026, 03:30']);
    expect(texts(d, '.archive__head p')[0]).toContain('Fuseau horaire : Europe/Paris (UTC+01:00/+02:00)');
  });

  it('the date range in the header is the zone’s days', async () => {
    const after = Date.UTC(2026, 2, 27, 23); // 28 March, 00:00 in Paris
    const before = Date.UTC(2026, 2, 29, 22); // 30 March, 00:00 in Paris (summer time)
    const d = doc((await run('html', { ...PARIS, after, before })).text);
    expect(texts(d, '.archive__head p')[0]).toMatch(/^March 28, 2026 – March 30, 2026 · /);
  });

  it('without a zone (an older panel, the API without tz=) stays UTC and says so', async () => {
    const d = doc((await run('html', {})).text);
    expect(texts(d, 'h2.archive__day')).toEqual(['March 28, 2026', 'March 29, 2026']);
    expect([...d.querySelectorAll('section.archive__chunk')].map((s) => s.querySelectorAll('article').length)).toEqual([2, 1]);
    expect(texts(d, '.message__time')).toEqual(['Mar 28, 2026, 10:30 PM', 'Mar 28, 2026, 11:30 PM', 'Mar 29, 2026, 1:30 AM']);
    expect(texts(d, '.archive__head p')[0]).toContain('Time zone: UTC');
  });
});

describe('plain text export in the viewer’s zone', () => {
  it('prints each time with its offset, the zone named once, the export time and edits there too', async () => {
    const { text } = await run('txt', PARIS);
    expect(text).toContain('[2026-03-28 23:30:00 +01:00] ');
    expect(text).toContain('[2026-03-29 00:30:00 +01:00] ');
    expect(text).toContain('[2026-03-29 03:30:00 +02:00] ');
    expect(text).toContain('(edited 2026-03-29 04:00:00 +02:00)');
    expect(text).toContain('exported 2026-06-01 02:00:00 +02:00');
    expect(text.split('\n').filter((l) => l.includes('Europe/Paris'))).toEqual(['Time zone: Europe/Paris (UTC+01:00/+02:00)']);
  });

  it('in French, and in UTC (said as UTC) without a zone', async () => {
    const fr = (await run('txt', PARIS, 'fr')).text;
    expect(fr).toContain('Fuseau horaire : Europe/Paris (UTC+01:00/+02:00)');
    // French puts a space before ":" and ";" (the header read "Export Discord Monitor: …" and "le début; exporté").
    expect(fr.split('\n').slice(0, 2).join('\n')).toMatch(/^Export Discord Monitor : #general — Home Lab\n.* ; exporté le /);
    const { text } = await run('txt', {});
    expect(text).toContain('[2026-03-29 01:30:00 UTC] ');
    expect(text).toContain('Time zone: UTC\n');
  });
});

describe('CSV and JSON: instants as before, the zone beside them', () => {
  const rows = (text: string) => parseCsv(text, { bom: true }) as string[][];

  it('CSV keeps UTC timestamps and adds the local time with its offset', async () => {
    const [header, ...body] = rows((await run('csv', PARIS)).text);
    expect(header).toEqual([...CSV_COLUMNS]);
    const col = (name: (typeof CSV_COLUMNS)[number]) => body.map((r) => r[header!.indexOf(name)]);
    expect(col('timestamp')).toEqual(MESSAGES.map((m) => new Date(m.createdAt).toISOString()));
    expect(col('timestamp_local')).toEqual(['2026-03-28T23:30:00.000+01:00', '2026-03-29T00:30:00.000+01:00', '2026-03-29T03:30:00.000+02:00']);
    expect(col('edited_timestamp_local')).toEqual(['', '', '2026-03-29T04:00:00.000+02:00']);
    const utc = rows((await run('csv', {})).text).slice(1);
    expect(utc.map((r) => r[header!.indexOf('timestamp_local')])).toEqual(['2026-03-28T22:30:00.000+00:00', '2026-03-28T23:30:00.000+00:00', '2026-03-29T01:30:00.000+00:00']);
  });

  it('JSON stays epoch ms and ISO UTC, and records the zone in its filter', async () => {
    const file = readJsonExport((await run('json', PARIS)).out);
    expect(file.exportedAt).toBe(new Date(EXPORTED).toISOString());
    expect(file.filter).toEqual(PARIS);
    expect(file.messages.map((m) => m.createdAt)).toEqual(MESSAGES.map((m) => m.createdAt));
  });
});

// Intl's answer for an instant in a zone: the local date and the wall time, to the second.
function intlWall(ms: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}:${get('second')}` };
}

describe('any instant, any zone', () => {
  // Half-hour and 45-minute offsets, southern summers, a switch at midnight (Santiago), Morocco's
  // Ramadan hour, Lord Howe's half-hour switch, and the day-skipping Pacific/Apia of 2011 (before Discord, left out).
  const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'Africa/Casablanca', 'Pacific/Kiritimati', 'America/Sao_Paulo'];
  // From Discord's first day to 2040, or within two days of a switch (Paris, New York, Lord Howe,
  // Santiago at midnight, Sao Paulo's last, back at midnight), oldest first as the store gives them.
  const SWITCHES = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 3, 4, 15), Date.UTC(2026, 8, 6, 4), Date.UTC(2019, 1, 17, 2)];
  const instant = fc.oneof(
    fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2040, 0, 1) }),
    fc.tuple(fc.constantFrom(...SWITCHES), fc.integer({ min: -2 * 86_400, max: 2 * 86_400 })).map(([at, s]) => at + s * 1000),
  );
  const instants = fc.array(instant, { minLength: 1, maxLength: 40 }).map((a) => a.sort((x, y) => x - y));
  const meta = (timeZone: string): ExportMeta => ({ ...baseMeta, filter: { timeZone }, locale: 'en' });

  it('the text export prints Intl’s wall time for each message', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instants, (zone, times) => {
        const w = textWriter(meta(zone));
        times.forEach((ms, i) => {
          const line = w.message(at(i, ms), i);
          const { date, time } = intlWall(ms, zone);
          expect(line.startsWith(`[${date} ${time} `)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('the HTML export puts each message under the heading of its local date there, each day once', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instants, (zone, times) => {
        const w = htmlWriter(meta(zone));
        const html = w.header(meta(zone)) + times.map((ms, i) => w.message(at(i, ms), i)).join('') + w.footer(times.length);
        const d = doc(html);
        const under: string[] = [];
        let heading = '';
        for (const el of d.querySelectorAll('h2.archive__day time, .message__time')) {
          if (el.closest('h2')) heading = el.getAttribute('datetime')!;
          else under.push(heading);
        }
        expect(under).toEqual(times.map((ms) => intlWall(ms, zone).date));
        const headings = attrs(d, 'h2.archive__day time', 'datetime');
        expect(new Set(headings).size).toBe(headings.length);
      }),
      { numRuns: 100 },
    );
  });
});
