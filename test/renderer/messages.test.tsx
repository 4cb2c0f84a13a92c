import './setup';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi } from './fake-api';
import { atTheEnd } from './list-at-end';
import { makeMessage } from './fixtures';
import { emit, renderApp } from './render';

async function appWith(messages = [makeMessage()]) {
  const fake = new FakeApi();
  fake.messages = messages;
  const view = renderApp(fake);
  const list = await screen.findByTestId('message-list');
  if (messages.length) await within(list).findAllByTestId('message');
  return { ...view, list };
}

const messageEl = (id: string) => document.querySelector<HTMLElement>(`[data-testid="message"][data-message-id="${id}"]`);

describe('live messages', () => {
  it('loads the last 200 messages, oldest first', async () => {
    const a = makeMessage({ content: 'first' });
    const b = makeMessage({ content: 'second' });
    const { fake, list } = await appWith([a, b]);
    expect(fake.argsOf('messages.list')).toEqual([{ limit: 200 }]);
    const ids = within(list).getAllByTestId('message').map((el) => el.dataset.messageId);
    expect(ids).toEqual([a.id, b.id]);
  });

  it('shows author, avatar fallback, time and content', async () => {
    const m = makeMessage({ content: 'hello', author: { id: '7', username: 'bob', displayName: 'Bob', avatarUrl: null, bot: true } });
    await appWith([m]);
    const el = within(messageEl(m.id)!);
    expect(el.getByText('Bob')).toBeTruthy();
    expect(el.getByText('BOT')).toBeTruthy();
    expect(el.getByRole('img', { name: 'Avatar of Bob' }).textContent).toBe('B');
    expect(el.getByText('hello')).toBeTruthy();
    expect(messageEl(m.id)!.querySelector('time')?.getAttribute('datetime')).toBe(new Date(m.createdAt).toISOString());
  });

  it('uses the avatar picture when there is one', async () => {
    const m = makeMessage({ author: { id: '7', username: 'bob', displayName: 'Bob', avatarUrl: 'https://cdn.example/a.png', bot: false } });
    await appWith([m]);
    const img = within(messageEl(m.id)!).getByRole('img', { name: 'Avatar of Bob' });
    expect(img.tagName).toBe('IMG');
    expect(img.getAttribute('src')).toBe('https://cdn.example/a.png');
  });

  it('renders raw HTML as text, never as elements', async () => {
    const m = makeMessage({ content: '<img src=x onerror=alert(1)>' });
    await appWith([m]);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(within(messageEl(m.id)!).getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });

  it('renders inline HTML inside a sentence as text too', async () => {
    const m = makeMessage({ content: 'look <b onclick="x()">here</b> and <script>alert(1)</script>' });
    await appWith([m]);
    const el = messageEl(m.id)!;
    expect(el.querySelector('b, script')).toBeNull();
    expect(el.textContent).toContain('look <b onclick="x()">here</b> and <script>alert(1)</script>');
  });

  it('renders Markdown: **bold** as <strong>, links open outside', async () => {
    const m = makeMessage({ content: 'this is **bold** and https://example.com' });
    await appWith([m]);
    const el = messageEl(m.id)!;
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    const link = within(el).getByRole('link', { name: 'https://example.com' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('does not make javascript: links clickable', async () => {
    const m = makeMessage({ content: '[click](javascript:alert(1))' });
    await appWith([m]);
    const anchor = within(messageEl(m.id)!).getByText('click').closest('a')!;
    expect(anchor.getAttribute('href') ?? '').not.toMatch(/javascript/i);
  });

  it('hides ||spoilers|| until clicked', async () => {
    const m = makeMessage({ content: 'the killer is ||the butler|| of course' });
    const { user } = await appWith([m]);
    const spoiler = within(messageEl(m.id)!).getByRole('button', { name: 'Spoiler, press to reveal' });
    expect(spoiler.textContent).toBe('the butler');
    expect(spoiler.querySelector('[aria-hidden="true"]')).not.toBeNull();
    await user.click(spoiler);
    expect(within(messageEl(m.id)!).queryByRole('button', { name: 'Spoiler, press to reveal' })).toBeNull();
    expect(messageEl(m.id)!.querySelector('.spoiler--revealed')?.textContent).toBe('the butler');
  });

  it('appends created messages and counts them in the footer', async () => {
    const { fake, list } = await appWith([]);
    expect(screen.getByTestId('footer').textContent).toContain('0 messages received this session');
    const m = makeMessage({ content: 'live one' });
    await emit(fake, 'message.created', m);
    expect(within(list).getByText('live one')).toBeTruthy();
    expect(screen.getByTestId('footer').textContent).toContain('1 message received this session');
    // A duplicate (e.g. the same message caught up again) is not counted twice.
    await emit(fake, 'message.created', m);
    expect(within(list).getAllByTestId('message')).toHaveLength(1);
    expect(screen.getByTestId('footer').textContent).toContain('1 message received this session');
  });

  it('marks edited and deleted messages', async () => {
    const m = makeMessage({ content: 'typo' });
    const { fake } = await appWith([m]);
    await emit(fake, 'message.updated', { ...m, content: 'fixed', editedAt: m.createdAt + 5000 });
    expect(within(messageEl(m.id)!).getByText('fixed')).toBeTruthy();
    expect(within(messageEl(m.id)!).getByText('(edited)')).toBeTruthy();

    await emit(fake, 'message.deleted', { id: m.id, channelId: m.channelId });
    const el = messageEl(m.id)!;
    expect(el.classList.contains('message--deleted')).toBe(true);
    expect(within(el).getByText('(deleted)')).toBeTruthy();
    expect(within(el).getByText('fixed')).toBeTruthy();
  });

  it('tags caught-up messages', async () => {
    const m = makeMessage({ caughtUp: true });
    await appWith([m]);
    expect(within(messageEl(m.id)!).getByText('caught up')).toBeTruthy();
  });

  it('lists attachments with human sizes and lazy image thumbnails', async () => {
    const m = makeMessage({
      attachments: [
        { id: 'a1', name: 'photo.png', url: 'https://cdn.example/photo.png', size: 1_572_864, contentType: 'image/png', width: 1600, height: 1200 },
        { id: 'a2', name: 'notes.txt', url: 'https://cdn.example/notes.txt', size: 512, contentType: 'text/plain', width: null, height: null },
      ],
    });
    await appWith([m]);
    const el = within(messageEl(m.id)!);
    expect(el.getByRole('link', { name: 'notes.txt' }).getAttribute('href')).toBe('https://cdn.example/notes.txt');
    expect(el.getByText('512 B')).toBeTruthy();
    expect(el.getByText('1.5 MB')).toBeTruthy();
    const thumb = el.getByRole('img', { name: 'photo.png' });
    expect(thumb.getAttribute('loading')).toBe('lazy');
    expect([thumb.getAttribute('width'), thumb.getAttribute('height')]).toEqual(['320', '240']);
    expect(el.queryByRole('img', { name: 'notes.txt' })).toBeNull();
  });

  it('keeps the DOM bounded with a long history', async () => {
    const many = Array.from({ length: 200 }, (_, i) => makeMessage({ content: `m${i}` }));
    const { list } = await appWith(many);
    const rendered = within(list).getAllByTestId('message');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(40);
    expect(list.getAttribute('role')).toBe('feed');
  });

  it('offers an "N new messages" pill when scrolled up, and jumps back', async () => {
    const many = Array.from({ length: 50 }, () => makeMessage());
    const { fake, list, user } = await appWith(many);
    // jsdom has no layout: describe a 3000 px history scrolled to its top.
    Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 3000 });
    list.scrollTop = 0;
    fireEvent.scroll(list);

    await emit(fake, 'message.created', makeMessage());
    await emit(fake, 'message.created', makeMessage());
    const pill = screen.getByRole('button', { name: /2 new messages/ });

    await user.click(pill);
    expect(screen.queryByRole('button', { name: /new message/ })).toBeNull();
    expect(list.scrollTop).toBeGreaterThan(0);
  });

  it('a wheel turned up while following lets go at once: a render before its scroll event does not pull the reader back', async () => {
    const { fake, list } = await appWith(Array.from({ length: 50 }, () => makeMessage()));
    atTheEnd(list);
    // Chromium has scrolled on its compositor; the page gets the scroll event a frame later, after a burst's render.
    fireEvent.wheel(list, { deltaY: -1500 });
    list.scrollTop = 900;
    await emit(fake, 'message.created', makeMessage());
    expect(list.scrollTop).toBe(900);
    fireEvent.scroll(list);
    await emit(fake, 'message.created', makeMessage());
    expect(list.scrollTop).toBe(900);
    expect(screen.getByRole('button', { name: /2 new messages/ })).toBeTruthy();
  });

  it('a small wheel turn that stays near the end keeps following', async () => {
    const { fake, list } = await appWith(Array.from({ length: 50 }, () => makeMessage()));
    atTheEnd(list);
    fireEvent.wheel(list, { deltaY: -20 });
    list.scrollTop = 2380;
    fireEvent.scroll(list);
    await emit(fake, 'message.created', makeMessage());
    expect(screen.queryByRole('button', { name: /new message/ })).toBeNull();
    expect(list.scrollTop).toBe(3000);
  });

  it('shows no pill for messages arriving while at the bottom', async () => {
    const { fake, list } = await appWith([makeMessage()]);
    Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 3000 });
    list.scrollTop = 3000 - 600;
    fireEvent.scroll(list);
    await emit(fake, 'message.created', makeMessage());
    expect(screen.queryByRole('button', { name: /new message/ })).toBeNull();
  });

  it('says so when there are no messages yet', async () => {
    await appWith([]);
    // The first page loads asynchronously: the placeholder comes once it has (and only then).
    expect(await screen.findByText('No messages yet. New messages in the channel will appear here.')).toBeTruthy();
  });
});
