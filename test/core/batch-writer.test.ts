import { expect, it, vi } from 'vitest';
import { BatchWriter, HANDOFF_MS } from '../../electron/core/messages/batch-writer.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';
import { CHANNEL, chatMessage as msg } from '../helpers/store-fixtures.js';

const count = (store: MessageStore) => (store.database.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
const nextTick = () => new Promise((r) => setImmediate(r));

it('writes a burst received in one turn as one transaction, after the turn', async () => {
  const store = new MessageStore(':memory:');
  let transactions = 0;
  const target = { has: store.has.bind(store), get: store.get.bind(store), update: store.update.bind(store), list: store.list.bind(store), addMany: (ms: readonly ChatMessage[]) => (transactions++, store.addMany(ms)) };
  const writer = new BatchWriter(target);
  for (let i = 1; i <= 1000; i++) expect(writer.add(msg(i))).toBe(true);
  expect(count(store)).toBe(0);
  await nextTick();
  expect(count(store)).toBe(1000);
  expect(transactions).toBe(1);
  store.close();
});

it('refuses duplicates whether queued or stored, and edits a queued message in place', async () => {
  const store = new MessageStore(':memory:');
  const writer = new BatchWriter(store);
  expect(writer.add(msg(1))).toBe(true);
  expect(writer.add(msg(1))).toBe(false);
  expect(writer.update(msg(1).id, { content: 'edited', editedAt: 9 })?.content).toBe('edited');
  expect(writer.get(msg(1).id)?.content).toBe('edited');
  await nextTick();
  expect(writer.add(msg(1))).toBe(false);
  expect(store.get(msg(1).id)).toMatchObject({ content: 'edited', editedAt: 9 });
  store.close();
});

it('list() writes the queue first so a read never misses a message just received', () => {
  const store = new MessageStore(':memory:');
  const writer = new BatchWriter(store);
  writer.add(msg(1));
  writer.add(msg(2));
  expect(writer.list(CHANNEL, 10).map((m) => m.content)).toEqual(['m1', 'm2']);
  store.close();
});

it('looks up only messages that could be stored already (not newer than the newest stored), and still refuses those duplicates', async () => {
  const store = new MessageStore(':memory:');
  store.addMany([msg(1), msg(5)]);
  let lookups = 0;
  const target = { has: (id: string) => (lookups++, store.has(id)), get: store.get.bind(store), update: store.update.bind(store), list: store.list.bind(store), addMany: store.addMany.bind(store) };
  const writer = new BatchWriter(target, (channelId) => store.list(channelId, 1)[0]?.id ?? null);
  for (let i = 6; i <= 105; i++) expect(writer.add(msg(i))).toBe(true);
  expect(lookups).toBe(0);
  expect(writer.add(msg(5))).toBe(false);
  expect(writer.add(msg(3))).toBe(true);
  expect(writer.add(msg(50))).toBe(false);
  expect(lookups).toBe(2);
  await nextTick();
  expect(count(store)).toBe(103);
  store.close();
});

it('without the newest id (or when it cannot be read) every message is looked up', () => {
  const store = new MessageStore(':memory:');
  store.add(msg(9));
  const unreadable = new BatchWriter(store, () => {
    throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
  });
  expect(unreadable.add(msg(9))).toBe(false);
  expect(new BatchWriter(store).add(msg(9))).toBe(false);
  store.close();
});

it('a burst over many turns is handed off at most once per HANDOFF_MS, each message once and in order, none held longer', () => {
  // On a fake clock (timers, immediates and performance.now): a loaded machine's late timers cannot
  // decide the outcome, and the bounds are exact.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
  try {
    const store = new MessageStore(':memory:');
    const handOffs: Array<{ at: number; ids: string[] }> = [];
    const target = { has: store.has.bind(store), get: store.get.bind(store), update: store.update.bind(store), list: store.list.bind(store), addMany: (ms: readonly ChatMessage[]) => (handOffs.push({ at: performance.now(), ids: ms.map((m) => m.id) }), store.addMany(ms)) };
    const writer = new BatchWriter(target);
    // As the sink hands a burst over: 60 messages a turn (one socket read), a turn every 2 ms, 100 turns.
    const added = new Map<string, number>();
    for (let turn = 0, n = 1; turn < 100; turn++) {
      for (let i = 0; i < 60; i++, n++) {
        writer.add(msg(n));
        added.set(msg(n).id, performance.now());
      }
      vi.advanceTimersByTime(2);
    }
    vi.advanceTimersByTime(HANDOFF_MS);
    // One hand-off a turn before (100): each cost a post to the write thread and its wake-up.
    expect(handOffs.length).toBeLessThanOrEqual(200 / HANDOFF_MS + 1);
    for (let i = 1; i < handOffs.length; i++) expect(handOffs[i]!.at - handOffs[i - 1]!.at).toBeGreaterThanOrEqual(HANDOFF_MS);
    expect(handOffs.flatMap((h) => h.ids)).toEqual([...added.keys()]);
    // None waits more than HANDOFF_MS past its turn.
    for (const h of handOffs) for (const id of h.ids) expect(h.at - added.get(id)!).toBeLessThanOrEqual(HANDOFF_MS);
    expect(count(store)).toBe(6000);
    store.close();
  } finally {
    vi.useRealTimers();
  }
});

it('a message after a quiet spell is handed off in its own turn, not HANDOFF_MS later', async () => {
  const store = new MessageStore(':memory:');
  const writer = new BatchWriter(store);
  writer.add(msg(1));
  await nextTick();
  await new Promise((r) => setTimeout(r, HANDOFF_MS + 5));
  writer.add(msg(2));
  await nextTick();
  expect(count(store)).toBe(2);
  store.close();
});

it('a resume-point write in a burst waits for the next hand-off instead of making one: still at most one per HANDOFF_MS, and told only once its messages are committed', () => {
  // The resume point's debounced write (every 250 ms) asked for a hand-off of its own: in a loaded CI
  // run, 6 hand-offs under HANDOFF_MS apart (live-burst). On a fake clock, as that test's burst on a slow machine.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
  try {
    const store = new MessageStore(':memory:');
    const handOffs: number[] = [];
    const target = { has: store.has.bind(store), get: store.get.bind(store), update: store.update.bind(store), list: store.list.bind(store), addMany: (ms: readonly ChatMessage[]) => (handOffs.push(performance.now()), store.addMany(ms)) };
    const writer = new BatchWriter(target);
    const told: Array<{ queuedBefore: number; stored: number }> = [];
    let n = 1;
    for (let turn = 0; turn < 100; turn++) {
      for (let i = 0; i < 20; i++, n++) writer.add(msg(n));
      // Every third turn the resume point asks to be written once what was received so far is committed.
      if (turn % 3 === 0) {
        const queuedBefore = n - 1;
        writer.afterCommit(() => told.push({ queuedBefore, stored: count(store) }));
      }
      vi.advanceTimersByTime(3);
    }
    vi.advanceTimersByTime(HANDOFF_MS);
    for (let i = 1; i < handOffs.length; i++) expect(handOffs[i]! - handOffs[i - 1]!, `hand-off ${i}`).toBeGreaterThanOrEqual(HANDOFF_MS);
    expect(told).toHaveLength(34);
    for (const t of told) expect(t.stored).toBeGreaterThanOrEqual(t.queuedBefore);
    expect(count(store)).toBe(2000);
    store.close();
  } finally {
    vi.useRealTimers();
  }
});

it('a timer that fires early (Node times it from the loop clock read at the start of a long turn) does not hand off before HANDOFF_MS', () => {
  // live-burst in CI: hand-offs 12 -> 20 ms, 55 -> 64, 235 -> 244 apart by the event loop's own timers.
  // Here setTimeout runs on a fake clock that is 2 ms ahead of performance.now().
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate'] });
  let now = 1000;
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
  try {
    const store = new MessageStore(':memory:');
    const handOffs: number[] = [];
    const target = { has: store.has.bind(store), get: store.get.bind(store), update: store.update.bind(store), list: store.list.bind(store), addMany: (ms: readonly ChatMessage[]) => (handOffs.push(now), store.addMany(ms)) };
    const writer = new BatchWriter(target);
    writer.add(msg(1));
    vi.advanceTimersByTime(0); // its turn's hand-off (an immediate)
    expect(handOffs).toEqual([1000]);
    writer.add(msg(2)); // less than HANDOFF_MS later: a timer
    now += HANDOFF_MS - 2;
    vi.advanceTimersByTime(HANDOFF_MS); // the timer fires; performance.now() says 8 ms
    expect(handOffs, 'handed off 8 ms after the last').toEqual([1000]);
    now += 2;
    vi.advanceTimersByTime(2);
    expect(handOffs).toEqual([1000, 1000 + HANDOFF_MS]);
    expect(count(store)).toBe(2);
    store.close();
  } finally {
    clock.mockRestore();
    vi.useRealTimers();
  }
});
