// An export "filtered with the search language" holds exactly the messages the panel's search lists for
// the same text: it had its own matcher, which did not ignore accents, found "deploy" in "redeployed",
// took only exact names for from: and read dates as UTC days (outside review). Both now run search-plan.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportToFile } from '../../electron/core/archive/exporter.js';
import { readJsonExport } from '../../electron/core/archive/import.js';
import type { ArchiveQuery, ExportFormat } from '../../electron/core/archive/query.js';
import { ArchiveReader } from '../../electron/core/archive/reader.js';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { snowflakeAt } from '../../electron/core/messages/last-seen.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import type { ChatMessage } from '../../shared/types.js';
import { CHANNEL, sampleMessage, storeWith, T0, type StoredFixture } from '../helpers/archive-fixture.js';

const fixtures: StoredFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.close();
});
const meta = { exportedAt: Date.UTC(2026, 5, 1), app: { name: 'Discord Monitor', version: 'test' }, guild: { id: '1', name: 'Home Lab' }, channel: { id: CHANNEL, name: 'general' }, locale: 'en' as const };

async function exportIds(f: StoredFixture, query: Omit<ArchiveQuery, 'channelId'>, format: ExportFormat = 'json'): Promise<string[]> {
  const reader = new ArchiveReader(f.file);
  const out = join(f.dir, `export-${Math.random()}.${format}`);
  try {
    await exportToFile(out, { reader, query: { channelId: CHANNEL, ...query }, format, meta: { ...meta, filter: query }, redact: (t) => t });
    return readJsonExport(out).messages.map((m) => m.id).sort();
  } finally {
    reader.close();
  }
}

/** Every page of the panel's search for `query`, in `timeZone`. */
function searchIds(f: StoredFixture, query: string, timeZone?: string): string[] {
  const search = new MessageSearch(f.store, new FtsIndexer(f.store.database));
  const ids: string[] = [];
  for (let before: string | undefined; ; ) {
    const page = search.search(CHANNEL, { query, limit: 100, ...(timeZone ? { timeZone } : {}), ...(before ? { before } : {}) });
    expect(page.problems, query).toEqual([]);
    ids.push(...page.messages.map((m) => m.id));
    if (!page.nextBefore) return ids.sort();
    before = page.nextBefore;
  }
}

// One message every 5 hours from 1 January 2026 00:00 UTC, over about ten days.
const CONTENTS = ['Le café est prêt', 'redeployed the service', 'deploy done', 'ping <@300000000000000002> and <@300000000000000003>', 'release shipped 🎉', 'CAFÉ au lait, deploy later', 'see https://example.org/x', 'backup: done :)'];
function spread(i: number): ChatMessage {
  const m = sampleMessage(i, CONTENTS[i % CONTENTS.length]);
  const createdAt = T0 + i * 5 * 3_600_000;
  return { ...m, createdAt, id: (BigInt(snowflakeAt(createdAt)) + BigInt(i)).toString() };
}

describe('an export filtered like search keeps what the search lists', () => {
  it.each([
    ['cafe', 'UTC', 'accents and case ignored'],
    ['deploy', 'UTC', 'whole words: not "redeployed"'],
    ['"deploy done"', 'UTC', 'a phrase'],
    ['from:ali', 'UTC', 'from: by the start of a name'],
    ['from:BOB deploy', 'UTC', 'from: in another case, with a word'],
    ['mentions:bob', 'UTC', 'mentions:'],
    ['has:link', 'UTC', 'has:link'],
    ['has:image', 'UTC', 'has:image'],
    ['🎉', 'UTC', 'an emoji, which has no FTS token'],
    [':) backup', 'UTC', 'punctuation next to a word'],
    ['during:2026-01-03', 'Pacific/Kiritimati', 'during: a day in the viewer’s zone (UTC+14)'],
    ['during:2026-01-03', 'America/New_York', 'during: a day in the viewer’s zone (UTC−5)'],
    ['after:2026-01-05 before:2026-01-08 cafe', 'Europe/Paris', 'after: and before: with a word'],
  ])('%s in %s — %s', async (query, timeZone) => {
    const f = storeWith(48, spread);
    fixtures.push(f);
    const found = searchIds(f, query, timeZone);
    expect(found.length, query).toBeGreaterThan(0);
    await expect(exportIds(f, { query, timeZone })).resolves.toEqual(found);
  });

  it('messages stored after the index last ran are found by both (the export indexes first, as the search does)', async () => {
    const f = storeWith(10, spread);
    fixtures.push(f);
    new FtsIndexer(f.store.database).catchUp();
    f.store.addMany([10, 11, 12, 13].map(spread));
    expect(await exportIds(f, { query: 'cafe' })).toEqual(searchIds(f, 'cafe'));
    expect(await exportIds(f, { query: 'cafe' })).toContain(spread(13).id);
  });

  it('with a date range and authors by id on top, keeps the search’s messages within them', async () => {
    const f = storeWith(48, spread);
    fixtures.push(f);
    const after = T0 + 2 * 86_400_000;
    const got = await exportIds(f, { query: 'deploy', after, authorIds: ['300000000000000001'] });
    const want = searchIds(f, 'deploy').filter((id) => {
      const m = spread(Number((BigInt(id) & 4095n).toString()));
      return m.createdAt >= after && m.author.id === '300000000000000001';
    });
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });

  it('a filter it cannot apply is refused with the search’s own words, and nothing is written', async () => {
    const f = storeWith(4, spread);
    fixtures.push(f);
    await expect(exportIds(f, { query: 'from:nobody' })).rejects.toThrow('The export’s search cannot run: Nobody named “nobody” has posted in this channel. Nothing was exported.');
  });
});

describe('empty and one-message exports', () => {
  it.each(['json', 'csv', 'txt', 'html'] as ExportFormat[])('%s: a range with 0 messages and with 1 message', async (format) => {
    const f = storeWith(10);
    fixtures.push(f);
    const reader = new ArchiveReader(f.file);
    try {
      for (const [name, q] of [
        ['none', { channelId: CHANNEL, after: T0 + 3600_000 * 24 * 30 }],
        ['one', { channelId: CHANNEL, after: T0 + 60_000 * 4, before: T0 + 60_000 * 5 }],
        ['filter-none', { channelId: CHANNEL, query: 'zzzznothing' }],
      ] as const) {
        const out = join(f.dir, `${name}.${format}`);
        const r = await exportToFile(out, { reader, query: q, format, meta: { ...meta, filter: {} }, redact: (t) => t });
        expect(r.count, name).toBe(name === 'one' ? 1 : 0);
        const text = readFileSync(out, 'utf8');
        if (format === 'json') expect(readJsonExport(out).messages).toHaveLength(r.count);
        if (format === 'html') expect(text).toMatch(/<\/html>\s*$/);
      }
    } finally {
      reader.close();
    }
  });
});
