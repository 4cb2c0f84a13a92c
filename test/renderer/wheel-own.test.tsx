// The wheel turn that takes a following reader up is scrolled by the page itself (MessageList.tsx).
// Chromium scrolls a wheel on its compositor before the page's main thread has seen it; a render that ran in
// between (a burst's notice while the main thread was busy) wrote the list's scroll position (the pin to
// the end, or the virtualiser keeping a row in place), and Blink drops a compositor scroll that a script's
// scroll write overtakes: the reader's turn was lost and they stayed at the end (live-follow's wheel test,
// about one run in six under a loaded CI machine). The first turn up while following is now taken by a
// non-passive listener: the compositor waits for the page, the page lets go and scrolls the list there
// before any other script can run. Later turns (not following) scroll natively, smooth and unblocked.
import './setup';
import { act, createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Profiler } from 'react';
import { App } from '../../renderer/src/App';
import { createI18n } from '../../renderer/src/i18n';
import { FakeApi } from './fake-api';
import { expect, it } from 'vitest';
import { followingList } from './list-at-end';
import { makeMessage } from './fixtures';
import { emit } from './render';
import { nextFrame } from '../../renderer/src/lib/frame';

/** Dispatches a wheel event on the list; true when the page took it (its default action prevented). */
function wheel(list: HTMLElement, init: WheelEventInit): boolean {
  const event = createEvent.wheel(list, { cancelable: true, bubbles: true, ...init });
  fireEvent(list, event);
  return event.defaultPrevented;
}

it('the first wheel turn up while following is the page’s own: the list is there before any other script runs', async () => {
  const { fake, list } = await followingList();
  expect(wheel(list, { deltaY: -1500 }), 'left to the compositor').toBe(true);
  // At once, in the event itself: no frame, no scroll event yet.
  expect(list.scrollTop).toBe(900);
  // A burst's render before the scroll event does not pull the reader back, and counts what came.
  await emit(fake, 'message.created', makeMessage());
  expect(list.scrollTop).toBe(900);
  fireEvent.scroll(list);
  expect(screen.getByRole('button', { name: /1 new message/ })).toBeTruthy();
});

it('a turn in lines (deltaMode 1) or pages (2) moves as far as the browser would', async () => {
  let { list } = await followingList();
  expect(wheel(list, { deltaY: -3, deltaMode: 1 })).toBe(true);
  expect(list.scrollTop).toBe(2400 - 3 * 40);
  document.body.innerHTML = '';
  ({ list } = await followingList());
  expect(wheel(list, { deltaY: -1, deltaMode: 2 })).toBe(true);
  expect(list.scrollTop).toBe(2400 - 600);
});

it('later turns, a turn down, a ctrl-wheel (zoom) and a turn at the very top scroll natively', async () => {
  const { list } = await followingList();
  expect(wheel(list, { deltaY: 100 }), 'a turn down').toBe(false);
  expect(wheel(list, { deltaY: -100, ctrlKey: true }), 'a ctrl-wheel').toBe(false);
  expect(wheel(list, { deltaY: -100 }), 'the first turn up').toBe(true);
  expect(wheel(list, { deltaY: -100 }), 'the next turn, no longer following').toBe(false);
  expect(list.scrollTop).toBe(2300);
  list.scrollTop = 2400;
  fireEvent.scroll(list);
  list.scrollTop = 0;
  expect(wheel(list, { deltaY: -100 }), 'at the top, nothing to scroll').toBe(false);
});

it('holds a non-passive wheel listener on the list only while following (each gesture’s first wheel event waits for the page)', async () => {
  const added: string[] = [];
  const removed: string[] = [];
  const add = HTMLElement.prototype.addEventListener;
  const remove = HTMLElement.prototype.removeEventListener;
  const spyAdd = function (this: HTMLElement, type: string, l: EventListenerOrEventListenerObject, o?: boolean | AddEventListenerOptions) {
    if (type === 'wheel' && this.dataset.testid === 'message-list' && typeof o === 'object' && o.passive === false) added.push(type);
    return add.call(this, type, l, o);
  };
  const spyRemove = function (this: HTMLElement, type: string, l: EventListenerOrEventListenerObject, o?: boolean | EventListenerOptions) {
    if (type === 'wheel' && this.dataset.testid === 'message-list') removed.push(type);
    return remove.call(this, type, l, o);
  };
  HTMLElement.prototype.addEventListener = spyAdd;
  HTMLElement.prototype.removeEventListener = spyRemove;
  try {
    const { list } = await followingList();
    expect(added).toHaveLength(1);
    expect(wheel(list, { deltaY: -1500 })).toBe(true);
    await waitFor(() => expect(removed).toHaveLength(1));
    list.scrollTop = 2400;
    fireEvent.scroll(list);
    await waitFor(() => expect(added).toHaveLength(2));
  } finally {
    HTMLElement.prototype.addEventListener = add;
    HTMLElement.prototype.removeEventListener = remove;
  }
});

