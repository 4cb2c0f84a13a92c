// Messages handed to the store's write thread and not committed yet (800-4,400 behind a busy thread in
// a burst, bench/live-ingest) are held as their JSON text, not as objects: a backlog of message objects
// outlived V8's scavenges, was copied and then promoted. They are still read, refused as duplicates and,
// if the thread fails them, kept whole in memory.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import { expect, it } from 'vitest';
import { BatchWriter } from '../../electron/core/messages/batch-writer.js';
import { LastSeen } from '../../electron/core/messages/last-seen.js';
import { StorageGuard } from '../../electron/core/messages/storage-guard.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { Written } from '../../electron/core/messages/write-thread.js';
import type { ChatMessage } from '../../shared/types.js';
import { chatMessage as msg } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-backlog-');
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The writer as the sink builds it, on a store whose write thread answers only when told (`answer`). */
function slowThread() {
  const store = new MessageStore(':memory:');
  const waiting: Array<(err: Error | null) => void> = [];
  // As the real store: only the rows' text goes to the thread.
  store.addManyLater = (ms: readonly ChatMessage[], done: Written) => {
    const rows = ms.map((m) => JSON.stringify(m));
    waiting.push((err) => (err ? done(err, 0) : done(null, store.addMany(rows.map((r) => JSON.parse(r) as ChatMessage)))));
  };
  const writer = new BatchWriter(new StorageGuard(store, new LastSeen(join(dir(), 'last-seen.json')), pino({ level: 'silent' }), dir()));
  return { store, writer, answer: (err: Error | null = null) => waiting.splice(0).forEach((w) => w(err)) };
}

/** Adds messages 1..n (no reference kept here) and hands them to the thread; WeakRefs to watch them. */
function handOver(writer: BatchWriter, n: number): Array<WeakRef<ChatMessage>> {
  const refs: Array<WeakRef<ChatMessage>> = [];
  for (let i = 1; i <= n; i++) {
    const m = msg(i);
    refs.push(new WeakRef(m));
    expect(writer.add(m)).toBe(true);
  }
  writer.handOff();
  return refs;
}

/** How many of `refs` are still alive after a full collection (on a later turn: WeakRefs hold until the job ends). */
async function alive(refs: Array<WeakRef<ChatMessage>>): Promise<number> {
  await new Promise((r) => setImmediate(r));
  gc();
  return refs.filter((r) => r.deref() !== undefined).length;
}

it('a batch waiting for the write thread holds no message object, and is still read and refused as a duplicate', async () => {
  const { store, writer, answer } = slowThread();
  const refs = handOver(writer, 100);
  expect(await alive(refs)).toBe(0);
  expect(writer.get(msg(50).id)).toEqual(msg(50));
  expect(writer.has(msg(50).id)).toBe(true);
  expect(writer.add(msg(50))).toBe(false);
  answer();
  expect(store.get(msg(100).id)).toEqual(msg(100));
  store.close();
});

it('a batch the write thread fails is kept whole in memory, readable as before', async () => {
  const { store, writer, answer } = slowThread();
  const refs = handOver(writer, 10);
  expect(await alive(refs)).toBe(0);
  answer(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
  expect(store.get(msg(3).id)).toBeUndefined();
  expect(writer.get(msg(3).id)).toEqual(msg(3));
  expect(writer.has(msg(10).id)).toBe(true);
  store.close();
});
