// A finger on the list while following (a phone, a tablet): Chromium scrolls a touch drag on its compositor,
// like a wheel, and a render that pinned the list to the end in between lost the reader's drag (they were
// snapped back to the newest in a busy channel). While a finger is down the list is not pinned; lifted
// without having moved it (a tap on a link or an image), the reader follows again; dragged up, they read
// where they stopped and the pill counts what came since the finger went down.
import './setup';
import { fireEvent, screen, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { arrives, expectFollowing, followingList } from './list-at-end';

const finger = { touches: [{ clientX: 100, clientY: 300 }] };

/** A following list, a finger down on it and dragged 20 px up (within the end's margin), not lifted yet. */
async function draggedNearTheEnd() {
  const following = await followingList();
  fireEvent.touchStart(following.list, finger);
  following.list.scrollTop = 2380;
  fireEvent.scroll(following.list);
  return following;
}

it('a finger down is not pulled back to the end by a burst, even by the scroll event of an earlier pin', async () => {
  const { fake, list } = await followingList();
  fireEvent.touchStart(list, finger);
  await arrives(fake, list);
  expect(list.scrollTop, 'pinned under the finger').toBe(2380);
  // The scroll event of a pin made before the finger came down (near the end).
  fireEvent.scroll(list);
  await arrives(fake, list);
  expect(list.scrollTop).toBe(2380);
  // The drag reaches the page: up, and lifted there.
  list.scrollTop = 1200;
  fireEvent.scroll(list);
  fireEvent.touchEnd(list, { touches: [] });
  await arrives(fake, list, 1200);
  expect(list.scrollTop).toBe(1200);
  expect(screen.getByRole('button', { name: /3 new messages/ })).toBeTruthy();
});

it('a tap (the finger lifted where it came down) follows again at once', async () => {
  const { fake, list } = await followingList();
  fireEvent.touchStart(list, finger);
  await arrives(fake, list, 2400);
  fireEvent.touchEnd(list, { touches: [] });
  await expectFollowing(fake, list);
});

it('a short drag that ends near the end follows again once its scroll has ended', async () => {
  const { fake, list } = await draggedNearTheEnd();
  fireEvent.touchEnd(list, { touches: [] });
  fireEvent(list, new Event('scrollend'));
  await expectFollowing(fake, list);
});

it('without a scrollend event (a browser that has none), a drag lifted near the end follows once no scroll came for a moment', async () => {
  const { fake, list } = await draggedNearTheEnd();
  fireEvent.touchEnd(list, { touches: [] });
  await new Promise((r) => setTimeout(r, 300));
  await expectFollowing(fake, list);
});

it('a flick near the end that carries on after the lift (its momentum) is not stopped by a pin: it reads where the scroll ends', async () => {
  const { fake, list } = await draggedNearTheEnd();
  // Lifted near the end, still moving: a message arrives meanwhile.
  fireEvent.touchEnd(list, { touches: [] });
  await arrives(fake, list, 2360);
  expect(list.scrollTop, 'pinned during the momentum: the flick was stopped at the end').toBe(2360);
  // The momentum passes through the end's margin and goes on up, then ends there.
  fireEvent.scroll(list);
  list.scrollTop = 900;
  fireEvent.scroll(list);
  fireEvent(list, new Event('scrollend'));
  await arrives(fake, list, 900);
  expect(list.scrollTop).toBe(900);
  expect(screen.getByRole('button', { name: /2 new messages/ })).toBeTruthy();
});

it('a finger lifted from a row the list has since unmounted (scrolled out of its window) still ends the touch', async () => {
  const { fake, list } = await followingList();
  const row = within(list).getAllByTestId('message').at(-1)!;
  fireEvent.touchStart(row, finger);
  // The virtual list drops the row under the finger; the lift is dispatched to the row, now detached.
  row.remove();
  fireEvent.touchEnd(row, { touches: [] });
  await arrives(fake, list);
  expect(list.scrollTop, 'still let go after the finger was lifted').toBe(3000);
  expect(screen.queryByRole('button', { name: /new message/ })).toBeNull();
});

it('a new touch starts afresh even when the last lift was never seen', async () => {
  const { fake, list } = await followingList();
  const row = within(list).getAllByTestId('message').at(-1)!;
  fireEvent.touchStart(row, finger);
  // Dragged up; the lift never reached the page.
  list.scrollTop = 1200;
  fireEvent.scroll(list);
  // Later: a drag back to the end (the scroll event of the end follows again).
  fireEvent.touchStart(list, finger);
  list.scrollTop = 2400;
  fireEvent.scroll(list);
  fireEvent.touchEnd(list, { touches: [] });
  await expectFollowing(fake, list);
});
