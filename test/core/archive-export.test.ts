// Exports round-tripped: JSON re-imported equals the store, CSV read back with a real CSV parser
// equals the messages, plain text holds every line; ranges, authors, secrets and stopping.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { exportToFile, type ExportJob } from '../../electron/core/archive/exporter.js';
import { CSV_COLUMNS, csvUnguard } from '../../electron/core/archive/formats/csv.js';
import { readJsonExport } from '../../electron/core/archive/import.js';
import type { ArchiveQuery, ExportFormat } from '../../electron/core/archive/query.js';
import { ArchiveReader } from '../../electron/core/archive/reader.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';
import { CHANNEL, sampleMessage, storeWith, T0, type StoredFixture } from '../helpers/archive-fixture.js';

const fixtures: StoredFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.close();
});

function fixture(count: number, make?: (i: number) => ChatMessage): StoredFixture {
  const f = storeWith(count, make);
  fixtures.push(f);
  return f;
}

const meta = { exportedAt: Date.UTC(2026, 5, 1), app: { name: 'Discord Monitor', version: 'test' }, guild: { id: '1', name: 'Home Lab' }, channel: { id: CHANNEL, name: 'general' }, locale: 'en' as const };

async function run(f: StoredFixture, format: ExportFormat, query: Partial<ArchiveQuery> = {}, extra: Partial<ExportJob> = {}) {
  const reader = new ArchiveReader(f.file);
  const out = join(f.dir, `export.${format}`);
  try {
    const q = { channelId: CHANNEL, ...query };
    const { channelId: _c, ...filter } = q;
    const result = await exportToFile(out, { reader, query: q, format, meta: { ...meta, filter }, redact: (t) => t, ...extra });
    return { out, result, text: readFileSync(out, 'utf8') };
  } finally {
    reader.close();
  }
}

const all = (f: StoredFixture) => f.store.list(CHANNEL, 1_000_000);

