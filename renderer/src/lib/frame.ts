// One place that decides what "the next frame" is, so live events are applied once per frame and
// tests can wait for exactly that frame. A hidden tab paints no frames (browsers pause
// requestAnimationFrame there), so a timer stands in: events never pile up unapplied.
const HIDDEN_TAB_FALLBACK_MS = 100;

export function onNextFrame(callback: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    callback();
  };
  const timer = setTimeout(once, typeof requestAnimationFrame === 'function' ? HIDDEN_TAB_FALLBACK_MS : 16);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
}

export const nextFrame = (): Promise<void> => new Promise((resolve) => onNextFrame(resolve));
