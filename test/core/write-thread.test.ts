// Live batches are committed by the store's write thread: the event loop goes on while SQLite writes
// (here: while another connection holds the write lock, as a long commit or checkpoint would), reads
// still find every message handed over, and a batch the thread fails to write is kept, never lost.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BatchWriter } from '../../electron/core/messages/batch-writer.js';
import { LastSeen } from '../../electron/core/messages/last-seen.js';
import { StorageGuard } from '../../electron/core/messages/storage-guard.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { CHANNEL, chatMessage as msg, until } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-write-thread-');
let store: MessageStore;
let lines: string[];
let writer: BatchWriter;
let lastSeen: LastSeen;
const file = () => join(dir(), 'messages.sqlite');
/** Stored rows as a second connection sees them (committed only). */
const committed = () => {
  const db = new Database(file(), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/** Another process takes the write lock and holds it 500 ms; resolves once it holds it (`exited`: it is gone). */
async function lockedBy500msProcess(): Promise<{ exited: Promise<unknown> }> {
  const locker = spawn(process.execPath, ['-e', `const db = new (require('better-sqlite3'))(${JSON.stringify(file())}); db.exec('BEGIN IMMEDIATE'); console.log('locked'); setTimeout(() => db.exec('COMMIT'), 500);`], { cwd: join(import.meta.dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  locker.on('error', (err) => console.error(err));
  const exited = new Promise((resolve) => locker.once('exit', resolve));
  await new Promise<void>((resolve) => locker.stdout.once('data', () => resolve()));
  return { exited };
}

beforeEach(() => {
  lines = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(JSON.parse(String(chunk)).msg)), done()) }));
  store = new MessageStore(file());
  lastSeen = new LastSeen(join(dir(), 'last-seen.json'));
  writer = new BatchWriter(new StorageGuard(store, lastSeen, logger, dir()));
});
afterEach(() => store.close());

it('hands a batch over without waiting for SQLite: timers run while the write is held up, reads find the messages meanwhile', async () => {
  // Another connection holds the write lock: a write on the event loop would wait for it (busy timeout 5 s).
  const locker = new Database(file());
  locker.exec('BEGIN IMMEDIATE');
  for (let i = 1; i <= 1000; i++) writer.add(msg(i));
  const t0 = performance.now();
  writer.handOff();
  const handOffMs = performance.now() - t0;
  const timer = performance.now();
  await new Promise((r) => setTimeout(r, 20));
  const timerLateMs = performance.now() - timer - 20;
  expect(handOffMs).toBeLessThan(100);
  expect(timerLateMs).toBeLessThan(100);
  expect(writer.get(msg(500).id)?.content).toBe('m500');
  expect(writer.add(msg(500))).toBe(false); // still refused as a duplicate while being written
  expect(committed()).toBe(0);
  locker.exec('COMMIT');
  locker.close();
  await until(() => committed() === 1000, '1000 rows committed by the thread');
  expect(lines.filter((l) => l.startsWith('Cannot save'))).toEqual([]);
});

it('flush() and list() wait for the thread: a read right after sees every message; an edit of one being written lands after its insert, and reads see it meanwhile', () => {
  for (let i = 1; i <= 300; i++) writer.add(msg(i));
  writer.handOff();
  expect(writer.update(msg(300).id, { content: 'edited' })?.content).toBe('edited');
  // Written once its insert is committed (no wait on the event loop); reads see it meanwhile.
  expect(writer.get(msg(300).id)?.content).toBe('edited');
  writer.add(msg(301));
  writer.flush();
  expect(committed()).toBe(301);
  expect(store.get(msg(300).id)?.content).toBe('edited');
  writer.add(msg(302));
  expect(writer.list(CHANNEL, 2).map((m) => m.content)).toEqual(['m301', 'm302']);
});

