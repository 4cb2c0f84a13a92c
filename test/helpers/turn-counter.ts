// Counts event-loop iterations (check phase), so events can be grouped by the turn they came in.
export function turnCounter(): { now(): number; stop(): void } {
  let turn = 0;
  let ticking = true;
  const tick = () => {
    turn++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turn, stop: () => (ticking = false) };
}

/** Resolves once `check()` holds (checked every turn), or rejects at the deadline. */
export function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    const poll = () => (check() ? (clearTimeout(deadline), resolve()) : setImmediate(poll));
    poll();
  });
}
