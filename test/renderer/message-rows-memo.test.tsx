// A row already on screen does not render again when an older page is prepended: its props do not
// depend on its place in the window (index, window size, offset), so memo keeps it.
import './setup';
import { act } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../shared/types';
import { MessageList } from '../../renderer/src/components/messages/MessageList';
import { makeMessage } from './fixtures';
import { renderWithApi } from './render';

// Counts renders of each message's row by its author (Avatar, not memoised, is drawn by every render of a row).
const renders = vi.hoisted(() => new Map<string, number>());
vi.mock('../../renderer/src/components/messages/Avatar', async (load) => {
  const real = await load<typeof import('../../renderer/src/components/messages/Avatar')>();
  return {
    Avatar: (props: Parameters<typeof real.Avatar>[0]) => {
      renders.set(props.author.id, (renders.get(props.author.id) ?? 0) + 1);
      return real.Avatar(props);
    },
  };
});

let show: (messages: ChatMessage[]) => void = () => {};
function Host({ initial }: { initial: ChatMessage[] }) {
  const [messages, setMessages] = useState(initial);
  show = setMessages;
  return <MessageList messages={messages} received={0} loaded loadError={null} configured hasOlder />;
}

describe('rows of the message list', () => {
  it('an unchanged row on screen renders once, however many older pages are prepended', async () => {
    const all = Array.from({ length: 300 }, (_, i) => makeMessage({ author: { id: `author-${i}`, username: 'a', displayName: 'A', avatarUrl: null, bot: false } }));
    const newest = all[205]!;
    const view = renderWithApi(<Host initial={all.slice(200)} />);
    await act(async () => {});
    expect(view.container.querySelector(`[data-message-id="${newest.id}"]`)).not.toBeNull();
    const before = renders.get(newest.author.id)!;
    expect(before).toBeGreaterThan(0);
    for (const from of [100, 0]) {
      await act(async () => show(all.slice(from)));
    }
    // Still on screen, with its new place in the window, and not drawn again.
    const row = view.container.querySelector(`[data-message-id="${newest.id}"]`)!;
    expect(row.getAttribute('aria-posinset')).toBe('206');
    expect(row.getAttribute('aria-setsize')).toBe('300');
    expect(renders.get(newest.author.id)).toBe(before);
  });
});
