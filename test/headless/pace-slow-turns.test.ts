// A burst on a busy machine: every event-loop turn takes longer than the pause that ends a burst
// (PACE_QUIET_MS), so the pace timer has always expired when the next turn's timers run — before that
// turn has read the socket. Each such "pause" sent the panel a notice (a render of its newest rows):
// bench/live-ingest counted 4-21 notices a 10,000-message burst instead of one per interval. A pause's
// due time that finds new messages waiting is a slow turn: they are counted, and the notice waits.
import { expect, it } from 'vitest';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { EventFrames } from '../../electron/core/live/event-frames.js';
import { PACE_INTERVAL_MS, PACE_QUIET_MS } from '../../electron/core/live/panel-pace.js';
import { chatMessage } from '../helpers/store-fixtures.js';
import { accountedFor } from './live-accounting.js';
import type { EventFrame, ServerFrame } from '../../shared/ws-protocol.js';

const BASE = 700000000000000000n;

it('slow turns are not pauses: one notice per interval while a burst goes on, at once when it pauses', async () => {
  const bus = new EventBus(new Redactor());
  const frames = new EventFrames(bus);
  const events: Array<EventFrame & { at: number }> = [];
  frames.add({
    sendText: (text) => {
      const f = JSON.parse(text) as ServerFrame;
      for (const e of f.type === 'batch' ? f.frames : f.type === 'event' ? [f] : []) events.push({ ...e, at: performance.now() });
    },
  });
  const ids: string[] = [];
  let n = 0;
  const start = performance.now();
  // As MessageSink.nextSlice does: 50 messages from a setImmediate, then the turn stays busy (discord.js
  // parsing the next read, a collection) past the quiet time.
  await new Promise<void>((resolve) => {
    const turn = () => {
      for (let i = 0; i < 50; i++) {
        const m = chatMessage(++n, {}, BASE);
        ids.push(m.id);
        bus.emit('message.created', m);
      }
      const busy = performance.now() + 2 * PACE_QUIET_MS;
      while (performance.now() < busy);
      if (performance.now() - start < 5 * PACE_INTERVAL_MS) setImmediate(turn);
      else resolve();
    };
    setImmediate(turn);
  });
  const last = performance.now();
  const elapsed = last - start;
  const deadline = Date.now() + 5000;
  while (ids.length !== counted(events) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  const notices = accountedFor(events, ids);
  // One a turn (~30 ms) before: 40 or so.
  expect(notices.length).toBeLessThanOrEqual(Math.ceil(elapsed / PACE_INTERVAL_MS) + 2);
  // ...and a reader following along still gets the newest once per interval, not only when it ends.
  const during = events.filter((e) => e.event === 'message.skipped' && e.at < last);
  expect(during.length).toBeGreaterThanOrEqual(Math.floor(elapsed / PACE_INTERVAL_MS) - 1);
  for (let i = 1; i < during.length; i++) expect(during[i]!.at - during[i - 1]!.at).toBeLessThan(2 * PACE_INTERVAL_MS);
  // The real pause at the end still brings the newest at once, not at the next interval.
  const final = events.filter((e) => e.event === 'message.skipped').at(-1)!;
  expect(final.at - last).toBeLessThan(PACE_QUIET_MS + 40);
  frames.close();
});

function counted(events: EventFrame[]): number {
  let k = 0;
  for (const e of events) k += e.event === 'message.created' ? 1 : e.event === 'message.skipped' ? (e.payload as { count: number }).count : 0;
  return k;
}
