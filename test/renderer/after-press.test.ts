// A reveal asked for while the mouse is pressed waits for the press to end (and its click), so the
// layout it changes cannot move the click's target away; with no press it runs at once.
import { expect, it } from 'vitest';
import { afterPress } from '../../renderer/src/lib/after-press';

it('runs at once without a press, after the press and its click otherwise', async () => {
  const ran: string[] = [];
  afterPress(() => ran.push('no press'));
  expect(ran).toEqual(['no press']);

  document.dispatchEvent(new Event('pointerdown'));
  afterPress(() => ran.push('during press'));
  expect(ran).toEqual(['no press']);
  document.dispatchEvent(new Event('pointerup'));
  document.dispatchEvent(new Event('click'));
  expect(ran).toEqual(['no press']);
  await new Promise((r) => setTimeout(r, 0));
  expect(ran).toEqual(['no press', 'during press']);
});
