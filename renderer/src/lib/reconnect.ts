// Reconnection schedule of the browser panel, as in the original v2.3: 10 attempts,
// waiting 2 s, 3 s, 4 s… capped at 10 s, each attempt given 5 s to answer.

export const RECONNECT_ATTEMPTS = 10;
export const ATTEMPT_TIMEOUT_MS = 5000;

export function reconnectDelays(attempts = RECONNECT_ATTEMPTS, firstMs = 2000, stepMs = 1000, maxMs = 10_000): number[] {
  return Array.from({ length: attempts }, (_, i) => Math.min(firstMs + i * stepMs, maxMs));
}

export interface ReconnectOptions {
  /** Resolves when the server answers; any rejection counts as a failed attempt. */
  probe: () => Promise<unknown>;
  delays?: number[];
  timeoutMs?: number;
  /** Called before waiting for each attempt, with its 1-based number. */
  onAttempt?: (attempt: number, total: number) => void;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Runs the schedule; true as soon as one probe succeeds, false when all failed or it was aborted. */
export async function reconnect({
  probe,
  delays = reconnectDelays(),
  timeoutMs = ATTEMPT_TIMEOUT_MS,
  onAttempt,
  signal,
  sleep = abortableSleep,
}: ReconnectOptions): Promise<boolean> {
  for (const [i, delay] of delays.entries()) {
    if (signal?.aborted) return false;
    onAttempt?.(i + 1, delays.length);
    await sleep(delay, signal);
    if (signal?.aborted) return false;
    try {
      await withTimeout(probe(), timeoutMs);
      return !signal?.aborted;
    } catch {
      // Still down: wait for the next slot.
    }
  }
  return false;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
