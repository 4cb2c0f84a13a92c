// The message view against the Discord API documentation's payloads (fixtures/discord-docs), each
// converted through real discord.js structures and the real toChatMessage, then drawn by the panel.
import './setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../shared/types';
import { applyReaction } from '../../electron/core/bot/reactions';
import { parseDiscordMarkdown } from '../../shared/discord-markdown';
import { JOIN_VARIANTS } from '../../renderer/src/lib/discord/system';
import { MessageItem } from '../../renderer/src/components/messages/MessageItem';
import { MessageContent } from '../../renderer/src/components/messages/MessageContent';
import { EmojiText } from '../../renderer/src/components/messages/DiscordMarkdown';
import { twemojiUrl } from '../../renderer/src/lib/discord/emoji';
import { convert } from './fixtures/discord-docs/convert';
import * as doc from './fixtures/discord-docs/payloads';
import { FakeApi } from './fake-api';
import { makeMessage } from './fixtures';
import { emit, renderApp, renderWithApi } from './render';

function draw(message: ChatMessage, language: 'en' | 'fr' = 'en') {
  const view = renderWithApi(<MessageItem message={message} index={0} total={1} />, new FakeApi(), language);
  return { ...view, el: view.container.querySelector<HTMLElement>('[data-testid="message"]')! };
}
const one = (raw: object) => convert(raw)[0]!;
const text = (content: string) => renderWithApi(<MessageContent content={content} />).container;

afterEach(() => vi.useRealTimers());

describe('mentions and emoji (docs: message.mdx Example Message, user.mdx Example User, permissions Example Role, emoji)', () => {
  it('a user by server nickname, a role in its colour, @everyone highlighted, the owner mention marks the message', () => {
    const { el } = draw(one(doc.MENTIONS_MESSAGE));
    expect(el.textContent).toContain('hey @Nells and @WE DEM BOYZZ!!!!!!');
    expect(el.textContent).not.toContain('<@');
    const role = within(el).getByText('WE DEM BOYZZ!!!!!!').closest<HTMLElement>('.mention--role')!;
    expect(role.style.color).toBe('rgb(52, 152, 219)'); // 3447003 = #3498db
    expect(el.querySelector('.mention--everyone')?.textContent).toBe('@everyone');
    expect(el.classList.contains('message--mentioned')).toBe(true);
  });

  it('a channel mention by name (Example Crossposted Message)', () => {
    const { el } = draw(one(doc.EXAMPLE_CROSSPOSTED));
    expect(el.textContent).toContain('Big news! In this #big-news channel!');
    expect(el.classList.contains('message--mentioned')).toBe(false);
  });

  it('mentions nobody resolved read as Discord writes them', () => {
    const { el } = draw(makeMessage({ content: '<@80351110224678919> <@&41771983423143939> <#278325129692446729>' }));
    expect(el.textContent).toContain('@unknown-user @deleted-role #unknown');
  });

  it('custom emoji, static and animated, from the CDN; Unicode emoji from the bundled Twemoji', () => {
    const { el } = draw(one(doc.MENTIONS_MESSAGE));
    const custom = [...el.querySelectorAll<HTMLImageElement>('.markdown img.emoji')].map((i) => [i.alt, i.getAttribute('src')]);
    expect(custom).toEqual([
      [':LUL:', 'https://cdn.discordapp.com/emojis/41771983429993937.webp'],
      [':LUL:', 'https://cdn.discordapp.com/emojis/41771983429993938.gif'],
    ]);
    const uni = text('fire 🔥 and 👍🏽').querySelectorAll<HTMLImageElement>('img.emoji');
    expect([...uni].map((i) => [i.alt, i.getAttribute('src')])).toEqual([
      ['🔥', './twemoji/1f525.svg'],
      ['👍🏽', './twemoji/1f44d-1f3fd.svg'],
    ]);
  });

  it('an emoji the bundled Twemoji has no image for (newer than its 15.0 set) shows as text, not a broken image', () => {
    // @twemoji/parser 17 knows Emoji 15.1-16.0 (🐦‍🔥, 🍋‍🟩, 🫩); @twemoji/svg, the newest published, stops at 15.0.
    const newer = ['🐦‍🔥', '🍋‍🟩', '🫩'];
    for (const e of newer) expect(existsSync(join(process.cwd(), 'node_modules', '@twemoji', 'svg', `${twemojiUrl(e)!.slice('./twemoji/'.length)}`)), e).toBe(false);
    const view = text(`new ${newer.join(' ')} and 🔥`);
    const name = renderWithApi(<EmojiText text={`Phoenix ${newer[0]}`} />).container;
    for (const img of [...view.querySelectorAll<HTMLImageElement>('img.emoji'), ...name.querySelectorAll<HTMLImageElement>('img.emoji')]) {
      if (img.alt !== '🔥') fireEvent.error(img);
    }
    expect([...view.querySelectorAll<HTMLImageElement>('img.emoji')].map((i) => i.alt)).toEqual(['🔥']);
    expect(view.textContent).toBe(`new ${newer.join(' ')} and `);
    expect(name.querySelector('img')).toBeNull();
    expect(name.textContent).toBe(`Phoenix ${newer[0]}`);
  });

  it('emoji in names, poll answers and thread names are Twemoji images too', () => {
    const m = one(doc.THREAD_STARTER);
    const { el } = draw({ ...m, author: { ...m.author, displayName: 'Mason 🔥' }, view: { ...m.view!, thread: { id: '1', name: 'Plans 🍕', messageCount: 1 } } });
    expect(el.querySelector('.message__author img.emoji')?.getAttribute('src')).toBe('./twemoji/1f525.svg');
    expect(el.querySelector('.message__author')?.textContent).toBe('Mason ');
    expect(el.querySelector('.thread-info__name img.emoji')?.getAttribute('alt')).toBe('🍕');
  });

  it('an emoji-only message is drawn large, like Discord', () => {
    expect(text('🔥 🔥').querySelector('.markdown--jumbo')).not.toBeNull();
    expect(text('hot 🔥').querySelector('.markdown--jumbo')).toBeNull();
  });
});

