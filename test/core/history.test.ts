// Paging, search with Discord's filters and statistics over a real SQLite store.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { HistoryQuery } from '../../electron/core/messages/history-query.js';
import { snowflakeAt } from '../../electron/core/messages/last-seen.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import { channelStats } from '../../electron/core/messages/stats.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatAttachment, ChatMessage } from '../../shared/types.js';

const CH = '1000000000000000001';
const T0 = Date.UTC(2026, 0, 1, 12); // 2026-01-01 12:00 UTC
const HOUR = 3_600_000;
const ALICE = { id: '300000000000000001', username: 'alice', displayName: 'Ali', avatarUrl: null, bot: false };
const BOB = { id: '300000000000000002', username: 'bob', displayName: 'Bobby', avatarUrl: null, bot: false };

let seq = 0;
function msg(at: number, content: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  const id = (BigInt(snowflakeAt(at)) + BigInt(seq++)).toString();
  return { id, channelId: CH, author: ALICE, content, createdAt: at, editedAt: null, deleted: false, attachments: [], caughtUp: false, ...extra };
}
const file = (name: string, contentType: string | null, size: number): ChatAttachment => ({ id: '9', name, url: `https://cdn/${name}`, size, contentType, width: null, height: null });

describe('paging', () => {
  const store = new MessageStore(':memory:');
  const all = Array.from({ length: 1000 }, (_, i) => msg(T0 + i * 60_000, `n${i}`));
  // Inserted newest first (as a backfill does): order must come from the ids.
  store.addMany([...all].reverse());
  store.add({ ...msg(T0, 'other channel'), channelId: '2000000000000000002' });
  const q = new HistoryQuery(store);
  const contents = (ms: ChatMessage[]) => ms.map((m) => m.content);

  it('answers the newest page, then older pages with before, oldest first, without gaps or overlaps', () => {
    expect(contents(q.page(CH, { limit: 3 }))).toEqual(['n997', 'n998', 'n999']);
    const seen: string[] = [];
    let page = q.page(CH, { limit: 300 });
    while (page.length) {
      seen.unshift(...contents(page));
      page = q.page(CH, { limit: 300, before: page[0]!.id });
    }
    expect(seen).toEqual(contents(all));
  });

  it('answers newer pages with after (the message itself excluded)', () => {
    expect(contents(q.page(CH, { after: all[10]!.id, limit: 3 }))).toEqual(['n11', 'n12', 'n13']);
    expect(q.page(CH, { after: all[999]!.id })).toEqual([]);
  });

  it('answers the page around a message and around an instant (jump to a date)', () => {
    expect(contents(q.page(CH, { around: all[500]!.id, limit: 4 }))).toEqual(['n498', 'n499', 'n500', 'n501']);
    // 10:00 + 30.5 minutes: the first message at or after it is n31.
    expect(contents(q.page(CH, { at: T0 + 30 * 60_000 + 30_000, limit: 4 }))).toEqual(['n29', 'n30', 'n31', 'n32']);
    expect(contents(q.page(CH, { at: 0, limit: 2 }))).toEqual(['n0', 'n1']);
  });

  it('bounds the page size', () => {
    expect(q.page(CH, { limit: 100_000 })).toHaveLength(500);
  });
});