it('a batch the thread cannot write is said once, kept in memory and readable, and written once SQLite takes writes again', async () => {
  // A real SqliteError inside the thread's transaction, on demand (the thread has its own connection).
  store.database.exec("CREATE TRIGGER refuse BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
  for (let i = 1; i <= 50; i++) writer.add(msg(i));
  writer.flush();
  expect(committed()).toBe(0);
  expect(lines.filter((l) => l.startsWith('Cannot save messages'))).toHaveLength(1);
  expect(writer.get(msg(25).id)?.content).toBe('m25');
  expect(writer.add(msg(25))).toBe(false);
  store.database.exec('DROP TRIGGER refuse');
  await until(() => lines.some((l) => l.startsWith('Saving messages again')), 'storing to resume');
  expect(committed()).toBe(50);
});

it('the thread starts with the first batch and ends after a quiet spell; the next batch starts a new one', async () => {
  const quick = new MessageStore(join(dir(), 'idle.sqlite'), undefined, { idleMs: 100 });
  try {
    expect(quick.threadStarted).toBe(false);
    const written = () => new Promise<Error | null>((resolve) => quick.addManyLater([msg(1)], resolve));
    expect(await written()).toBeNull();
    expect(quick.threadStarted).toBe(true);
    await until(() => !quick.threadStarted, 'the idle thread to end');
    expect(await written()).toBeNull();
    expect(quick.threadStarted).toBe(true);
    expect(quick.list(CHANNEL, 10)).toHaveLength(1);
  } finally {
    quick.close();
  }
});

it('the resume point is written only once the messages up to it are committed (a crash in between would skip them for good)', async () => {
  // Another process holds the write lock for 500 ms: the thread's commit waits for it.
  const { exited } = await lockedBy500msProcess();
  for (let i = 1; i <= 100; i++) writer.add(msg(i));
  writer.handOff();
  lastSeen.advance(CHANNEL, msg(100).id);
  expect(lastSeen.flush()).toBe(true);
  // Written after the commit: every message up to the resume point is on disk.
  expect(JSON.parse(readFileSync(join(dir(), 'last-seen.json'), 'utf8'))).toEqual({ [CHANNEL]: msg(100).id });
  expect(committed()).toBe(100);
  await exited;
});

it('a thread that cannot load SQLite (a packaging without it) leaves the writes on the main connection, nothing lost, no wait', async () => {
  const broken = new MessageStore(join(dir(), 'broken.sqlite'), undefined, { sqliteModule: join(dir(), 'no-such-module.js') });
  const guard = new StorageGuard(broken, new LastSeen(join(dir(), 'broken-last-seen.json')), pino({ level: 'silent' }), dir());
  const w = new BatchWriter(guard);
  try {
    for (let i = 1; i <= 50; i++) w.add(msg(i));
    const t0 = performance.now();
    w.flush();
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(broken.list(CHANNEL, 100)).toHaveLength(50);
    await until(() => !broken.threadStarted, 'the unusable thread to end');
    w.add(msg(51));
    w.handOff(); // written at once, on this connection
    expect(broken.get(msg(51).id)?.content).toBe('m51');
    expect(broken.threadStarted).toBe(false);
  } finally {
    broken.close();
  }
});

it('after close() a late batch or task (a timer firing after shutdown) is refused, and starts no thread', async () => {
  const closing = new MessageStore(join(dir(), 'closing.sqlite'));
  await new Promise((resolve) => closing.addManyLater([msg(1)], resolve));
  closing.close();
  let refused: Error | null = null;
  closing.background!.run('index', (err) => (refused = err));
  expect(refused).toMatchObject({ message: 'the message store is closed' });
  expect(closing.threadStarted).toBe(false);
});

it('during a burst the resume point is written once its messages are committed, without the event loop waiting for the commit', async () => {
  const seen = new LastSeen(join(dir(), 'burst-last-seen.json'), 20);
  const w = new BatchWriter(new StorageGuard(store, seen, pino({ level: 'silent' }), dir()));
  seen.whenCommitted = (write) => w.afterCommit(write); // as the MessageSink wires it
  const { exited } = await lockedBy500msProcess();
  for (let i = 1; i <= 100; i++) w.add(msg(i));
  w.handOff();
  seen.advance(CHANNEL, msg(100).id);
  // The debounced write comes due while the commit waits for the lock: timers must stay on time.
  let latest = 0;
  let committedWhenWritten = -1;
  const path = join(dir(), 'burst-last-seen.json');
  const deadline = Date.now() + 10_000;
  while (committedWhenWritten < 0 && Date.now() < deadline) {
    const t = performance.now();
    await new Promise((r) => setTimeout(r, 10));
    latest = Math.max(latest, performance.now() - t - 10);
    try {
      readFileSync(path);
      committedWhenWritten = committed();
    } catch {
      // not written yet
    }
  }
  expect(latest).toBeLessThan(100);
  expect(committedWhenWritten).toBe(100);
  expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ [CHANNEL]: msg(100).id });
  await exited;
});
