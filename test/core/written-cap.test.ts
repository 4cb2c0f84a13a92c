// A read waits for the write thread's commit (MessageSink.written) without blocking the event loop, but not
// forever: a thread that never answers (a hung disk) holds a page, a search or an export 10 s at most, then
// the read sees what is committed. Here the store's commit notice never comes.
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, expect, it, vi } from 'vitest';
import { storePerTest } from '../helpers/store-fixtures.js';
import { MessageSink } from '../../electron/core/bot/message-sink.js';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { LastSeen } from '../../electron/core/messages/last-seen.js';

const { dir, store } = storePerTest('dm-written-cap-');
afterEach(() => vi.useRealTimers());

it('a read waits 10 s at most for a write thread that never answers', async () => {
  const sink = new MessageSink({ store: store(), lastSeen: new LastSeen(join(dir(), 'last-seen.json'), 60_000), bus: new EventBus(new Redactor()), logger: pino({ level: 'silent' }) });
  // Hung: the commit is never confirmed.
  store().afterCommit = () => undefined;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  let answered = false;
  const read = sink.written().then(() => (answered = true));
  await vi.advanceTimersByTimeAsync(9_900);
  expect(answered, 'gave up before 10 s').toBe(false);
  await vi.advanceTimersByTimeAsync(200);
  await read;
  expect(answered).toBe(true);
});

it('a read goes on as soon as the commit is confirmed', async () => {
  const sink = new MessageSink({ store: store(), lastSeen: new LastSeen(join(dir(), 'last-seen.json'), 60_000), bus: new EventBus(new Redactor()), logger: pino({ level: 'silent' }) });
  let confirm!: () => void;
  store().afterCommit = (then) => void (confirm = then);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  let answered = false;
  const read = sink.written().then(() => (answered = true));
  await vi.advanceTimersByTimeAsync(100);
  expect(answered).toBe(false);
  confirm();
  await read;
  expect(answered).toBe(true);
  // Its 10 s timer is gone with it.
  expect(vi.getTimerCount()).toBe(0);
});