describe("Discord's Markdown", () => {
  it('bold, italic, underline, strike, inline code, headers, subtext, lists', () => {
    const c = text('**b** *i* __u__ ~~s~~ `c`\n# Title\n-# small print\n- one\n- two');
    expect(c.querySelector('strong')?.textContent).toBe('b');
    expect(c.querySelector('em')?.textContent).toBe('i');
    expect(c.querySelector('u')?.textContent).toBe('u');
    expect(c.querySelector('s')?.textContent).toBe('s');
    expect(c.querySelector('code.md-code')?.textContent).toBe('c');
    expect(c.querySelector('h1')?.textContent).toBe('Title');
    expect(c.querySelector('small.md-subtext')?.textContent).toBe('small print');
    expect([...c.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect([...text('1. first\n2. second').querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual(['first', 'second']);
  });

  it('a line break right after a quote, a code block or a heading is the block’s end, not an empty line (as on Discord)', () => {
    const c = text('> quoted\nafter the quote\n```\ncode\n```\nafter the code');
    expect(c.querySelector('blockquote')?.querySelector('br')).toBeNull();
    // previousSibling, not CSS "+": text between a quote and a break counts.
    expect([...c.querySelectorAll('br')].filter((br) => ['BLOCKQUOTE', 'PRE'].includes((br.previousSibling as Element | null)?.tagName ?? ''))).toEqual([]);
    expect(c.textContent).toBe('quotedafter the quotecodeafter the code');
  });

  it('a masked link shows its real target on hover', () => {
    const a = text('see [the docs](https://discord.com/developers/docs)').querySelector('a')!;
    expect(a.textContent).toBe('the docs');
    expect(a.getAttribute('href')).toBe('https://discord.com/developers/docs');
    expect(a.getAttribute('title')).toBe('https://discord.com/developers/docs');
  });

  it('a fenced block naming its language is highlighted once the highlighter has loaded; others stay plain', async () => {
    const c = text('```js\nconst answer = 42;\n```\n```\nplain text\n```');
    const [js, plain] = [...c.querySelectorAll('pre.md-codeblock')];
    expect(js!.textContent).toBe('const answer = 42;');
    await waitFor(() => expect(js!.querySelector('.hljs-keyword')?.textContent).toBe('const'), { timeout: 10_000 });
    expect(plain!.querySelector('span')).toBeNull();
    expect(plain!.textContent).toBe('plain text');
  });

  it('<t:…:F> in the viewer’s locale, the full date on hover', () => {
    const seconds = 1618953630; // docs/reference.mdx, "Message Formatting" example
    const en = renderWithApi(<MessageContent content={`<t:${seconds}:D>`} />, new FakeApi(), 'en').container.querySelector('time')!;
    const fr = renderWithApi(<MessageContent content={`<t:${seconds}:D>`} />, new FakeApi(), 'fr').container.querySelector('time')!;
    expect(en.textContent).toBe(new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric' }).format(seconds * 1000));
    expect(fr.textContent).toBe(new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'long', year: 'numeric' }).format(seconds * 1000));
    expect(en.getAttribute('datetime')).toBe(new Date(seconds * 1000).toISOString());
    expect(en.getAttribute('title')).toContain('2021');
  });

  it('a timestamp outside the dates a clock can show stays as it was written', () => {
    for (const written of ['<t:99999999999999999999>', '<t:-8640000000001:R>', '<t:8640000000001:F>']) {
      const el = text(`at ${written} then`);
      expect(el.querySelector('time')).toBeNull();
      expect(el.textContent).toBe(`at ${written} then`);
    }
  });

  it('<t:…:R> is relative and updates while on screen', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const seconds = Date.parse('2026-01-01T00:00:10Z') / 1000;
    const time = text(`<t:${seconds}:R>`).querySelector('time')!;
    expect(time.textContent).toBe('in 10 seconds');
    await act(async () => vi.advanceTimersByTime(70_000));
    expect(time.textContent).toBe('1 minute ago');
  });

  it('no 2,000-character message can stall the parser (each of these took up to 100 s with a backtracking rule)', () => {
    const hostile = ['['.repeat(1000) + ']('.repeat(500), '[a]('.repeat(400), '[' + '('.repeat(1998) + ']', '*'.repeat(2000), '_'.repeat(2000), '~'.repeat(2000), '|'.repeat(2000), '<'.repeat(2000), '<@'.repeat(1000), '<t:'.repeat(666), '`'.repeat(2000), '- '.repeat(1000), '> '.repeat(1000), '*a'.repeat(1000), '__a'.repeat(666), 'http://'.repeat(285), '\\'.repeat(2000), '\n'.repeat(2000)];
    for (const content of hostile) {
      const started = performance.now();
      parseDiscordMarkdown(content);
      expect(performance.now() - started, JSON.stringify(content.slice(0, 6))).toBeLessThan(1500);
    }
  });

  it('raw HTML and bidi controls stay text, isolated', () => {
    const c = text('<img src=x onerror=alert(1)> \u202Etxt.exe');
    expect(c.querySelector('img')).toBeNull();
    expect(c.querySelector('bdi.markdown')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('any input renders only the elements the view knows, never a script, iframe or foreign image (property)', () => {
    const ALLOWED = new Set(['BDI', 'STRONG', 'EM', 'U', 'S', 'CODE', 'PRE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'SMALL', 'UL', 'OL', 'LI', 'A', 'SPAN', 'BR', 'IMG', 'TIME', 'DIV']);
    const piece = fc.constantFrom('**', '*', '__', '~~', '||', '`', '```', '> ', '>>> ', '- ', '# ', '-# ', '\n', '<@80351110224678912>', '<:a:41771983429993937>', '<t:1:R>', '[x](javascript:1)', '<script>', '🔥', 'text ');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 40 }), (parts) => {
        const { container, unmount } = renderWithApi(<MessageContent content={parts.join('')} />);
        try {
          for (const node of container.querySelectorAll('*')) expect(ALLOWED.has(node.tagName)).toBe(true);
          for (const img of container.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^(\.\/twemoji\/|https:\/\/)/);
          for (const a of container.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
        } finally {
          unmount();
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('embeds (docs: message.mdx Embed Structure, every field)', () => {
  it('colour bar, author, title link, Markdown description, inline and stacked fields, thumbnail, image, footer with timestamp', () => {
    const { el } = draw(one(doc.EMBED_MESSAGE));
    const embed = within(el).getByTestId('embed');
    expect(embed.style.borderInlineStartColor).toBe('rgb(52, 152, 219)');
    expect(embed.querySelector('.embed__provider')?.textContent).toBe('Discord');
    expect(embed.querySelector('.embed__author a')?.textContent).toBe('Mason');
    expect(embed.querySelector<HTMLImageElement>('.embed__author-icon')?.getAttribute('src')).toBe('https://media.discordapp.net/embed/avatars/1.png');
    const title = embed.querySelector('.embed__title a')!;
    expect([title.textContent, title.getAttribute('href')]).toEqual(['Supa Hot release', doc.RICH_EMBED.url]);
    expect(embed.querySelector('.embed__description strong')?.textContent).toBe('Markdown');
    expect(embed.querySelector('.embed__description a')?.getAttribute('title')).toBe('https://discord.com/developers/docs');
    const fields = [...embed.querySelectorAll('.embed__field')].map((f) => [f.querySelector('dt')?.textContent, f.querySelector('dd')?.textContent, f.classList.contains('embed__field--inline')]);
    expect(fields).toEqual([
      ['Inline one', 'first', true],
      ['Inline two', 'second', true],
      ['Stacked', 'on its own row', false],
    ]);
    expect(embed.querySelector('.embed__thumbnail')?.getAttribute('src')).toBe('https://media.discordapp.net/attachments/1/3/thumb.png');
    const image = embed.querySelector<HTMLImageElement>('.embed__image')!;
    expect([image.getAttribute('src'), image.getAttribute('width'), image.getAttribute('height')]).toEqual(['https://media.discordapp.net/attachments/1/2/image.png', '400', '300']);
    expect(embed.querySelector('.embed__footer')?.textContent).toMatch(/^Footer text • .*2017/);
  });
});

describe('media link previews (docs: message.mdx Embed Types image, gifv)', () => {
  const media = { url: 'https://media.discordapp.net/external/x/cat.gif', width: 320, height: 240 };
  it('an image link shows only the image; a gifv plays muted in a loop, like a GIF', () => {
    const { el } = draw(makeMessage({ content: 'https://example.com/cat.png', view: { ...one(doc.EXAMPLE_MESSAGE).view!, embeds: [
      { type: 'image', url: 'https://example.com/cat.png', thumbnail: media, color: null, fields: [], timestamp: null },
      { type: 'gifv', url: 'https://tenor.com/x', provider: { name: 'Tenor' }, thumbnail: media, video: { ...media, url: 'https://media.discordapp.net/external/x/cat.mp4' }, color: null, fields: [], timestamp: null },
    ] } }));
    const [image, gifv] = within(el).getAllByTestId('embed');
    expect(image!.className).toBe('embed-media');
    expect(image!.querySelector('img')?.getAttribute('src')).toBe(media.url);
    const video = gifv!.querySelector('video')!;
    expect([video.getAttribute('src'), video.autoplay, video.loop, video.muted]).toEqual(['https://media.discordapp.net/external/x/cat.mp4', true, true, true]);
    expect(gifv!.textContent).toBe('');
  });
});

describe('replies (docs: message.mdx "Replies", type 19)', () => {
  it('quotes the replied message; a click brings it into view', async () => {
    const [original, reply] = convert(doc.EXAMPLE_MESSAGE, doc.REPLY_MESSAGE);
    const fake = new FakeApi();
    fake.messages = [original!, reply!];
    const { user } = renderApp(fake);
    const list = await screen.findByTestId('message-list');
    await within(list).findAllByTestId('message');
    const quote = within(list).getByTestId('reply');
    expect(quote.textContent).toContain('@Mason');
    expect(quote.textContent).toContain('Supa Hot');
    expect(quote.querySelector('.reply__excerpt')?.textContent).toBe('Supa Hot');
    const target = list.querySelector<HTMLElement>(`[data-message-id="${original!.id}"]`)!;
    const scrolled = vi.fn();
    target.scrollIntoView = scrolled;
    await user.click(quote);
    expect(scrolled).toHaveBeenCalled();
    expect(target.classList.contains('message--highlight')).toBe(true);
  });

  it('a quote whose original is not loaded asks for the stored messages around it and brings it into view', async () => {
    const [original, reply] = convert(doc.EXAMPLE_MESSAGE, doc.REPLY_MESSAGE);
    // Enough newer messages that the first page (the newest) does not hold the original.
    const filler = Array.from({ length: 400 }, (_, i) => makeMessage({ id: String(400000000000000000n + BigInt(i)), content: `filler ${i}` }));
    const fake = new FakeApi();
    fake.messages = [original!, ...filler, { ...reply!, id: '500000000000000000' }];
    const { user } = renderApp(fake);
    const list = await screen.findByTestId('message-list');
    const quote = await within(list).findByTestId('reply');
    expect(list.querySelector(`[data-message-id="${original!.id}"]`)).toBeNull();
    await user.click(quote);
    await waitFor(() => expect(fake.argsOf('messages.list')).toContainEqual(expect.objectContaining({ around: original!.id })));
    await waitFor(() => expect(list.querySelector(`[data-message-id="${original!.id}"]`)).not.toBeNull());
  });

  it("the excerpt's Markdown and emoji are drawn, on one line", () => {
    const { el } = draw(makeMessage({ view: { ...one(doc.REPLY_MESSAGE).view!, reply: { id: '1', author: 'Mason', excerpt: 'done 🔥 in **42 s**' } } }));
    const excerpt = el.querySelector('.reply__excerpt')!;
    expect(excerpt.querySelector('strong')?.textContent).toBe('42 s');
    expect(excerpt.querySelector('img.emoji')?.getAttribute('alt')).toBe('🔥');
    expect(excerpt.textContent).not.toContain('**');
  });

  it("the excerpt's mentions by the names stored with the quote, then the reply's own, then Discord's words", () => {
    const ROLE = '1578255161791348742';
    const base = one(doc.REPLY_MESSAGE).view!;
    const excerpt = `<@&${ROLE}> please review <#278325129692446729> <@80351110224678919>`;
    const quoted = { users: [], roles: [{ id: ROLE, name: 'admins', color: 0 }], channels: [{ id: '278325129692446729', name: 'firewall' }] };
    const own = { ...base.mentions, users: [{ id: '80351110224678919', name: 'Nelly' }] };
    const { el } = draw(makeMessage({ view: { ...base, mentions: own, reply: { id: '1', author: 'Mason', excerpt, mentions: quoted } } }));
    expect(el.querySelector('.reply__excerpt')?.textContent).toBe('@admins please review #firewall @Nelly');
    const { el: bare } = draw(makeMessage({ view: { ...base, reply: { id: '1', author: 'Mason', excerpt } } }));
    expect(bare.querySelector('.reply__excerpt')?.textContent).not.toContain(ROLE);
    expect(bare.querySelector('.reply__excerpt')?.textContent).toContain('@deleted-role please review');
  });

  it('says when the original was deleted', () => {
    const { el } = draw(makeMessage({ view: { ...one(doc.REPLY_MESSAGE).view!, reply: { id: '1', author: null, excerpt: null } } }));
    expect(within(el).getByTestId('reply').textContent).toBe('Original message was deleted');
  });
});

describe('forwarded messages (docs: message.mdx Message Snapshot Object)', () => {
  it('shows "Forwarded" and the original content in Markdown', () => {
    const { el } = draw(one(doc.FORWARD_MESSAGE));
    const forward = within(el).getByTestId('forward');
    expect(forward.querySelector('.forward__label')?.textContent).toBe('Forwarded');
    expect(forward.querySelector('strong')?.textContent).toBe('Supa Hot');
  });
});

describe('stickers, poll, thread (docs: sticker.mdx, poll.mdx, channel.mdx)', () => {
  it('a PNG sticker as its image, a Lottie one as its player (message-media.test.tsx plays it)', () => {
    const { el } = draw(one(doc.STICKER_MESSAGE));
    expect(el.querySelector('img.sticker')?.getAttribute('src')).toBe('https://cdn.discordapp.com/stickers/749054660769218632.png');
    expect(within(el).getByTestId('sticker-lottie').getAttribute('aria-label')).toBe('Sticker: Wave');
  });

  it('a poll with its answers, votes and shares', () => {
    const { el } = draw(one(doc.POLL_MESSAGE));
    const poll = within(el).getByTestId('poll');
    expect(poll.querySelector('.poll__question')?.textContent).toBe('Best pizza?');
    expect([...poll.querySelectorAll('.poll__answer')].map((a) => a.textContent)).toEqual([' Margherita7 votes · 78%', ' Hawaiian2 votes · 22%']);
    expect(poll.querySelector('.poll__answer img.emoji')?.getAttribute('alt')).toBe('🍕');
    expect(poll.querySelector('.poll__meta')?.textContent).toMatch(/^9 votes · ends in \d+ years?$/);
  });

  it("a thread's name and message count on its starter message", () => {
    const { el } = draw(one(doc.THREAD_STARTER));
    expect(within(el).getByTestId('thread').textContent).toBe('Discussion12 messages');
  });
});

describe('system messages (docs: message.mdx "Message Types")', () => {
  it.each([
    [doc.SYSTEM_TYPES.CHANNEL_PINNED_MESSAGE, '', /^\u2068Mason\u2069 pinned a message to this channel\.$/],
    [doc.SYSTEM_TYPES.GUILD_BOOST, '', /^\u2068Mason\u2069 just boosted the server!$/],
    [doc.SYSTEM_TYPES.GUILD_BOOST_TIER_2, '', /achieved Level 2!$/],
    [doc.SYSTEM_TYPES.THREAD_CREATED, 'Weekend plans', /^\u2068Mason\u2069 started a thread: \u2068Weekend plans\u2069\.$/],
    [doc.SYSTEM_TYPES.USER_JOIN, '', /\u2068Mason\u2069/],
  ])('type %i reads as Discord words it', (type, content, sentence) => {
    const { el } = draw(one(doc.systemMessage(type, content)));
    expect(el.classList.contains('message--system')).toBe(true);
    expect(within(el).getByTestId('system-line').textContent).toMatch(sentence);
  });

  it('a join reads as one of Discord’s greetings, chosen by the timestamp, each with the name', () => {
    const sentences = new Set<string>();
    for (let i = 0; i < JOIN_VARIANTS; i++) {
      const { el, unmount } = draw(makeMessage({ createdAt: 1_700_000_000_000 + i, view: { ...one(doc.systemMessage(7)).view! } }));
      const line = within(el).getByTestId('system-line').textContent!;
      expect(line).toContain('\u2068Alice\u2069');
      sentences.add(line);
      unmount();
    }
    expect(sentences.size).toBe(JOIN_VARIANTS);
  });

  it('in French too', () => {
    const { el } = draw(one(doc.systemMessage(doc.SYSTEM_TYPES.CHANNEL_PINNED_MESSAGE)), 'fr');
    expect(within(el).getByTestId('system-line').textContent).toBe('\u2068Mason\u2069 a épinglé un message dans ce salon.');
  });
});

describe('reactions (docs: message.mdx Reaction Object, gateway-events Message Reaction Add/Remove)', () => {
  it('the Example Message shows 🔥 1; a reaction added on Discord raises it live', async () => {
    const m = one(doc.EXAMPLE_MESSAGE);
    const fake = new FakeApi();
    fake.messages = [m];
    renderApp(fake);
    const list = await screen.findByTestId('message-list');
    const reaction = await within(list).findByTestId('reaction');
    expect(reaction.querySelector('img')?.getAttribute('alt')).toBe('🔥');
    expect(reaction.textContent).toBe('1');
    const url = (id: string, animated: boolean) => `https://cdn.discordapp.com/emojis/${id}.${animated ? 'gif' : 'webp'}`;
    let reactions = applyReaction(m.view!.reactions, 'MESSAGE_REACTION_ADD', doc.reactionEvent(m.id, { id: null, name: '🔥' }), url);
    reactions = applyReaction(reactions, 'MESSAGE_REACTION_ADD', doc.reactionEvent(m.id, { id: '41771983429993937', name: 'LUL' }), url);
    await emit(fake, 'message.updated', { ...m, view: { ...m.view!, reactions } });
    const shown = within(list).getAllByTestId('reaction').map((r) => [r.querySelector('img')?.getAttribute('alt'), r.textContent]);
    expect(shown).toEqual([
      ['🔥', '2'],
      [':LUL:', '1'],
    ]);
  });

  it('remove, remove-emoji and remove-all events as Discord documents them', () => {
    const url = () => 'u';
    const fire = (name = '🔥') => doc.reactionEvent('1', { id: null, name });
    let r = applyReaction([], 'MESSAGE_REACTION_ADD', fire(), url);
    r = applyReaction(r, 'MESSAGE_REACTION_ADD', fire(), url);
    r = applyReaction(r, 'MESSAGE_REACTION_ADD', fire('👍'), url);
    expect(r.map((x) => [x.emoji.name, x.count])).toEqual([['🔥', 2], ['👍', 1]]);
    r = applyReaction(r, 'MESSAGE_REACTION_REMOVE', fire(), url);
    expect(r.map((x) => [x.emoji.name, x.count])).toEqual([['🔥', 1], ['👍', 1]]);
    r = applyReaction(r, 'MESSAGE_REACTION_REMOVE', fire(), url);
    expect(r.map((x) => x.emoji.name)).toEqual(['👍']);
    expect(applyReaction(r, 'MESSAGE_REACTION_REMOVE_EMOJI', fire('👍'), url)).toEqual([]);
    expect(applyReaction(r, 'MESSAGE_REACTION_REMOVE_ALL', { channel_id: doc.CHANNEL_ID, message_id: '1' }, url)).toEqual([]);
  });

  it('counts follow adds and removes exactly, never below one, whatever the order (property)', () => {
    const emoji = fc.constantFrom('🔥', '👍', 'LUL');
    const op = fc.tuple(fc.constantFrom('MESSAGE_REACTION_ADD', 'MESSAGE_REACTION_REMOVE'), emoji);
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const model = new Map<string, number>();
        let r: ReturnType<typeof applyReaction> = [];
        for (const [t, name] of ops) {
          const e = name === 'LUL' ? { id: '41771983429993937', name } : { id: null, name };
          r = applyReaction(r, t, doc.reactionEvent('1', e), () => 'u');
          const n = model.get(name) ?? 0;
          if (t === 'MESSAGE_REACTION_ADD') model.set(name, n + 1);
          else if (n <= 1) model.delete(name);
          else model.set(name, n - 1);
        }
        expect(Object.fromEntries(r.map((x) => [x.emoji.name, x.count]))).toEqual(Object.fromEntries(model));
        expect(r.every((x) => x.count >= 1)).toBe(true);
      }),
    );
  });
});

describe('attachments (docs: message.mdx Attachment Object)', () => {
  it('an image preview opens a lightbox; video and audio play in place; a file has name, size and a download link', async () => {
    const { el, user } = draw(one(doc.ATTACHMENTS_MESSAGE));
    const items = within(el).getAllByTestId('attachment');
    expect(items.map((i) => i.className)).toEqual(['attachment attachment--image', 'attachment attachment--video', 'attachment attachment--audio', 'attachment attachment--file']);
    expect(items[1]!.querySelector('video')?.getAttribute('src')).toBe('https://cdn.discordapp.com/attachments/1/2/clip.mp4');
    expect(items[2]!.querySelector('audio')?.getAttribute('src')).toBe('https://cdn.discordapp.com/attachments/1/3/voice.ogg');
    expect(items[3]!.textContent).toContain('report.pdf');
    expect(items[3]!.textContent).toContain('4.8 MB');
    expect(within(items[3]!).getByRole('link', { name: 'Download report.pdf' }).getAttribute('download')).toBe('report.pdf');
    await user.click(within(items[0]!).getByRole('button', { name: 'Open cat.png' }));
    const dialog = document.querySelector<HTMLDialogElement>('dialog.lightbox')!;
    expect(dialog.open).toBe(true);
    expect(dialog.querySelector('img')?.getAttribute('src')).toBe('https://cdn.discordapp.com/attachments/1/1/cat.png');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(document.querySelector('dialog.lightbox')).toBeNull();
  });

  it('a file uploaded as a spoiler (SPOILER_ name) is hidden until clicked, as on Discord', async () => {
    const raw = { ...doc.ATTACHMENTS_MESSAGE, attachments: [{ ...doc.ATTACHMENTS_MESSAGE.attachments[0]!, filename: 'SPOILER_cat.png' }] };
    const { el, user } = draw(one(raw));
    expect(el.querySelector('.attachments img')).toBeNull();
    await user.click(within(el).getByRole('button', { name: 'Spoiler, press to reveal' }));
    expect(el.querySelector('.attachment__thumb img')?.getAttribute('alt')).toBe('SPOILER_cat.png');
  });
});
