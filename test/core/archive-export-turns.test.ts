// Anyone in the channel writes what the HTML export renders: a message of nested list markers
// ("- - - …", 4,000 characters) took its Markdown parse ~50 ms, and a page of 1,000 such messages
// was drawn in one turn, the event loop (gateway heartbeat, every panel) held for most of a minute.
// Inline code spans ("`a" × 2,000) still take ~12 ms a message: 300 of them make seconds.
import { Writable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { exportTo } from '../../electron/core/archive/exporter.js';
import { ArchiveReader } from '../../electron/core/archive/reader.js';
import { CHANNEL, sampleMessage, storeWith, type StoredFixture } from '../helpers/archive-fixture.js';

const fixtures: StoredFixture[] = [];
afterEach(() => fixtures.splice(0).forEach((f) => f.close()));

it('an HTML export of messages slow to render gives the event loop turns between them', async () => {
  const f = storeWith(300, (i) => sampleMessage(i, '`a'.repeat(2000)));
  fixtures.push(f);
  const reader = new ArchiveReader(f.file);
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  let longest = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    longest = Math.max(longest, performance.now() - last);
    last = performance.now();
  }, 5);
  const started = performance.now();
  try {
    const meta = { exportedAt: Date.now(), app: { name: 'Discord Monitor', version: '0' }, guild: null, channel: null, filter: {}, locale: 'en' as const };
    const result = await exportTo(sink, { reader, query: { channelId: CHANNEL }, format: 'html', meta, redact: (s) => s });
    expect(result.count).toBe(300);
  } finally {
    clearInterval(tick);
    reader.close();
  }
  longest = Math.max(longest, performance.now() - last);
  // The whole export takes seconds (else this proves nothing); no turn of it more than a few messages' worth.
  expect(performance.now() - started).toBeGreaterThan(1000);
  expect(longest).toBeLessThan(500);
});
