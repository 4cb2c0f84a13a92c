// Discord's attachment links expire (`ex`, hex unix seconds: docs/reference.mdx, Signed Attachment CDN
// URLs). An image whose link has expired and fails to load asks the core once for fresh links
// (messages.refreshMedia) and tries again with them; a second failure shows the "could not load" box,
// never a third request. A link not expired, or a refusal, shows the box at once.
import './setup';
import { act, fireEvent, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ChatAttachment } from '../../shared/types';
import { MessageItem } from '../../renderer/src/components/messages/MessageItem';
import { ANSWER_KEPT_MS, REFRESHES_AT_ONCE } from '../../renderer/src/components/messages/useFreshLinks';
import { FakeApi } from './fake-api';
import { makeMessage } from './fixtures';
import { renderWithApi } from './render';

const ID = '1300000000000000201';
const hex = (ms: number) => Math.floor(ms / 1000).toString(16);
const link = (name: string, expiresAt: number) =>
  `https://cdn.discordapp.com/attachments/1/2/${name}?ex=${hex(expiresAt)}&is=${hex(expiresAt - 86_400_000)}&hm=${'a'.repeat(64)}&`;
const picture = (url: string): ChatAttachment => ({ id: '1300000000000000301', name: 'shot.png', url, size: 1234, contentType: 'image/png', width: 640, height: 480 });

function draw(attachment: ChatAttachment, fake = new FakeApi()) {
  const { container } = renderWithApi(<MessageItem message={makeMessage({ id: ID, attachments: [attachment] })} index={0} total={1} />, fake);
  const el = container.querySelector<HTMLElement>('[data-testid="message"]')!;
  return { el, img: () => el.querySelector<HTMLImageElement>('.attachment__thumb img') };
}

describe('an attachment whose link expired', () => {
  it('asks for fresh links once, tries again with them, and shows the box if that fails too', async () => {
    const stale = link('shot.png', Date.now() - 60_000);
    const fresh = link('shot.png', Date.now() + 86_400_000);
    const fake = new FakeApi();
    fake.override('messages.refreshMedia', () => ({ messageId: ID, attachments: [picture(fresh)], links: [] }));
    const { el, img } = draw(picture(stale), fake);
    fireEvent.error(img()!);
    await waitFor(() => expect(img()?.getAttribute('src')).toBe(fresh));
    expect(fake.argsOf('messages.refreshMedia')).toEqual([{ messageId: ID }]);
    // The download link follows the image.
    expect(within(el).getByRole('link', { name: /Download/ }).getAttribute('href')).toBe(fresh);

    fireEvent.error(img()!);
    const box = await within(el).findByTestId('media-failed');
    expect(within(box).getByRole('link', { name: 'shot.png' }).getAttribute('href')).toBe(fresh);
    expect(fake.argsOf('messages.refreshMedia')).toHaveLength(1);
  });

  // README: "a file whose link expired asks the core once for fresh ones". A PDF or an archive has no load to
  // fail: its name and download button kept the expired link (Discord's CDN: 404) and nothing ever asked.
  it('a file that is not a picture (no load to fail) gets fresh links for its name and download button', async () => {
    const stale = link('report.pdf', Date.now() - 60_000);
    const fresh = link('report.pdf', Date.now() + 86_400_000);
    const pdf = (url: string): ChatAttachment => ({ id: '1300000000000000302', name: 'report.pdf', url, size: 4096, contentType: 'application/pdf', width: null, height: null });
    const fake = new FakeApi();
    fake.override('messages.refreshMedia', () => ({ messageId: ID, attachments: [pdf(fresh)], links: [] }));
    const { el } = draw(pdf(stale), fake);
    await waitFor(() => expect(within(el).getByRole('link', { name: /Download/ }).getAttribute('href')).toBe(fresh));
    expect(within(el).getByRole('link', { name: 'report.pdf' }).getAttribute('href')).toBe(fresh);
    expect(fake.argsOf('messages.refreshMedia')).toEqual([{ messageId: ID }]);
  });

  it('a forward with its own expired picture: one request for the message, both pictures get fresh links', async () => {
    const [stale, fresh] = [link('shot.png', Date.now() - 60_000), link('shot.png', Date.now() + 86_400_000)];
    const inner = (url: string): ChatAttachment => ({ ...picture(url), id: '1300000000000000303', name: 'inner.png' });
    const fake = new FakeApi();
    fake.override('messages.refreshMedia', () => ({ messageId: ID, attachments: [picture(fresh), inner(fresh)], links: [] }));
    const message = makeMessage({ id: ID, attachments: [picture(stale)] });
    const forward = { content: '', attachments: [inner(stale)], embeds: [], createdAt: message.createdAt };
    const { container } = renderWithApi(<MessageItem message={{ ...message, view: { type: 0, mentions: { users: [], roles: [], channels: [], everyone: false }, embeds: [], stickers: [], reactions: [], emojis: [], mentionsOwner: false, forward } }} index={0} total={1} />, fake);
    const srcs = () => [...container.querySelectorAll<HTMLImageElement>('.attachment__thumb img')].map((i) => i.getAttribute('src'));
    for (const img of container.querySelectorAll<HTMLImageElement>('.attachment__thumb img')) fireEvent.error(img);
    await waitFor(() => expect(srcs()).toEqual([fresh, fresh]));
    expect(fake.argsOf('messages.refreshMedia')).toEqual([{ messageId: ID }]);
  });

  it('refused (the bot stopped): the box at once, and no second request', async () => {
    const fake = new FakeApi();
    const { el, img } = draw(picture(link('shot.png', Date.now() - 60_000)), fake);
    fireEvent.error(img()!);
    await within(el).findByTestId('media-failed');
    await waitFor(() => expect(fake.argsOf('messages.refreshMedia')).toHaveLength(1));
    expect(img()).toBeNull();
  });

  it('a link not expired (or without ex) that fails asks nothing', () => {
    for (const url of [link('shot.png', Date.now() + 3_600_000), 'https://cdn.discordapp.com/attachments/1/2/shot.png']) {
      const fake = new FakeApi();
      const { el, img } = draw(picture(url), fake);
      fireEvent.error(img()!);
      expect(within(el).getByTestId('media-failed')).toBeTruthy();
      expect(fake.argsOf('messages.refreshMedia')).toEqual([]);
    }
  });
});

