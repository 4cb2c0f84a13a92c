// Display spoofing and layout: names that reorder themselves with bidi controls, and Markdown
// nested deep enough to push the feed thousands of pixels wide (issue 7, item 12).
import './setup';
import { screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_DEPTH, MAX_QUOTE_DEPTH } from '../../renderer/src/lib/markdown-depth';
import { BIDI_CONTROLS, stripBidiControls } from '../../renderer/src/lib/bidi';
import { MessageContent } from '../../renderer/src/components/messages/MessageContent';
import { FakeApi } from './fake-api';
import { makeMessage, makeStatus } from './fixtures';
import { renderApp, renderWithApi } from './render';

async function show(message = makeMessage()) {
  const fake = new FakeApi();
  fake.messages = [message];
  renderApp(fake);
  await within(await screen.findByTestId('message-list')).findAllByTestId('message');
  return document.querySelector<HTMLElement>(`[data-message-id="${message.id}"]`)!;
}

const author = (displayName: string) => ({ id: '7', username: 'eve', displayName, avatarUrl: null, bot: false });
const CONTROL_RE = /[\u202A-\u202E\u2066-\u2069]/;

/** Deepest chain of `selector` elements nested in one another under root. */
function nesting(root: Element, selector: string): number {
  let deepest = 0;
  for (const el of root.querySelectorAll(selector)) {
    let depth = 0;
    for (let at: Element | null = el; at && at !== root; at = at.parentElement) if (at.matches(selector)) depth++;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

describe('bidi controls in names', () => {
  it('an author named "\\u202Enimda" reads "nimda", isolated, never "admin"', async () => {
    const el = await show(makeMessage({ author: author('\u202Enimda') }));
    const name = el.querySelector('.message__author')!;
    const bdi = name.querySelector('bdi');
    expect(bdi).not.toBeNull();
    expect(bdi!.textContent).toBe('nimda');
    expect(name.textContent).not.toMatch(CONTROL_RE);
    // The avatar's accessible name and initial come from the cleaned name too.
    const avatar = within(el).getByRole('img', { name: 'Avatar of nimda' });
    expect(avatar.textContent).toBe('N');
  });

  it('strips every embedding, override and isolate control, keeps the rest', async () => {
    const raw = '\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee\u2066f\u2067g\u2068h\u2069i \u05D0\u05D1 ✓';
    const el = await show(makeMessage({ author: author(raw) }));
    expect(el.querySelector('.message__author bdi')!.textContent).toBe('abcdefghi \u05D0\u05D1 ✓');
  });

  it('isolates the content so its controls cannot reorder the header or the marks', async () => {
    const el = await show(makeMessage({ content: 'tail \u202Eoverride', editedAt: Date.now() }));
    const content = el.querySelector('.message__content')!;
    const isolate = content.querySelector('bdi.markdown');
    expect(isolate).not.toBeNull();
    expect(isolate!.textContent).toContain('override');
  });

  it('cleans attachment names (an "exe.pdf" that is really a .exe)', async () => {
    const attachment = { id: '9', name: 'invoice\u202Efdp.exe', url: 'https://cdn.example/x', size: 10, contentType: null, width: null, height: null };
    const el = await show(makeMessage({ attachments: [attachment] }));
    expect(el.querySelector('.attachment__name bdi')!.textContent).toBe('invoicefdp.exe');
  });

  it('cleans the guild and channel names of the status sentence', async () => {
    const fake = new FakeApi();
    fake.status = makeStatus('connected', { guild: { id: '1', name: 'Home\u202E baL' }, sentence: 'Connected to #general on Home\u202E baL' });
    renderApp(fake);
    const status = await screen.findByTestId('status');
    await within(status).findByText(/Home/);
    expect(status.textContent).not.toMatch(CONTROL_RE);
  });
});

describe('stripBidiControls', () => {
  it('leaves no control, changes nothing else, and is idempotent (property)', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom(...BIDI_CONTROLS));
    fc.assert(
      fc.property(fc.array(piece), (pieces) => {
        const raw = pieces.join('');
        const out = stripBidiControls(raw);
        expect(out).not.toMatch(CONTROL_RE);
        expect(stripBidiControls(out)).toBe(out);
        expect(out).toBe([...raw].filter((c) => !BIDI_CONTROLS.includes(c)).join(''));
      }),
    );
  });
});

describe('Markdown depth caps', () => {
  it(`500 nested ">" render at most ${MAX_QUOTE_DEPTH} quote deep, text kept`, async () => {
    // Discord's dialect needs a space after each ">" (">>>>" is plain text there), so nest them with spaces.
    const el = await show(makeMessage({ content: `${'> '.repeat(500)}deep text` }));
    expect(el.querySelector('blockquote')).not.toBeNull();
    expect(nesting(el, 'blockquote')).toBe(MAX_QUOTE_DEPTH);
    expect(el.textContent).toContain('deep text');
  });

  it(`a 200-level list renders at most ${MAX_LIST_DEPTH} lists deep with all 200 items in order`, async () => {
    const content = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const el = await show(makeMessage({ content }));
    expect(nesting(el, 'ul, ol')).toBe(MAX_LIST_DEPTH);
    const items = [...el.querySelectorAll('li')].map((li) => /item \d+/.exec(li.textContent ?? '')?.[0]);
    expect(items).toEqual(Array.from({ length: 200 }, (_, i) => `item ${i}`));
  });

  it('a 200-level list written on one line ("- - - … x", 401 characters) renders 4 lists and one item', async () => {
    const el = await show(makeMessage({ content: `${'- '.repeat(200)}x` }));
    expect(nesting(el, 'ul')).toBe(MAX_LIST_DEPTH);
    // The 196 levels that held nothing but the next level leave no empty bullets behind.
    expect(el.querySelectorAll('li')).toHaveLength(MAX_LIST_DEPTH);
    expect(el.querySelector('li li li li')!.textContent).toBe('x');
  });

  it('keeps shallow quotes and lists as written', async () => {
    const el = await show(makeMessage({ content: '> quoted\n\n- a\n  - b\n    - c' }));
    expect(nesting(el, 'blockquote')).toBe(1);
    expect(nesting(el, 'ul')).toBe(3);
  });

  it('bounds any mix of quotes and lists (property)', () => {
    const prefix = fc.constantFrom('> ', '- ', '1. ', '  ', '>>> ', '* ');
    const line = fc.tuple(fc.array(prefix, { maxLength: 60 }), fc.string({ maxLength: 8 })).map(([p, text]) => p.join('') + text);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const { container, unmount } = renderWithApi(<MessageContent content={lines.join('\n')} />);
        try {
          expect(nesting(container, 'blockquote')).toBeLessThanOrEqual(MAX_QUOTE_DEPTH);
          expect(nesting(container, 'ul, ol')).toBeLessThanOrEqual(MAX_LIST_DEPTH);
        } finally {
          unmount();
        }
      }),
      { numRuns: 150 },
    );
  });
});
