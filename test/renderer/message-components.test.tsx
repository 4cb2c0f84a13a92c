// Message components (docs/components/reference.mdx) against the documentation's payloads, converted
// through real discord.js structures and the real toChatMessage, then drawn read-only by the panel.
import './setup';
import { within } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatComponent, ChatMessage } from '../../shared/types';
import { toComponents } from '../../electron/core/bot/message-components';
import { MessageItem } from '../../renderer/src/components/messages/MessageItem';
import { convert } from './fixtures/discord-docs/convert';
import * as c from './fixtures/discord-docs/payloads-components';
import { FakeApi } from './fake-api';
import { renderWithApi } from './render';

function draw(message: ChatMessage) {
  const view = renderWithApi(<MessageItem message={message} index={0} total={1} />, new FakeApi());
  return { ...view, el: view.container.querySelector<HTMLElement>('[data-testid="message"]')! };
}
const one = (raw: object) => convert(raw)[0]!;
const buttons = (el: HTMLElement) => within(el).getAllByTestId('component-button');

describe('buttons (docs: Action Row example, Button Styles)', () => {
  it('an action row: Accept in blurple, Learn More a link opening its URL, Decline in red; the others cannot be pressed', () => {
    const { el } = draw(one(c.ACTION_ROW_MESSAGE));
    expect(el.textContent).toContain('Join the arena?');
    const row = within(el).getByTestId('component-row');
    const [accept, learn, decline] = buttons(row);
    expect([accept!.className, accept!.textContent]).toEqual(['dc-button dc-button--primary', 'Accept']);
    expect([decline!.className, decline!.textContent]).toEqual(['dc-button dc-button--danger', 'Decline']);
    expect(learn!.tagName).toBe('A');
    expect([learn!.getAttribute('href'), learn!.getAttribute('target'), learn!.getAttribute('rel')]).toEqual(['http://watchanimeattheoffice.com/', '_blank', 'noopener noreferrer']);
    expect(learn!.className).toBe('dc-button dc-button--link');
    for (const b of [accept!, decline!]) {
      expect(b.tagName).toBe('SPAN');
      expect(b.getAttribute('aria-disabled')).toBe('true');
    }
    expect(within(el).queryAllByRole('button')).toEqual([]);
  });

  it('emoji on buttons (Twemoji, custom from the CDN) and the disabled look', () => {
    const { el } = draw(one(c.BUTTON_STYLES_MESSAGE));
    const [wave, lul] = buttons(el);
    expect(wave!.className).toBe('dc-button dc-button--secondary');
    expect(wave!.querySelector('img.emoji')?.getAttribute('src')).toBe('./twemoji/1f44b.svg');
    expect(lul!.className).toBe('dc-button dc-button--success dc-button--disabled');
    expect(lul!.querySelector('img.emoji')?.getAttribute('src')).toBe('https://cdn.discordapp.com/emojis/41771983429993937.webp');
    expect(lul!.textContent).toBe('LUL');
  });

  it('a link button to a javascript: URL is never a link', () => {
    const m = one(c.ACTION_ROW_MESSAGE);
    const evil: ChatComponent = { type: 'row', components: [{ type: 'button', style: 5, label: 'x', emoji: null, url: 'javascript:alert(1)', disabled: false }] };
    const { el } = draw({ ...m, view: { ...m.view!, components: [evil] } });
    expect(el.querySelector('a.dc-button')).toBeNull();
    expect(buttons(el).map((x) => [x.tagName, x.textContent])).toEqual([['SPAN', 'x']]);
  });
});

describe('select menus (docs: String Select example, User Select)', () => {
  it('shows the placeholder, or Discord’s “Make a selection”, and the disabled look', () => {
    const { el } = draw(one(c.SELECT_MESSAGE));
    const [bugs, users] = within(el).getAllByTestId('component-select');
    expect(bugs!.textContent).toBe('Favorite bug?');
    expect(bugs!.className).toBe('dc-select');
    expect(users!.textContent).toBe('Make a selection');
    expect(users!.className).toBe('dc-select dc-select--disabled');
  });

  it('an option marked default shows as chosen instead of the placeholder', () => {
    const raw = structuredClone(c.SELECT_MESSAGE) as unknown as { components: { components: { options?: { default?: boolean }[] }[] }[] };
    raw.components[0]!.components[0]!.options![1]!.default = true;
    const { el } = draw(one(raw));
    const select = within(el).getAllByTestId('component-select')[0]!;
    expect(select.textContent).toBe(' Butterfly');
    expect(select.querySelector('img.emoji')?.getAttribute('alt')).toBe('🦋');
  });
});

