// One place that decides what "the next frame" is, so live events are applied once per frame and
// tests can wait for exactly that frame.
export function onNextFrame(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
}

export const nextFrame = (): Promise<void> => new Promise((resolve) => onNextFrame(resolve));