describe('JSON export', () => {
  it('re-imported into an empty store equals the store, across several pages', async () => {
    const f = fixture(2_345);
    const { out, result } = await run(f, 'json');
    expect(result.count).toBe(2_345);
    const file = readJsonExport(out);
    expect(file.count).toBe(2_345);
    const again = new MessageStore(':memory:');
    for (const m of file.messages) again.add(m);
    expect(again.list(CHANNEL, 1_000_000)).toEqual(all(f));
    again.close();
  });

  it('is written 0600 and leaves no .part file', async () => {
    const f = fixture(10);
    const { out } = await run(f, 'json');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(f.dir).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('keeps only the date range (after inclusive, before exclusive) and the chosen authors', async () => {
    const f = fixture(300);
    const after = T0 + 100 * 60_000;
    const before = T0 + 200 * 60_000;
    const { out } = await run(f, 'json', { after, before, authorIds: ['300000000000000002'] });
    const got = readJsonExport(out).messages;
    const want = all(f).filter((m) => m.createdAt >= after && m.createdAt < before && m.author.id === '300000000000000002');
    expect(want.length).toBeGreaterThan(20);
    expect(got).toEqual(want);
  });

  it('is filtered like search: words, from: by name, has:, during: (UTC day)', async () => {
    const f = fixture(3000);
    const { out } = await run(f, 'json', { query: 'from:bob has:link bold during:2026-01-02' });
    const day = Date.UTC(2026, 0, 2);
    const want = all(f).filter((m) => m.author.username === 'bob' && m.content.includes('https://') && m.content.toLowerCase().includes('bold') && m.createdAt >= day && m.createdAt < day + 86_400_000);
    expect(want.length).toBeGreaterThan(100);
    expect(readJsonExport(out).messages).toEqual(want);
    const images = readJsonExport((await run(f, 'json', { query: 'has:image' })).out).messages;
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((m) => m.attachments.some((a) => a.contentType === 'image/png'))).toBe(true);
  });

  it('refuses a filter it cannot apply, naming it, and writes nothing', async () => {
    const f = fixture(10);
    await expect(run(f, 'json', { query: 'from:nobody' })).rejects.toThrow('The export’s search cannot run: Nobody named “nobody” has posted in this channel. Nothing was exported.');
    expect(existsSync(join(f.dir, 'export.json'))).toBe(false);
  });

  it('never holds a secret the redactor knows, even when the store row does', async () => {
    const secret = 'test.bot-token.0123456789-abcdefghij';
    const f = fixture(5, (i) => sampleMessage(i, `leaked ${secret} here`));
    for (const format of ['json', 'csv', 'txt', 'html'] as const) {
      const { text } = await run(f, format, {}, { redact: (t) => t.split(secret).join('[redacted]') });
      expect(text).not.toContain(secret);
      expect(text).toContain('[redacted]');
    }
  });

  it('stopped midway leaves neither the file nor its .part', async () => {
    const f = fixture(3_000);
    const stop = new AbortController();
    const attempt = run(f, 'json', {}, { signal: stop.signal, onProgress: (p) => p.done >= 1000 && stop.abort() });
    await expect(attempt).rejects.toThrow(/abort/i);
    expect(existsSync(join(f.dir, 'export.json'))).toBe(false);
    expect(existsSync(join(f.dir, 'export.json.part'))).toBe(false);
  });

  it('reports progress up to the total', async () => {
    const f = fixture(2_500);
    const seen: Array<{ done: number; total: number }> = [];
    await run(f, 'json', {}, { onProgress: (p) => seen.push(p) });
    expect(seen[0]).toEqual({ done: 0, total: 2_500, exported: 0 });
    expect(seen.at(-1)).toEqual({ done: 2_500, total: 2_500, exported: 2_500 });
  });
});

describe('CSV export', () => {
  // Any line break ends a record outside quotes, as spreadsheets and Python's csv read it: a multi-line
  // message (a code block, a checklist) written unquoted became several broken rows.
  const rows = (text: string) => parseCsv(text, { bom: true, relax_column_count: false, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];

  it('parsed by a CSV parser gives the header and one row per message with the exact content', async () => {
    const f = fixture(500);
    const { text } = await run(f, 'csv');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const [header, ...body] = rows(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    const messages = all(f);
    expect(body).toHaveLength(messages.length);
    body.forEach((row, i) => {
      const m = messages[i]!;
      expect(row[0]).toBe(m.id);
      expect(row[1]).toBe(new Date(m.createdAt).toISOString());
      expect(csvUnguard(row[4]!)).toBe(m.author.displayName);
      expect(csvUnguard(row[6]!)).toBe(m.content);
      expect(row[8]).toBe(String(m.deleted));
      expect(row[9]).toBe(m.attachments.map((a) => a.url).join(' '));
    });
  });

  it('any content survives the round trip; formulas never start a cell', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('line one\nline two', 'a\rb', '```js\nconst x = 1;\n```', '- [ ] disks\n- [x] backups', 'end\n')), { minLength: 1, maxLength: 20 }), async (contents) => {
        const f = storeWith(contents.length, (i) => sampleMessage(i, contents[i]));
        try {
          const { text } = await run(f, 'csv');
          const body = rows(text).slice(1);
          expect(body.map((r) => csvUnguard(r[6]!))).toEqual(contents);
          for (const r of body) expect(r[6]).not.toMatch(/^[=+\-@\t\r]/);
        } finally {
          f.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('plain text export', () => {
  it('has one entry per message with its time, author and every line', async () => {
    const f = fixture(50);
    const { text, result } = await run(f, 'txt');
    expect(result.count).toBe(50);
    for (const m of all(f)) {
      const stamp = new Date(m.createdAt).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
      expect(text).toContain(`[${stamp}] ${m.author.displayName === m.author.username ? m.author.username : `${m.author.displayName} (${m.author.username})`}: ${m.content.split('\n')[0]}`);
    }
    expect(text).toContain('\n    second line');
    expect(text.trimEnd().endsWith('50 messages')).toBe(true);
  });
});

describe('HTML export: what a stored value cannot do', () => {
  it('a colour or a reaction count that is not a number writes no markup, and the file forbids scripts', async () => {
    const f = fixture(1, (i) => ({
      ...sampleMessage(i),
      view: {
        type: 0,
        mentions: { users: [], roles: [], channels: [], everyone: false },
        stickers: [],
        emojis: [],
        mentionsOwner: false,
        embeds: [{ type: 'rich', title: 't', color: 'red" onmouseover="alert(1)" x="' as unknown as number, fields: [], timestamp: null }],
        reactions: [{ emoji: { id: null, name: '👍', animated: false }, count: '<img src=x onerror=alert(2)>' as unknown as number, me: false }],
      } as never,
    }));
    const { text } = await run(f, 'html');
    expect(text).not.toMatch(/onmouseover|onerror|<img src=x/);
    expect(text).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'none'/);
  });
});

describe('HTML export: secrets', () => {
  const SECRET = 'test.bot-token.0123456789-abcdefghij';
  it.each([`leaked ${SECRET} here`, `_${SECRET}_`, `**${SECRET}**`])('a token in a stored text (%s) is scrubbed even where a keyword or Markdown cuts it', async (content) => {
    const f = fixture(1, (i) => sampleMessage(i, content));
    const { text } = await run(f, 'html', {}, { meta: { ...meta, filter: {}, keywords: ['bot'] }, redact: (t) => t.split(SECRET).join('[redacted]') });
    expect(text).not.toContain('0123456789-abcdefghij');
  });
});
