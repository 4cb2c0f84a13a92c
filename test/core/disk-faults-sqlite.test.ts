// The SqliteError path of the StorageGuard with a real SQLite database. The kernel here has no
// device-mapper (no dm-error to fail a disk under an open database), and better-sqlite3 runs WAL
// with synchronous=NORMAL, so a block device turned read-only under it fails no commit (the writes
// wait in the page cache). SQLite's own query_only switch gives the same SqliteError
// (SQLITE_READONLY) from the same MessageStore.add call, on demand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import BetterSqlite, { type Database } from 'better-sqlite3';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { LastSeen } from '../../electron/core/messages/last-seen.js';
import { StorageGuard } from '../../electron/core/messages/storage-guard.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';

const dir = mkdtempSync(join(tmpdir(), 'dm-sqlite-fault-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const message = (id: string, content: string): ChatMessage => ({
  id,
  channelId: '1',
  author: { id: '2', username: 'alice', displayName: 'Alice', avatarUrl: null, bot: false },
  content,
  createdAt: 0,
  editedAt: null,
  deleted: false,
  attachments: [],
  caughtUp: false,
});

it('a SqliteError in MessageStore.add is caught, said once, kept in memory, and written when SQLite takes writes again', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(JSON.parse(String(chunk)).msg)), done()) }));
  const store = new MessageStore(join(dir, 'messages.sqlite'));
  const guard = new StorageGuard(store, new LastSeen(join(dir, 'last-seen.json')), logger, dir);
  expect(guard.add(message('10', 'before'))).toBe(true);
  const db = (store as unknown as { db: Database }).db;
  db.pragma('query_only = ON');
  expect(() => store.add(message('11', 'probe'))).toThrow(/readonly/);

  expect(guard.add(message('12', 'during'))).toBe(true);
  expect(guard.add(message('12', 'during'))).toBe(false); // still deduplicated while only in memory
  expect(guard.update('12', { content: 'during (edited)' })?.content).toBe('during (edited)');
  expect(lines.filter((l) => l.startsWith('Cannot save messages: the data folder is read-only — still monitoring live'))).toHaveLength(1);
  expect(store.has('12')).toBe(false);
  expect(guard.list('1', 10).map((m) => m.content)).toEqual(['before', 'during (edited)']);

  db.pragma('query_only = OFF');
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error('storing did not resume within 10 s')), 10_000);
    const poll = setInterval(() => {
      if (!lines.some((l) => l.startsWith('Saving messages again'))) return;
      clearInterval(poll);
      clearTimeout(deadline);
      resolve();
    }, 20);
  });
  expect(store.list('1', 10).map((m) => m.content)).toEqual(['before', 'during (edited)']);
  store.close();
});

it('a write lock held a moment elsewhere (SQLITE_BUSY once) is not said: the edit waits in memory and is written on the retry', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(JSON.parse(String(chunk)).msg)), done()) }));
  const file = join(dir, 'messages.sqlite');
  const store = new MessageStore(file);
  const guard = new StorageGuard(store, new LastSeen(join(dir, 'last-seen.json')), logger, dir);
  expect(guard.add(message('10', 'before'))).toBe(true);
  const other = new BetterSqlite(file);
  other.exec('BEGIN IMMEDIATE');
  const started = performance.now();
  expect(guard.update('10', { content: 'edited' })?.content).toBe('edited');
  // Waited briefly (brief-busy.ts), not SQLite's 5 s busy timeout, on the event loop.
  expect(performance.now() - started).toBeLessThan(1000);
  expect(guard.list('1', 10).map((m) => m.content)).toEqual(['edited']);
  // Not said yet, but held: a backfill's saved job must not pass it (history/backfill.ts asks unsaved()).
  expect(guard.unsaved()?.i18n).toMatchObject({ key: 'storage.locked' });
  other.exec('COMMIT');
  other.close();
  await new Promise((r) => setTimeout(r, 2500)); // the guard's retry (2 s)
  expect(store.get('10')?.content).toBe('edited');
  expect(lines.filter((l) => l.startsWith('Cannot save messages') || l.startsWith('Saving messages again'))).toEqual([]);
  expect(guard.unsaved()).toBeNull();
  store.close();
});
