// An image that cannot load (CDN down, link expired) keeps the box reserved for it, as a "could not
// load" placeholder with the file's name and link: a row that shrank after being measured would make
// the feed jump while the reader scrolls up (measured: 224 px for one attachment).
import './setup';
import { fireEvent, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChatEmbed, ChatMessage, ChatMessageView } from '../../shared/types';
import { MessageItem } from '../../renderer/src/components/messages/MessageItem';
import { makeMessage } from './fixtures';
import { renderWithApi } from './render';

const view = (v: Partial<ChatMessageView>): ChatMessageView => ({ type: 0, mentions: { users: [], roles: [], channels: [], everyone: false }, embeds: [], stickers: [], reactions: [], emojis: [], mentionsOwner: false, ...v });
const embed = (e: Partial<ChatEmbed>): ChatEmbed => ({ type: 'rich', color: null, fields: [], timestamp: null, ...e }) as ChatEmbed;

function draw(message: ChatMessage) {
  const { container } = renderWithApi(<MessageItem message={message} index={0} total={1} />);
  return container.querySelector<HTMLElement>('[data-testid="message"]')!;
}

/** Fails the image as Chromium does when it cannot load it, and returns what stands in its place. */
function fail(el: HTMLElement, img: HTMLImageElement) {
  fireEvent.error(img);
  expect(img.isConnected).toBe(false);
  return within(el).getAllByTestId('media-failed');
}

describe('images that cannot load', () => {
  it('an attachment keeps its preview box (320 × 240 for 640 × 480) and shows its name as a link', () => {
    const url = 'https://cdn.discordapp.com/attachments/1/2/shot.png';
    const el = draw(makeMessage({ attachments: [{ id: 'a1', name: 'shot.png', url, size: 1234, contentType: 'image/png', width: 640, height: 480 }] }));
    const img = el.querySelector<HTMLImageElement>('.attachment__thumb img')!;
    // The box is CSS before any error: Chromium draws a broken image as its alt text until the event.
    expect([img.style.width, img.style.aspectRatio]).toEqual(['320px', '320 / 240']);
    const [box] = fail(el, img);
    expect(box!.style.width).toBe('320px');
    expect(box!.style.aspectRatio).toBe('320 / 240');
    expect(box!.textContent).toContain('Could not load');
    const link = within(box!).getByRole('link', { name: 'shot.png' });
    expect(link.getAttribute('href')).toBe(url);
  });

  it('an embed image and thumbnail keep their boxes', () => {
    const e = embed({ title: 'T', image: { url: 'https://media.discordapp.net/i.png', width: 800, height: 400 }, thumbnail: { url: 'https://media.discordapp.net/t.png', width: 160, height: 120 } });
    const el = draw(makeMessage({ view: view({ embeds: [e] }) }));
    fail(el, el.querySelector<HTMLImageElement>('img.embed__image')!);
    const [image, thumb] = fail(el, el.querySelector<HTMLImageElement>('img.embed__thumbnail')!);
    expect([image!.style.width, image!.style.aspectRatio]).toEqual(['400px', '400 / 200']);
    expect([thumb!.style.width, thumb!.style.aspectRatio]).toEqual(['80px', '80 / 60']);
    expect(thumb!.className).toContain('embed__thumbnail');
  });

  it('a sticker keeps its 160 px square and says which sticker it was', () => {
    const el = draw(makeMessage({ view: view({ stickers: [{ id: 's1', name: 'Wave', url: 'https://media.discordapp.net/stickers/s1.png', format: 1 }] }) }));
    const [box] = fail(el, el.querySelector<HTMLImageElement>('img.sticker')!);
    expect([box!.style.width, box!.style.aspectRatio]).toEqual(['160px', '160 / 160']);
    expect(box!.getAttribute('aria-label')).toContain('Wave');
  });
});
