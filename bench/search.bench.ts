// bench/search: 1,000,000 stored messages (one INSERT…SELECT over a recursive CTE), indexed by the
// FtsIndexer, then searched through MessageSearch: a word, a phrase, words with filters, filters
// alone, p50/p95 over many queries; side by side with the floor one would write without FTS (a
// LIKE scan). Also prints store bytes per message. Run: npx vitest run -c vitest.bench.config.ts bench/search.bench.ts
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { exportToFile } from '../electron/core/archive/exporter.js';
import { ArchiveReader } from '../electron/core/archive/reader.js';
import { FtsIndexer } from '../electron/core/messages/fts-indexer.js';
import { MessageSearch } from '../electron/core/messages/search.js';
import { MessageStore } from '../electron/core/messages/store.js';
import { generateHistory } from './generate-history.js';

const N = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const CHANNEL = '1100000000000000001';
const START = Date.UTC(2025, 0, 1);
const SPACING_MS = Math.floor((365 * 86_400_000) / N);
const VOCAB = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}${'aeiou'[i % 5]}`);
const AUTHORS = 200;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const pick = <T,>(xs: T[], i: number) => xs[(i * 7919) % xs.length]!;

it(`search over ${N.toLocaleString('en-US')} stored messages`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-search-'));
  const file = join(dir, 'messages.sqlite');
  const store = new MessageStore(file);
  try {
    let t = performance.now();
    generateHistory(store, { channelId: CHANNEL, count: N, startMs: START, spacingMs: SPACING_MS, vocab: VOCAB, authors: AUTHORS });
    const genS = (performance.now() - t) / 1000;
    t = performance.now();
    const indexer = new FtsIndexer(store.database);
    indexer.catchUp();
    const indexS = (performance.now() - t) / 1000;
    store.database.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = statSync(file).size;
    const search = new MessageSearch(store, indexer);
    const time = (query: string) => {
      const s = performance.now();
      const r = search.search(CHANNEL, { query, limit: 25 });
      return { ms: performance.now() - s, hits: r.messages.length };
    };
    // Common, middling and rare words.
    const words = [...VOCAB.slice(0, 20), ...VOCAB.slice(200, 220), ...VOCAB.slice(3000, 3020)];
    const kinds: Record<string, (i: number) => string> = {
      word: (i) => pick(words, i),
      phrase: (i) => `"${pick(words, i)} ${pick(words, i + 1)}"`,
      'word + from:': (i) => `${pick(words, i)} from:user${i % AUTHORS}`,
      'word + has:image + after:': (i) => `${pick(words, i)} has:image after:2025-03-01`,
      'word + during:': (i) => `${pick(words, i)} during:2025-0${1 + (i % 9)}-1${i % 10}`,
      'from: alone': (i) => `from:user${i % AUTHORS}`,
      'has:link alone': () => 'has:link',
      'mentions: + before:': (i) => `mentions:user${i % AUTHORS} before:2025-10-01`,
      // Matched as typed in the text after the index narrows by its letters: no message holds it, so
      // every message with the word is read (the worst case, the most common words).
      'word++ (no match)': (i) => `${pick(VOCAB.slice(0, 5), i)}++`,
      'emoji (no match)': () => '🎉',
    };
    const rows: string[] = [];
    for (const [kind, make] of Object.entries(kinds)) {
      const ms: number[] = [];
      let hits = 0;
      for (let i = 0; i < 60; i++) {
        const r = time(make(i));
        ms.push(r.ms);
        hits += r.hits;
      }
      rows.push(`  ${kind.padEnd(28)} p50 ${pct(ms, 50).toFixed(1).padStart(6)} ms   p95 ${pct(ms, 95).toFixed(1).padStart(6)} ms   (avg ${(hits / 60).toFixed(1)} hits of 25)`);
    }
    // The floor without FTS: what a LIKE scan costs for one word (newest first, 25 rows).
    const like = store.database.prepare("SELECT json FROM messages WHERE channel_id = ? AND json_extract(json, '$.content') LIKE ? ORDER BY sort_key DESC LIMIT 25");
    const likeMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      like.all(CHANNEL, `%${pick(VOCAB.slice(3000, 3020), i)}%`);
      likeMs.push(performance.now() - s);
    }
    // An export filtered with the search language reads the same store (its own connection).
    const exports: string[] = [];
    for (const query of [pick(VOCAB.slice(3000, 3020), 0), `${VOCAB[5]} from:user7`, `has:image during:2025-06-15`]) {
      const reader = new ArchiveReader(file);
      const s = performance.now();
      const r = await exportToFile(join(dir, 'filtered.json'), { reader, query: { channelId: CHANNEL, query }, format: 'json', meta: { exportedAt: 0, app: { name: 'bench', version: '0' }, guild: null, channel: { id: CHANNEL, name: 'general' }, filter: { query }, locale: 'en' }, redact: (x) => x });
      reader.close();
      exports.push(`  export --query ${JSON.stringify(query).padEnd(30)} ${((performance.now() - s) / 1000).toFixed(2).padStart(6)} s   (${r.count} messages)`);
    }
    console.log(
      [
        `search over ${N.toLocaleString('en-US')} messages (generated in ${genS.toFixed(1)} s, indexed in ${indexS.toFixed(1)} s; ${Math.round(bytes / N)} bytes per message on disk incl. the FTS index)`,
        ...rows,
        `  floor: LIKE scan, rare word   p50 ${pct(likeMs, 50).toFixed(0)} ms   (targets: word p95 ≤ 50 ms, with filters ≤ 150 ms)`,
        ...exports,
      ].join('\n'),
    );
    expect(time(VOCAB[0]!).hits).toBe(25);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
