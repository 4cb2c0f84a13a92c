// An embed's image (a bot's attachment://chart.png) and components v2 media point at Discord's attachment CDN,
// signed and expiring like attachments (docs/reference.mdx, Signed Attachment CDN URLs). One already expired
// when shown asks the core for fresh links (messages.refreshMedia, the message's own request) and shows them.
import './setup';
import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChatComponent, ChatEmbed, ChatMessage, ChatMessageView } from '../../shared/types';
import { MessageItem } from '../../renderer/src/components/messages/MessageItem';
import { FakeApi } from './fake-api';
import { makeMessage } from './fixtures';
import { renderWithApi } from './render';

const ID = '1300000000000000701';
const hex = (ms: number) => Math.floor(ms / 1000).toString(16);
const link = (name: string, expiresAt: number, host = 'media.discordapp.net') =>
  `https://${host}/attachments/1/2/${name}?ex=${hex(expiresAt)}&is=${hex(expiresAt - 86_400_000)}&hm=${'a'.repeat(64)}&`;
const [ago, later] = [Date.now() - 60_000, Date.now() + 86_400_000];

const withView = (view: Partial<ChatMessageView>): ChatMessage => ({
  ...makeMessage({ id: ID, content: '' }),
  view: { type: 0, mentions: { users: [], roles: [], channels: [], everyone: false }, embeds: [], stickers: [], reactions: [], emojis: [], mentionsOwner: false, ...view },
});
const chart = (url: string): ChatEmbed => ({ type: 'rich', color: null, title: 'Nightly chart', fields: [], image: { url, width: 64, height: 48 }, timestamp: null });

function draw(message: ChatMessage, fake: FakeApi) {
  const { container } = renderWithApi(<MessageItem message={message} index={0} total={1} />, fake);
  return container.querySelector<HTMLElement>('[data-testid="message"]')!;
}

describe('media that are not attachments, on the attachment CDN', () => {
  it("an embed's image already expired when shown asks once for fresh links and shows the fresh one", async () => {
    const fake = new FakeApi();
    fake.override('messages.refreshMedia', () => ({ messageId: ID, attachments: [], links: [link('chart.png', later)] }));
    const el = draw(withView({ embeds: [chart(link('chart.png', ago))] }), fake);
    const img = () => el.querySelector<HTMLImageElement>('.embed__image');
    await waitFor(() => expect(img()?.getAttribute('src')).toBe(link('chart.png', later)));
    expect(fake.argsOf('messages.refreshMedia')).toEqual([{ messageId: ID }]);
  });

  it("a gallery's picture and a file component's link already expired ask once for the message and show fresh ones", async () => {
    const components: ChatComponent[] = [
      { type: 'gallery', items: [{ media: { url: link('shot.png', ago), width: 64, height: 48 }, description: null }] },
      { type: 'file', name: 'log.txt', size: 12, url: link('log.txt', ago, 'cdn.discordapp.com'), attachmentId: '1300000000000000702' },
    ];
    const fake = new FakeApi();
    fake.override('messages.refreshMedia', () => ({ messageId: ID, attachments: [], links: [link('shot.png', later), link('log.txt', later, 'cdn.discordapp.com')] }));
    const el = draw(withView({ components }), fake);
    const gallery = within(el).getByTestId('component-gallery');
    await waitFor(() => expect(gallery.querySelector('img')?.getAttribute('src')).toBe(link('shot.png', later)));
    expect(within(within(el).getByTestId('component-file')).getByRole('link', { name: /Download/ }).getAttribute('href')).toBe(link('log.txt', later, 'cdn.discordapp.com'));
    expect(fake.argsOf('messages.refreshMedia')).toEqual([{ messageId: ID }]);
  });

  it("an embed's image from another host, or not expired, asks nothing", async () => {
    const fake = new FakeApi();
    draw(withView({ embeds: [chart('https://images-ext-1.discordapp.net/external/x/https/example.com/a.png'), chart(link('chart.png', later))] }), fake);
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.argsOf('messages.refreshMedia')).toEqual([]);
  });
});
