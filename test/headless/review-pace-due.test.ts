// A notice falling due just as a new slice of a burst waits to be flushed: the slice must be counted
// (and go with a notice), not sent one by one. In headless mode the message sink emits a slice from a
// setImmediate (check phase); the frames' own setImmediate then runs in the next loop iteration, after
// the timers phase, where an expired pace timer flushes first. The panel was sent each message of
// that slice while every other part of the burst came as notices (panel-flow's reads-along test
// failed this way on a loaded machine: 100 messages one by one).
import { afterEach, expect, it, vi } from 'vitest';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { EventFrames } from '../../electron/core/live/event-frames.js';
import { PACE_BURST, PACE_QUIET_MS } from '../../electron/core/live/panel-pace.js';
import { chatMessage } from '../helpers/store-fixtures.js';
import { accountedFor } from './live-accounting.js';
import type { EventFrame, ServerFrame } from '../../shared/ws-protocol.js';

afterEach(() => void vi.useRealTimers());

let n = 0;
const BASE = 600000000000000000n;

function panel() {
  const bus = new EventBus(new Redactor());
  const frames = new EventFrames(bus);
  const events: EventFrame[] = [];
  frames.add({
    sendText: (text) => {
      const f = JSON.parse(text) as ServerFrame;
      events.push(...(f.type === 'batch' ? f.frames : f.type === 'event' ? [f] : []));
    },
  });
  const ids: string[] = [];
  const emit = (k: number) => {
    for (let i = 0; i < k; i++) {
      const m = chatMessage(++n, {}, BASE);
      ids.push(m.id);
      bus.emit('message.created', m);
    }
  };
  const one = () => events.filter((e) => e.event === 'message.created').length;
  const notices = () => events.filter((e) => e.event === 'message.skipped').length;
  return { frames, events, ids, emit, one, notices };
}

it('fake clock: a slice queued when the pace timer fires is counted, not sent one by one', () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
  const p = panel();
  p.emit(PACE_BURST + 8);
  vi.advanceTimersByTime(0);
  // Made before the pace timer that the first notice sets: at the same instant it runs first.
  setTimeout(() => p.emit(50), 2 * PACE_QUIET_MS);
  vi.advanceTimersByTime(PACE_QUIET_MS);
  expect(p.notices()).toBe(1);
  vi.advanceTimersByTime(PACE_QUIET_MS);
  vi.advanceTimersByTime(10 * PACE_QUIET_MS);
  expect(p.one(), 'messages of the burst sent one by one').toBe(0);
  accountedFor(p.events, p.ids);
  p.frames.close();
});

it('real event loop: a slice emitted from a setImmediate while the loop is busy past the quiet time is counted, not sent one by one', async () => {
  const p = panel();
  p.emit(PACE_BURST + 8);
  const deadline = Date.now() + 5000;
  while (!p.notices() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  expect(p.notices()).toBe(1);
  // As MessageSink.nextSlice does: a slice from a setImmediate, then discord.js keeps the loop busy.
  await new Promise<void>((resolve) =>
    setImmediate(() => {
      p.emit(50);
      const busy = performance.now() + 2 * PACE_QUIET_MS;
      while (performance.now() < busy);
      resolve();
    }),
  );
  const until = Date.now() + 5000;
  while (p.ids.length !== accountedCount(p.events) && Date.now() < until) await new Promise((r) => setTimeout(r, 1));
  expect(p.one(), 'messages of the burst sent one by one').toBe(0);
  accountedFor(p.events, p.ids);
  p.frames.close();
});

function accountedCount(events: EventFrame[]): number {
  let k = 0;
  for (const e of events) k += e.event === 'message.created' ? 1 : e.event === 'message.skipped' ? (e.payload as { count: number }).count : 0;
  return k;
}