it('a live change is on screen when the task that received it ends: a wheel turn right after acts on that view, not on one React has yet to replace', async () => {
  // live-follow's wheel test, one round in 40 under load: a burst's skipped notice (the window restarts at the
  // newest while following) arrived, React left its render for a later task, the wheel turn came in between
  // and let go on the old window; then the notice was applied as if still following (updates apply in their
  // order), the rows the reader scrolled to were gone and the list fell to its end: the turn was lost.
  const { fake, list } = await followingList();
  const ids = (root: HTMLElement) => within(root).getAllByTestId('message').map((row) => row.dataset.messageId);
  const skipped = Array.from({ length: 5000 }, () => makeMessage());
  // As the socket delivers it: no act, no frame, no await.
  const restore = silenceActWarnings();
  try {
    fake.emit('message.skipped', { count: skipped.length, firstId: skipped[0]!.id, lastId: skipped.at(-1)!.id, newest: skipped.slice(-100) });
    // Its microtasks run (the task's changes render together), no other task.
    await Promise.resolve();
    // (jsdom lays nothing out: which of them are on screen is the virtualiser's guess; that they are is the point.)
    const newest = new Set(skipped.slice(-100).map((m) => m.id));
    expect(ids(list).every((id) => newest.has(id!)), 'the notice is not on screen when its task ends').toBe(true);
    // The reader's turn, in the next task: from the end of the window they see.
    list.scrollTop = 2400;
    expect(wheel(list, { deltaY: -1500 })).toBe(true);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    // What they already had in view is not counted as new (on the old window, the turn let go before the
    // notice's 5,000 were counted: the pill claimed them all, over a window React then replaced).
    expect(screen.queryByRole('button', { name: /new message/ }), 'seen messages counted as new').toBeNull();
    // They let go: the next message is counted, not followed.
    await emit(fake, 'message.created', makeMessage());
    fireEvent.scroll(list);
    expect(screen.getByRole('button', { name: /1 new message/ })).toBeTruthy();
  } finally {
    restore();
  }
});

it('a frame’s batch of live messages is on screen when that frame’s callback ends, before any other task', async () => {
  const { fake, list } = await followingList();
  const restore = silenceActWarnings();
  try {
    const message = makeMessage();
    fake.emit('message.created', message);
    // Frame callbacks run in order: this one after the batch's, and its continuation before the next task.
    await nextFrame();
    expect(within(list).queryAllByTestId('message').map((row) => row.dataset.messageId), 'the batch waits for a task of React’s').toContain(message.id);
  } finally {
    restore();
  }
});

/** React warns about updates outside act(); here that is the point (a socket's task, as in the browser). */
function silenceActWarnings(): () => void {
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('not wrapped in act')) return;
    error(...args);
  };
  return () => void (console.error = error);
}

it('the live changes of one task (a bulk deletion: a hundred events in one frame) render once, not once each', async () => {
  const messages = Array.from({ length: 100 }, () => makeMessage());
  const fake = new FakeApi();
  fake.messages = messages;
  let commits = 0;
  render(
    <Profiler id="app" onRender={() => void commits++}>
      <App api={fake.api} i18n={createI18n('en')} transport={null} />
    </Profiler>,
  );
  const list = await screen.findByTestId('message-list');
  await within(list).findAllByTestId('message');
  const restore = silenceActWarnings();
  try {
    await new Promise((r) => setTimeout(r, 50));
    commits = 0;
    for (const m of messages) fake.emit('message.deleted', { id: m.id, channelId: m.channelId });
    await Promise.resolve();
    expect(commits).toBe(1);
  } finally {
    restore();
  }
});