// Each request is a Discord request in the core, which takes a few at a time (MAX_REFRESHES) and refuses the
// rest: a screen of expired files queues here instead, and a row scrolled away and back asks nothing again.
describe('a screen of expired files', () => {
  it('asks a few at a time, each message once, and not again when a row is drawn anew', async () => {
    const fake = new FakeApi();
    let running = 0;
    let most = 0;
    fake.override('messages.refreshMedia', async (arg) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return { messageId: (arg as { messageId: string }).messageId, attachments: [], links: [] };
    });
    const ids = Array.from({ length: 10 }, (_, i) => `13000000000000004${String(i).padStart(2, '0')}`);
    const pdf = (i: number): ChatAttachment => ({ id: `13000000000000005${String(i).padStart(2, '0')}`, name: `r${i}.pdf`, url: link(`r${i}.pdf`, Date.now() - 60_000), size: 1, contentType: 'application/pdf', width: null, height: null });
    const rows = (shown: number[]) => shown.map((i) => <MessageItem key={ids[i]} message={makeMessage({ id: ids[i]!, attachments: [pdf(i)] })} index={i} total={10} />);
    let show: (shown: number[]) => void = () => undefined;
    function Host() {
      const [shown, setShown] = useState([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      show = setShown;
      return <>{rows(shown)}</>;
    }
    renderWithApi(<Host />, fake);
    await waitFor(() => expect(fake.argsOf('messages.refreshMedia')).toHaveLength(10));
    await waitFor(() => expect(running).toBe(0));
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(REFRESHES_AT_ONCE);
    expect(new Set(fake.argsOf('messages.refreshMedia').map((a) => (a as { messageId: string }).messageId)).size).toBe(10);
    // Scrolled away and back: the rows mount anew.
    act(() => show([]));
    act(() => show([0, 1, 2]));
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.argsOf('messages.refreshMedia')).toHaveLength(10);
  });
});

// A dashboard left open: the picture loaded while its link was valid and still shows, but once the link
// expires its download link would answer 404. The row asks for fresh links when the link expires.
it('a link that expires while its row is shown is refreshed then, without any load failing', async () => {
  const soon = link('report.pdf', Date.now() + 1_500);
  const fresh = link('report.pdf', Date.now() + 86_400_000);
  const pdf = (url: string): ChatAttachment => ({ id: '1300000000000000302', name: 'report.pdf', url, size: 4096, contentType: 'application/pdf', width: null, height: null });
  const fake = new FakeApi();
  fake.override('messages.refreshMedia', () => ({ messageId: ID, attachments: [pdf(fresh)], links: [] }));
  const { el } = draw(pdf(soon), fake);
  expect(fake.argsOf('messages.refreshMedia')).toEqual([]);
  await waitFor(() => expect(within(el).getByRole('link', { name: /Download/ }).getAttribute('href')).toBe(fresh), { timeout: 6_000 });
  expect(fake.argsOf('messages.refreshMedia')).toEqual([{ messageId: ID }]);
});

// A file removed on Discord while the bot was off: its message's fresh fetch has no new link for it. The answer was
// forgotten after a minute like any other, so each time the row was drawn again it cost a Discord request.
it.each([
  ['brought no fresh link (the file gone from Discord): never asked again', async () => ({ messageId: ID, attachments: [], links: [] }), 1],
  ['was refused (the bot stopped): asked again a minute later, when the bot may answer', async () => Promise.reject(new Error('The bot is stopped.')), 2],
])('an answer that %s', async (_name, answer, calls) => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  try {
    const fake = new FakeApi();
    fake.override('messages.refreshMedia', answer);
    const pdf: ChatAttachment = { id: '1300000000000000303', name: 'gone.pdf', url: link('gone.pdf', Date.now() - 60_000), size: 1, contentType: 'application/pdf', width: null, height: null };
    let show: (on: boolean) => void = () => undefined;
    function Host() {
      const [on, setOn] = useState(true);
      show = setOn;
      return on ? <MessageItem message={makeMessage({ id: ID, attachments: [pdf] })} index={0} total={1} /> : null;
    }
    renderWithApi(<Host />, fake);
    await waitFor(() => expect(fake.argsOf('messages.refreshMedia')).toHaveLength(1));
    act(() => show(false));
    await act(async () => void (await vi.advanceTimersByTimeAsync(ANSWER_KEPT_MS + 1_000)));
    act(() => show(true));
    await act(async () => void (await vi.advanceTimersByTimeAsync(100)));
    expect(fake.argsOf('messages.refreshMedia')).toHaveLength(calls);
  } finally {
    vi.useRealTimers();
  }
});