describe('layout components (IS_COMPONENTS_V2: Button Interaction example, Container, Section, Separator, Media Gallery)', () => {
  it('a Text Display is the message text, in Markdown, with the row under it', () => {
    const { el } = draw(one(c.V2_MESSAGE));
    expect(within(el).getByTestId('component-text').textContent).toBe('This is a message with components.');
    expect(buttons(el).map((b) => b.textContent)).toEqual(['Click me!']);
  });

  it('a container with its accent colour, a heading with a resolved mention, a separator, a section with a thumbnail, a gallery of Discord-hosted media only', () => {
    const { el } = draw(one(c.CONTAINER_MESSAGE));
    const box = within(el).getByTestId('component-container');
    expect(box.style.borderInlineStartColor).toBe('rgb(10, 187, 255)'); // 703487 = #0abbff
    expect(box.querySelector('h1')?.textContent).toBe('Wave hello to @Nells');
    expect(within(box).getByTestId('component-separator').className).toBe('dc-separator dc-separator--large');
    const section = within(box).getByTestId('component-section');
    expect(section.querySelector('.dc-section__text')?.textContent).toBe('Sneak n stab');
    const thumb = section.querySelector<HTMLImageElement>('.dc-section__accessory img.dc-thumbnail')!;
    expect([thumb.getAttribute('src'), thumb.alt]).toEqual(['https://cdn.discordapp.com/attachments/1/5/rogue.png', 'A rogue']);
    const gallery = [...within(box).getByTestId('component-gallery').querySelectorAll('img')].map((i) => i.getAttribute('src'));
    expect(gallery).toEqual(['https://cdn.discordapp.com/attachments/1/6/a.png']);
  });
});

describe('a reply to an IS_COMPONENTS_V2 message', () => {
  it('quotes the text of its Text Displays (its content is empty)', () => {
    const reply = { ...c.V2_MESSAGE, id: '334385199974967072', type: 19, content: 'clicked it', components: [], message_reference: { type: 0, message_id: c.V2_MESSAGE.id, channel_id: c.V2_MESSAGE.channel_id } };
    const [, quoted] = convert(c.V2_MESSAGE, reply);
    expect(quoted!.view!.reply?.excerpt).toBe('This is a message with components.');
    expect(draw(quoted!).el.querySelector('.reply__excerpt')?.textContent).toBe('This is a message with components.');
  });
});

describe('toComponents: any payload', () => {
  const media = (x: { url?: string } | undefined) => (x?.url?.startsWith('https://cdn.discordapp.com/') ? { url: x.url, width: null, height: null } : undefined);
  const ctx = { emojiUrl: (id: string) => `https://cdn.discordapp.com/emojis/${id}.webp`, media };
  const count = (cs: ChatComponent[]): number =>
    cs.reduce((n, x) => n + 1 + ('components' in x ? count(x.components) : 0) + (x.type === 'section' && x.accessory ? count([x.accessory]) : 0), 0);
  const links = (cs: ChatComponent[]): string[] =>
    cs.flatMap((x) => [...(x.type === 'button' && x.url ? [x.url] : []), ...('components' in x ? links(x.components) : []), ...(x.type === 'section' && x.accessory ? links([x.accessory]) : [])]);

  it('never throws, keeps at most 40 components (Discord’s cap), and links only http(s) (property)', () => {
    const leaf = fc.record({
      type: fc.constantFrom(1, 2, 3, 5, 9, 10, 11, 12, 14, 17, 99, '2', null),
      style: fc.oneof(fc.integer({ min: -1, max: 8 }), fc.string()),
      label: fc.oneof(fc.string(), fc.constant(null)),
      url: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd')),
      content: fc.oneof(fc.string(), fc.integer()),
      emoji: fc.oneof(fc.record({ id: fc.oneof(fc.string(), fc.constant('41771983429993937')), name: fc.string() }), fc.anything()),
      media: fc.oneof(fc.record({ url: fc.webUrl() }), fc.anything()),
    }, { requiredKeys: ['type'] });
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.record({ type: fc.constantFrom(1, 9, 17), components: fc.array(tie('node'), { maxLength: 8 }), accessory: tie('node') })),
    })).node;
    fc.assert(
      fc.property(fc.oneof(fc.array(tree, { maxLength: 20 }), fc.anything()), (raw) => {
        const out = toComponents(raw, ctx);
        expect(count(out)).toBeLessThanOrEqual(40);
        for (const url of links(out)) expect(url).toMatch(/^https?:\/\//i);
      }),
      { numRuns: 300 },
    );
  });

  it('a wide payload is cut at 40 components', () => {
    const row = { type: 1, components: Array.from({ length: 5 }, () => ({ type: 2, style: 1, label: 'b', custom_id: 'x' })) };
    expect(count(toComponents(Array.from({ length: 20 }, () => row), ctx))).toBe(40);
  });
});

describe('File component (docs: File example)', () => {
  it('is drawn read-only like a file attachment: name, size when known, a link to the file; not repeated as an attachment', () => {
    const { el } = draw(one(c.FILE_MESSAGE));
    const files = within(el).getAllByTestId('component-file');
    expect(files.map((f) => [f.querySelector('.attachment__name')?.textContent, f.querySelector('.attachment__size')?.textContent ?? null])).toEqual([
      ['game.zip', '2.5 MB'],
      ['manual.pdf', null],
    ]);
    expect(files[0]!.querySelector('a.attachment__link')?.getAttribute('href')).toBe(c.GAME_ZIP.url);
    expect(files[0]!.querySelector('a.attachment__download')?.getAttribute('download')).toBe('game.zip');
    // An attachment:// reference is not a place a browser can open: the name only.
    expect(files[1]!.querySelector('a[href]')).toBeNull();
    expect(within(el).queryAllByTestId('attachment')).toEqual([]);
    expect(el.textContent).toContain('Grab the game here:');
  });
});
