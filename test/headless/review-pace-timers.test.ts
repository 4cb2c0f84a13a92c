// Pace timers (panel-pace.ts) end with the panel: a panel closed mid-burst, or the whole bridge closed
// (EventFrames.close), leaves no timer that would flush later or hold the process; a panel behind with a
// due notice is not polled (no timer spins while it does not read).
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { EventFrames } from '../../electron/core/live/event-frames.js';
import { PACE_BURST, PACE_INTERVAL_MS, PACE_QUIET_MS } from '../../electron/core/live/panel-pace.js';
import { chatMessage } from '../helpers/store-fixtures.js';

beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] }));
afterEach(() => void vi.useRealTimers());

let n = 0;
function bridge() {
  const bus = new EventBus(new Redactor());
  const frames = new EventFrames(bus);
  const emit = (k: number) => {
    for (let i = 0; i < k; i++) bus.emit('message.created', chatMessage(++n, {}, 700000000000000000n));
  };
  const sink = (behind = () => false) => {
    const sent: string[] = [];
    return { sent, sink: { sendText: (t: string) => void sent.push(t), behind } };
  };
  return { frames, emit, sink };
}

it('a panel closed mid-burst leaves no pace timer and is sent nothing more', () => {
  const b = bridge();
  const a = b.sink();
  const other = b.sink();
  const off = b.frames.add(a.sink);
  const offOther = b.frames.add(other.sink);
  b.emit(PACE_BURST + 1);
  vi.advanceTimersByTime(0);
  expect(vi.getTimerCount()).toBe(2);
  off();
  expect(vi.getTimerCount()).toBe(1);
  const before = a.sent.length;
  vi.advanceTimersByTime(10 * PACE_INTERVAL_MS);
  expect(a.sent.length).toBe(before);
  expect(other.sent.some((t) => t.includes('message.skipped'))).toBe(true);
  offOther();
  expect(vi.getTimerCount()).toBe(0);
});

it('EventFrames.close() mid-burst clears every pace timer and the pending flush', () => {
  const b = bridge();
  const a = b.sink();
  b.frames.add(a.sink);
  b.frames.add(b.sink().sink);
  b.emit(PACE_BURST + 1);
  vi.advanceTimersByTime(0);
  b.emit(5);
  expect(vi.getTimerCount()).toBeGreaterThan(0);
  b.frames.close();
  expect(vi.getTimerCount()).toBe(0);
  const before = a.sent.length;
  b.emit(PACE_BURST + 1);
  vi.advanceTimersByTime(10 * PACE_INTERVAL_MS);
  expect(a.sent.length).toBe(before);
  expect(vi.getTimerCount()).toBe(0);
});

it('a paced panel behind with a due notice is not polled: no timer while it does not read, the notice once it does', () => {
  const b = bridge();
  let behind = true;
  const a = b.sink(() => behind);
  b.frames.add(a.sink);
  b.emit(PACE_BURST + 1);
  vi.advanceTimersByTime(PACE_QUIET_MS);
  expect(vi.getTimerCount()).toBe(0);
  // More of the burst while it does not read: counted, still no timer.
  b.emit(PACE_BURST);
  vi.advanceTimersByTime(10 * PACE_INTERVAL_MS);
  expect(vi.getTimerCount()).toBe(0);
  expect(a.sent.some((t) => t.includes('message.skipped'))).toBe(false);
  behind = false;
  b.frames.drained(a.sink);
  expect(a.sent.filter((t) => t.includes('message.skipped'))).toHaveLength(1);
  expect(a.sent.at(-1)).toContain(`"count":${2 * PACE_BURST + 1}`);
  // Nothing new: the burst ends at the next due time and no timer is left.
  vi.advanceTimersByTime(PACE_INTERVAL_MS);
  expect(vi.getTimerCount()).toBe(0);
  b.frames.close();
});
