// A panel's pace during a burst (panel-pace.ts), on a fake clock: a notice once per interval while
// messages keep coming, one at once when they pause, none while the panel is behind until it reads,
// and messages one by one again after a quiet interval. The real sockets: panel-flow.test.ts.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { BurstDetector, PACE_BURST, PACE_INTERVAL_MS, PACE_QUIET_MS, PACE_WINDOW_MS, PanelPace, type NoticeFate } from '../../electron/core/live/panel-pace.js';

beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
afterEach(() => void vi.useRealTimers());

/**
 * A paced panel as EventFrames drives it: new messages are counted while it holds (a run), a flush that
 * does not hold sends the run's notice; each wake is a flush with nothing new. Wakes recorded (fake ms).
 */
function panel(behind = () => false) {
  let run = false;
  const wakes: number[] = [];
  const notices: number[] = [];
  const pace = new PanelPace(() => {
    wakes.push(performance.now());
    flush(false);
  });
  const flush = (came: boolean) => {
    const hold = behind() || pace.holding;
    if (came && (run || hold)) run = true;
    let fate: NoticeFate = 'none';
    if (run && hold) fate = 'held';
    else if (run) {
      fate = 'sent';
      run = false;
      notices.push(performance.now());
    }
    pace.flushed(came, fate, performance.now());
  };
  return { pace, wakes, notices, flush };
}

it('a burst is PACE_BURST new messages within one window, counted from its first', () => {
  const d = new BurstDetector();
  expect(d.add(PACE_BURST - 1, 0)).toBe(false);
  expect(d.add(1, PACE_WINDOW_MS)).toBe(true);
  // A new window starts the count again.
  expect(d.add(PACE_BURST - 1, 2 * PACE_WINDOW_MS + 1)).toBe(false);
  expect(d.add(PACE_BURST, 4 * PACE_WINDOW_MS)).toBe(true);
});

it('while messages keep coming, a notice goes once per interval; when they pause, at once', () => {
  const { pace, notices, flush } = panel();
  pace.start(0);
  // New messages every 5 ms for five intervals: never quiet for PACE_QUIET_MS.
  for (let i = 0; i < (5 * PACE_INTERVAL_MS) / 5; i++) {
    flush(true);
    vi.advanceTimersByTime(5);
  }
  expect(notices.length).toBeGreaterThanOrEqual(4);
  for (let i = 1; i < notices.length; i++) expect(notices[i]! - notices[i - 1]!).toBeGreaterThanOrEqual(PACE_INTERVAL_MS);
  flush(true);
  const last = performance.now();
  vi.advanceTimersByTime(PACE_INTERVAL_MS);
  // The pause's notice comes PACE_QUIET_MS after the last message, not at the next interval.
  expect(notices.at(-1)).toBe(last + PACE_QUIET_MS);
  // Then nothing new for PACE_QUIET_MS: the burst is over.
  expect(pace.active).toBe(false);
});

it('a notice due while the panel is behind waits for it to read; nothing new after a notice ends the burst', () => {
  let behind = true;
  const { pace, wakes, notices, flush } = panel(() => behind);
  pace.start(0);
  flush(true);
  vi.advanceTimersByTime(PACE_QUIET_MS);
  expect(wakes).toHaveLength(1);
  expect(pace.waiting).toBe(true);
  // Behind: no timer polls it (EventFrames.drained flushes once the panel has read).
  vi.advanceTimersByTime(10 * PACE_INTERVAL_MS);
  expect(wakes).toHaveLength(1);
  expect(notices).toEqual([]);
  behind = false;
  flush(false);
  expect(notices).toHaveLength(1);
  expect(pace.waiting).toBe(false);
  expect(pace.active).toBe(true);
  // Nothing new: the next due time ends the burst, and nothing is due after it.
  vi.advanceTimersByTime(PACE_QUIET_MS);
  expect(wakes).toHaveLength(2);
  expect(pace.active).toBe(false);
  vi.advanceTimersByTime(10 * PACE_INTERVAL_MS);
  expect(wakes).toHaveLength(2);
  expect(notices).toHaveLength(1);
});

it('stop() cancels a due notice', () => {
  const { pace, wakes, flush } = panel();
  pace.start(0);
  flush(true);
  pace.stop();
  vi.advanceTimersByTime(10 * PACE_INTERVAL_MS);
  expect(wakes).toEqual([]);
  expect(pace.active).toBe(false);
});
