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
