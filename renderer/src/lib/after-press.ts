// A field's error, shown when the field is left, pushes down what is below it. When the field is left
// by pressing the mouse on something else (the "Advanced" summary, a button), showing it before the
// press ends moves that target from under the pointer and the click is lost. Such reveals wait until
// the press is over (and its click delivered).
let pressed = false;
const waiting: Array<() => void> = [];

if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', () => (pressed = true), true);
  const release = () => {
    pressed = false;
    // After this task: the click that ends the press is dispatched in it.
    setTimeout(() => waiting.splice(0).forEach((fn) => fn()), 0);
  };
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);
}

/** Runs `fn` now, or once the mouse/touch press in progress has ended. */
export function afterPress(fn: () => void): void {
  if (pressed) waiting.push(fn);
  else fn();
}