describe('search', () => {
  const store = new MessageStore(':memory:');
  const day = (d: number, h = 12) => Date.UTC(2026, 0, d, h);
  const rows = [
    msg(day(1), 'the backup failed on disk two'),
    msg(day(2), 'Backup finished, disks fine', { author: BOB }),
    msg(day(3), 'see https://status.example.org for the backup', { author: BOB }),
    msg(day(4), 'screenshot of the backup', { attachments: [file('shot.png', 'image/png', 2000)] }),
    msg(day(5), 'backup log attached', { attachments: [file('log.txt', 'text/plain', 500)] }),
    msg(day(6), 'hey <@300000000000000001> the backup is done', { author: BOB }),
    msg(day(7), 'café crème', { author: BOB }),
    msg(day(8), 'preview backup', { view: { type: 0, mentions: { users: [], roles: [], channels: [], everyone: false }, embeds: [{ type: 'rich', color: null, title: 'x', fields: [], timestamp: null }], stickers: [], reactions: [], emojis: [], mentionsOwner: false } }),
  ];
  store.addMany(rows);
  const s = new MessageSearch(store, new FtsIndexer(store.database));
  const find = (query: string, extra = {}) => s.search(CH, { query, ...extra }).messages.map((m) => m.content);

  it('finds words and phrases, newest first, any case and accents', () => {
    expect(find('backup')).toEqual([rows[7], rows[5], rows[4], rows[3], rows[2], rows[1], rows[0]].map((m) => m!.content));
    expect(find('"backup failed"')).toEqual(['the backup failed on disk two']);
    expect(find('CAFE')).toEqual(['café crème']);
    expect(s.search(CH, { query: 'backup "on disk"' }).terms).toEqual(['backup', 'on disk']);
  });

  it('filters by author (name, server name or id) and by mention', () => {
    expect(find('backup from:bob')).toEqual([rows[5]!.content, rows[2]!.content, rows[1]!.content]);
    expect(find('from:Bobby café')).toEqual(['café crème']);
    expect(find('backup from:300000000000000001')).toHaveLength(4);
    expect(find('mentions:alice')).toEqual([rows[5]!.content]);
    const nobody = s.search(CH, { query: 'backup from:carol' });
    expect(nobody.messages).toEqual([]);
    expect(nobody.problems).toEqual([{ code: 'nobody', value: 'carol', message: 'Nobody named “carol” has posted in this channel.' }]);
  });

  it('an author no name matches exactly is found by the start of a name, as Discord suggests it; % and _ are letters there', () => {
    // "Bobby" is Bob's server name: `from:bobb` starts it, as `from:grace` starts "Grace (admin)".
    expect(find('backup from:bobb')).toEqual([rows[5]!.content, rows[2]!.content, rows[1]!.content]);
    expect(find('café from:BO')).toEqual(['café crème']);
    for (const name of ['%', 'b%', '_ob', 'b_b']) expect(s.search(CH, { query: `backup from:${name}` }).problems.map((p) => p.code), name).toEqual(['nobody']);
  });

  it('a filter it cannot read lists nothing and says why (not every message, unfiltered)', () => {
    for (const query of ['backup has:video', 'backup after:2026-13-45', 'backup before:']) {
      const r = s.search(CH, { query });
      expect(r.messages, query).toEqual([]);
      expect(r.problems.length, query).toBe(1);
    }
    expect(find('backup')).not.toEqual([]);
  });

  it('filters by has:link, has:file, has:image and has:embed', () => {
    expect(find('has:link')).toEqual([rows[2]!.content]);
    expect(find('backup has:file')).toEqual([rows[4]!.content, rows[3]!.content]);
    expect(find('has:image')).toEqual([rows[3]!.content]);
    expect(find('has:embed')).toEqual(['preview backup']);
  });

  it('filters by before:, after: and during: in the viewer’s time zone', () => {
    expect(find('backup before:2026-01-03')).toEqual([rows[1]!.content, rows[0]!.content]);
    expect(find('backup after:2026-01-05')).toEqual([rows[7]!.content, rows[5]!.content]);
    expect(find('during:2026-01-04')).toEqual([rows[3]!.content]);
    // UTC+14: the message of 4 January 12:00 UTC is on 5 January there.
    expect(find('during:2026-01-05', { tzOffsetMinutes: -14 * 60 })).toEqual([rows[3]!.content]);
  });

  it('pages with the cursor', () => {
    const first = s.search(CH, { query: 'backup', limit: 3 });
    expect(first.messages).toHaveLength(3);
    const second = s.search(CH, { query: 'backup', limit: 3, before: first.nextBefore! });
    expect(second.messages.map((m) => m.content)).toEqual([rows[3]!.content, rows[2]!.content, rows[1]!.content]);
  });

  it('keeps the index in step with edits', () => {
    store.update(rows[6]!.id, { content: 'tea instead' });
    expect(find('café')).toEqual([]);
    expect(find('tea')).toEqual(['tea instead']);
  });
});

describe('statistics', () => {
  it('counts per day, per hour, per author and attachments for a period', () => {
    const store = new MessageStore(':memory:');
    store.addMany([
      msg(T0, 'a', { attachments: [file('a.png', 'image/png', 1000), file('b.txt', null, 24)] }),
      msg(T0 + HOUR, 'b'),
      msg(T0 + 24 * HOUR, 'c', { author: BOB }),
      msg(T0 + 48 * HOUR, 'outside'),
    ]);
    new FtsIndexer(store.database).catchUp();
    const stats = channelStats(store, CH, { from: T0, to: T0 + 48 * HOUR });
    expect(stats.total).toBe(3);
    expect(stats.perDay).toEqual([{ day: '2026-01-01', count: 2 }, { day: '2026-01-02', count: 1 }]);
    expect(stats.hours[12]).toBe(2);
    expect(stats.hours[13]).toBe(1);
    expect(stats.topAuthors).toEqual([{ id: ALICE.id, name: 'Ali', count: 2 }, { id: BOB.id, name: 'Bobby', count: 1 }]);
    expect(stats.attachments).toEqual({ count: 2, bytes: 1024 });
    // In UTC−13 the 12:00 UTC message is at 23:00 the previous day.
    expect(channelStats(store, CH, { from: T0, to: T0 + 48 * HOUR, tzOffsetMinutes: 13 * 60 }).perDay[0]).toEqual({ day: '2025-12-31', count: 1 });
  });
});

describe('search index behind the live path', () => {
  it('is filled in the background once writes pause, so a search need not index', async () => {
    const store = new MessageStore(':memory:');
    const indexer = new FtsIndexer(store.database);
    const watermark = () => (store.database.prepare('SELECT last_rowid AS n FROM fts_progress').get() as { n: number }).n;
    store.addMany(Array.from({ length: 1200 }, (_, i) => msg(T0 + i * 1000, `quiet ${i}`)));
    expect(watermark()).toBe(0);
    indexer.start(20);
    try {
      const deadline = Date.now() + 5000;
      while (watermark() < 1200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(watermark()).toBe(1200);
      // Indexed in the background: a search finds them without indexing anything itself.
      expect(new MessageSearch(store, { catchUp: () => {} } as unknown as FtsIndexer).search(CH, { query: 'quiet' }).messages).toHaveLength(25);
    } finally {
      indexer.stop();
      store.close();
    }
  });
});

describe('WAL checkpoints', () => {
  it('happen when writes pause, not inside a burst’s commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-wal-'));
    const file = join(dir, 'messages.sqlite');
    const store = new MessageStore(file);
    const indexer = new FtsIndexer(store.database);
    indexer.start(20);
    try {
      const before = statSync(file).size;
      // ~5 MB of rows: past SQLite's default automatic checkpoint (1,000 pages), well below ours.
      store.addMany(Array.from({ length: 3000 }, (_, i) => msg(T0 + i * 1000, `row ${i} ${'x'.repeat(1500)}`)));
      expect(statSync(file).size).toBe(before);
      const deadline = Date.now() + 5000;
      while (statSync(file).size === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(statSync(file).size).toBeGreaterThan(before + 1_000_000);
    } finally {
      indexer.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
