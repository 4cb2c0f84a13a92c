// A download closed midway (the browser tab closed, curl interrupted): the export waited for the
// response to drain, which a destroyed response never does, so the promise, its reader and the
// reader's SQLite connection stayed open for good (12 aborted downloads: 10 connections left open).
import { Writable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { storeWith, type StoredFixture } from '../helpers/archive-fixture.js';
import { archiveOn } from '../helpers/archive-services.js';
import { readdirSync, readlinkSync } from 'node:fs';

const fixtures: StoredFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.close();
});

/** This process's open descriptors on `file`. */
const openOn = (file: string) => readdirSync('/proc/self/fd').filter((fd) => {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`) === file;
  } catch {
    return false;
  }
}).length;

it('ends, closing its reader, when the response is destroyed while it waits to drain', async () => {
  const f = storeWith(3000);
  fixtures.push(f);
  const archive = archiveOn(f);
  // One whole export first: what the archive keeps open between exports is counted in `before`.
  await archive.exportToStream(new Writable({ write: (_c, _e, next) => next() }), { format: 'html', filter: {}, locale: 'en', media: 'link' });
  const before = openOn(f.file);
  for (let i = 0; i < 5; i++) {
    // A response that takes one chunk, then never drains, and is destroyed (the client went away).
    const sink = new Writable({ highWaterMark: 16, write: () => undefined });
    const done = archive.exportToStream(sink, { format: 'html', filter: {}, locale: 'en', media: 'link' }).then(() => 'resolved', () => 'rejected');
    await new Promise((r) => setTimeout(r, 50));
    sink.destroy();
    expect(await Promise.race([done, new Promise((r) => setTimeout(() => r('still waiting'), 2000))])).toBe('rejected');
  }
  expect(openOn(f.file)).toBe(before);
  archive.dispose();
});
