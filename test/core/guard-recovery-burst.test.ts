// The StorageGuard's recovery after the resume point's file could not be written: once its retry has
// stored what it held, it writes the resume point (lastSeen.flush), whose beforeWrite hands the
// BatchWriter's queue over first. In a burst something is always queued there (hand-offs are
// HANDOFF_MS apart): handed to a guard still "failing", it went back into memory, the resume point was
// held back by it, and the guard never recovered while the burst went on (every message kept in
// memory and written one by one on the event loop every RETRY_MS, the fault sentence still shown).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, expect, it, vi } from 'vitest';
import { MessageSink } from '../../electron/core/bot/message-sink.js';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { LastSeen } from '../../electron/core/messages/last-seen.js';
import { CHANNEL, chatMessage as msg, storePerTest } from '../helpers/store-fixtures.js';

const { dir, store } = storePerTest('dm-guard-recovery-');
afterEach(() => vi.useRealTimers());

it('a burst going on does not keep the guard from recovering once the disk takes writes again', () => {
  // Timers and the clock the BatchWriter spaces its hand-offs by: a burst replayed exactly.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  // The resume point's folder cannot be made (a file is in the way): its writes fail, the store's do not.
  const blocker = join(dir(), 'blocker');
  writeFileSync(blocker, '');
  const file = join(blocker, 'last-seen.json');
  const lastSeen = new LastSeen(file, 60_000);
  const sink = new MessageSink({ store: store(), lastSeen, bus: new EventBus(new Redactor()), logger: pino({ level: 'silent' }) });
  let n = 0;
  const receive = () => {
    n++;
    lastSeen.advance(CHANNEL, msg(n).id);
    sink.storage.add(msg(n));
  };
  receive();
  expect(lastSeen.flush()).toBe(false); // the guard says the fault and retries every RETRY_MS
  rmSync(blocker); // the disk is fine again
  // A burst: a message every 5 ms, for 8 s.
  const tick = () => {
    receive();
    if (n < 1600) setTimeout(tick, 5);
  };
  setTimeout(tick, 5);
  vi.advanceTimersByTime(8_000);
  expect(existsSync(file)).toBe(true);
  expect(BigInt((JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)[CHANNEL]!)).toBeGreaterThan(BigInt(msg(1).id));
});
