// How often live messages reach the view: every frame while they trickle in, ten times a second
// during a burst (each render remounts every visible row), and the burst's end without waiting.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BURST_BATCH, BURST_END_QUIET_MS, BURST_INTERVAL_MS, LiveBatches } from '../../renderer/src/lib/live-batches';

const FRAME_MS = 16;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame', 'Date'] });
});
afterEach(() => vi.useRealTimers());

function batches() {
  const applied: Array<{ at: number; size: number; last: number }> = [];
  const live = new LiveBatches<number>((batch) => applied.push({ at: Date.now(), size: batch.length, last: batch.at(-1)! }), () => Date.now());
  return { live, applied };
}

/** `perTick` messages every `everyMs` for `forMs`, like a panel socket's frames during a burst. */
function stream(live: LiveBatches<number>, perTick: number, everyMs: number, forMs: number): number {
  let n = 0;
  for (let t = 0; t < forMs; t += everyMs) {
    for (let i = 0; i < perTick; i++) live.push(n++);
    vi.advanceTimersByTime(everyMs);
  }
  return n;
}

describe('live batches', () => {
  it('applies a lone message on the next frame', () => {
    const { live, applied } = batches();
    const start = Date.now();
    live.push(1);
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(FRAME_MS);
    expect(applied).toEqual([{ at: start + FRAME_MS, size: 1, last: 1 }]);
  });

  it('applies a trickle every frame it arrives in', () => {
    const { live, applied } = batches();
    const sent = stream(live, 3, FRAME_MS, 20 * FRAME_MS);
    vi.advanceTimersByTime(FRAME_MS);
    expect(applied.length).toBe(20);
    expect(applied.reduce((n, b) => n + b.size, 0)).toBe(sent);
  });

  it('applies a sustained burst at most once per interval, not every frame', () => {
    const { live, applied } = batches();
    // 250 messages every 12 ms for a second: about 20,000 a second, as a 10,000-message burst arrives.
    const sent = stream(live, 250, 12, 1000);
    vi.advanceTimersByTime(3 * FRAME_MS);
    expect(applied.reduce((n, b) => n + b.size, 0)).toBe(sent);
    // Every frame would be ~62 renders; once per interval, ~10 plus the first and the end.
    expect(applied.length).toBeLessThanOrEqual(1000 / BURST_INTERVAL_MS + 3);
    expect(applied.length).toBeGreaterThanOrEqual(1000 / BURST_INTERVAL_MS - 1);
    for (let i = 2; i < applied.length - 1; i++) expect(applied[i]!.at - applied[i - 1]!.at).toBeGreaterThanOrEqual(BURST_INTERVAL_MS);
  });

  it('keeps a burst limited when its messages come in clumps further apart than a frame (a slow turn of the app)', () => {
    const { live, applied } = batches();
    // 400 every 45 ms (~8,900 a second): most frames bring nothing, the burst goes on.
    const sent = stream(live, 400, 45, 1000);
    vi.advanceTimersByTime(BURST_END_QUIET_MS + 2 * FRAME_MS);
    expect(applied.reduce((n, b) => n + b.size, 0)).toBe(sent);
    expect(applied.length).toBeLessThanOrEqual(1000 / BURST_INTERVAL_MS + 3);
  });

  it('an edit applied mid-burst (flush) does not end the burst: the next batch still waits', () => {
    const { live, applied } = batches();
    stream(live, 250, 12, 300);
    for (let i = 0; i < 250; i++) live.push(i);
    live.flush();
    const before = applied.length;
    stream(live, 250, 12, 48);
    // The 4 clumps after it wait for the interval (every frame would be 3 renders).
    expect(applied.length).toBe(before);
  });

  it("applies the burst's end once nothing came for BURST_END_QUIET_MS, not after the interval", () => {
    const { live, applied } = batches();
    for (let i = 0; i < 250; i++) live.push(i);
    vi.advanceTimersByTime(FRAME_MS);
    expect(applied).toHaveLength(1);
    // The last clump of the burst, just after that render: the interval alone would hold it ~100 ms.
    vi.advanceTimersByTime(1);
    const end = Date.now();
    for (let i = 250; i < 500; i++) live.push(i);
    vi.advanceTimersByTime(BURST_END_QUIET_MS + 2 * FRAME_MS);
    expect(applied).toHaveLength(2);
    expect(applied[1]!.last).toBe(499);
    expect(applied[1]!.at - end).toBeLessThanOrEqual(BURST_END_QUIET_MS + FRAME_MS);
  });

  it('applies small batches after a burst every frame again', () => {
    const { live, applied } = batches();
    stream(live, 250, 12, 300);
    vi.advanceTimersByTime(BURST_INTERVAL_MS);
    const before = applied.length;
    stream(live, BURST_BATCH - 1, FRAME_MS, 10 * FRAME_MS);
    vi.advanceTimersByTime(FRAME_MS);
    expect(applied.length - before).toBe(10);
  });

  it('flush applies what is pending at once; close drops the rest', () => {
    const { live, applied } = batches();
    live.push(1);
    live.push(2);
    live.flush();
    expect(applied.map((b) => b.last)).toEqual([2]);
    live.push(3);
    live.close();
    vi.advanceTimersByTime(BURST_INTERVAL_MS * 2);
    expect(applied.length).toBe(1);
  });
});
