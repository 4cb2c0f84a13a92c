// Waiting on the fake: resolves once a predicate holds, re-checked on every state change and by a light poll.
import type { EventEmitter } from 'node:events';

/** Resolves once predicate() is true; re-checked on every `change` event of `changes` and every 20 ms. */
export function waitForChange(changes: EventEmitter, predicate: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let lastError: unknown;
    const check = () => {
      try {
        if (predicate()) finish();
      } catch (err) {
        lastError = err; // e.g. a cache not filled yet: keep waiting, report it on timeout
      }
    };
    const finish = (err?: Error) => {
      clearTimeout(timer);
      // Client-side caches change without the fake hearing about it, hence the light poll too.
      clearInterval(poll);
      changes.off('change', check);
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(() => {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      finish(new Error(`fake-discord waitFor timed out after ${timeoutMs} ms: ${predicate.toString()}${why}`));
    }, timeoutMs);
    const poll = setInterval(check, 20);
    changes.on('change', check);
    check();
  });
}
