// The HTML export draws the same message parts as the panel, with its class names: components
// (buttons, link buttons, select menus, an IS_COMPONENTS_V2 message's text), a provider video as a
// play link, a Lottie sticker by name (the export holds no script). Documentation payloads through
// real discord.js and toChatMessage, as in the renderer tests.
import { describe, expect, it } from 'vitest';
import { MarkdownHtml } from '../../electron/core/archive/html/markdown';
import { messageHtml, WORDS } from '../../electron/core/archive/html/message';
import type { ChatMessage } from '../../shared/types';
import { convert } from './fixtures/discord-docs/convert';
import { STICKER_MESSAGE } from './fixtures/discord-docs/payloads';
import * as c from './fixtures/discord-docs/payloads-components';

function html(m: ChatMessage, locale: 'en' | 'fr' = 'en'): HTMLElement {
  const out = messageHtml(m, {
    markdown: new MarkdownHtml(locale),
    words: WORDS[locale],
    time: new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }),
    fullTime: new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }),
    media: (u) => u,
  });
  return new DOMParser().parseFromString(out, 'text/html').querySelector('article')!;
}
const one = (raw: object) => convert(raw)[0]!;

describe('message parts in the HTML export', () => {
  it('an action row: styled read-only buttons, the link button a link to its URL', () => {
    const el = html(one(c.ACTION_ROW_MESSAGE));
    const buttons = [...el.querySelectorAll('.dc-row > .dc-button')].map((b) => [b.tagName, b.className, b.textContent, b.getAttribute('href')]);
    expect(buttons).toEqual([
      ['SPAN', 'dc-button dc-button--primary', 'Accept', null],
      ['A', 'dc-button dc-button--link', 'Learn More', 'http://watchanimeattheoffice.com/'],
      ['SPAN', 'dc-button dc-button--danger', 'Decline', null],
    ]);
  });

  it('a timestamp outside the dates a clock can show stays as it was written, as in the panel', () => {
    for (const written of ['<t:99999999999999999999>', '<t:-8640000000001:R>', '<t:8640000000001:F>']) {
      const el = html(one({ ...c.ACTION_ROW_MESSAGE, components: [], content: `at ${written} then` }));
      expect(el.querySelector('.markdown time')).toBeNull();
      expect(el.querySelector('.markdown')!.textContent).toBe(`at ${written} then`);
    }
  });

  it('select menus show their placeholder, or Discord’s words when they have none', () => {
    expect([...html(one(c.SELECT_MESSAGE)).querySelectorAll('.dc-select')].map((s) => [s.className, s.textContent])).toEqual([
      ['dc-select', 'Favorite bug?'],
      ['dc-select dc-select--disabled', 'Make a selection'],
    ]);
    expect(html(one(c.SELECT_MESSAGE), 'fr').querySelectorAll('.dc-select')[1]!.textContent).toBe('Faites une sélection');
  });

  it('an IS_COMPONENTS_V2 message keeps its text (it has no content): container, heading with the mention, section, gallery', () => {
    const el = html(one(c.CONTAINER_MESSAGE));
    const box = el.querySelector<HTMLElement>('.dc-container')!;
    expect(box.style.borderInlineStartColor).toBe('rgb(10, 187, 255)');
    expect(box.querySelector('h1')?.textContent).toBe('Wave hello to @Nells');
    expect(box.querySelector('.dc-section__text')?.textContent).toBe('Sneak n stab');
    expect(box.querySelector('.dc-section__accessory img')?.getAttribute('src')).toBe('https://cdn.discordapp.com/attachments/1/5/rogue.png');
    expect([...box.querySelectorAll('.dc-gallery img')].map((i) => i.getAttribute('src'))).toEqual(['https://cdn.discordapp.com/attachments/1/6/a.png']);
    expect(html(one(c.V2_MESSAGE)).querySelector('.dc-text')?.textContent).toBe('This is a message with components.');
  });

  it('a File component is a read-only file row (name, size when known, link), as in the panel; its upload is not listed twice', () => {
    const el = html(one(c.FILE_MESSAGE));
    const files = [...el.querySelectorAll('.dc-file')];
    expect(files.map((f) => [f.querySelector('.attachment__name')?.textContent, f.querySelector('.attachment__size')?.textContent ?? null])).toEqual([
      ['game.zip', '2.5 MB'],
      ['manual.pdf', null],
    ]);
    expect(files[0]!.querySelector('a.attachment__link')?.getAttribute('href')).toBe(c.GAME_ZIP.url);
    expect(files[1]!.querySelector('a[href]')).toBeNull();
    expect(el.querySelector('ul.attachments')).toBeNull();
  });

  it('a custom emoji is drawn from the URL the core gave the message (its configured CDN), as the panel does', () => {
    const m = one({ ...c.ACTION_ROW_MESSAGE, id: '334385199974967069', components: [], content: 'gg <:LUL:41771983429993937> <a:dance:41771983429993938>' });
    // As the demo's messages carry them: the fake CDN, not Discord's.
    m.view!.emojis = m.view!.emojis.map((e) => ({ ...e, url: e.url!.replace('https://cdn.discordapp.com', 'http://127.0.0.1:5555') }));
    expect([...html(m).querySelectorAll('.markdown img.emoji')].map((i) => i.getAttribute('src'))).toEqual(['http://127.0.0.1:5555/emojis/41771983429993937.webp', 'http://127.0.0.1:5555/emojis/41771983429993938.gif']);
    // A message stored before emoji URLs were kept still shows its emoji, from Discord's CDN.
    m.view!.emojis = [];
    expect(html(m).querySelector('.markdown img.emoji')?.getAttribute('src')).toBe('https://cdn.discordapp.com/emojis/41771983429993937.webp');
  });

  it('a YouTube preview is its thumbnail with a play button linking to the video page; no frame, no video', () => {
    const el = html(one(c.VIDEO_MESSAGE));
    const play = el.querySelector('a.embed__play')!;
    expect(play.getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(play.querySelector('img.embed__image')?.getAttribute('src')).toBe(c.YOUTUBE_EMBED.thumbnail.proxy_url);
    expect(play.querySelector('.embed__play-button svg')).not.toBeNull();
    expect(el.querySelector('.embed__thumbnail, iframe, video, script')).toBeNull();
  });

  it('a Lottie sticker shows by name, a PNG one as its image', () => {
    const el = html(one(STICKER_MESSAGE));
    expect(el.querySelector('.sticker--text')?.textContent).toBe('Wave');
    expect(el.querySelector('img.sticker')?.getAttribute('src')).toBe('https://cdn.discordapp.com/stickers/749054660769218632.png');
  });
});
