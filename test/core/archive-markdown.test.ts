// The HTML export's fast path for plain text must write exactly what the full Discord Markdown
// parser would: compared on random strings the fast path accepts, and refused for Markdown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlain, MarkdownHtml } from '../../electron/core/archive/html/markdown.js';

const md = new MarkdownHtml('en');

describe('plain-text fast path', () => {
  it('gives the same HTML as the parser for any text it accepts', async () => {
    const { parseDiscordMarkdown } = await import('../../shared/discord-markdown.js');
    const viaParser = (text: string) => (md as unknown as { nodes(n: unknown[]): string }).nodes(parseDiscordMarkdown(text) as unknown[]);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        fc.pre(text.length > 0 && isPlain(text));
        expect(md.render(text)).toBe(viaParser(text));
      }),
      { numRuns: 2000 },
    );
    for (const text of ['plain message 12', 'Ça va ? Oui, très bien !', 'a & b < c', "it's 5 o'clock", '   spaced   out   ']) {
      expect(isPlain(text) ? md.render(text) : null).toBe(isPlain(text) ? viaParser(text) : null);
    }
  });

  it('marks the same keywords on both paths, and marking changes only the tags', async () => {
    const { parseDiscordMarkdown } = await import('../../shared/discord-markdown.js');
    const { keywordMatcher } = await import('../../shared/keyword-match.js');
    const viaParser = (text: string, keywords: ReturnType<typeof keywordMatcher>) => {
      const m = md as unknown as { marking: unknown; nodes(n: unknown[]): string };
      m.marking = keywords;
      try {
        return m.nodes(parseDiscordMarkdown(text) as unknown[]);
      } finally {
        m.marking = null;
      }
    };
    const word = fc.stringMatching(/^[a-zé]{1,6}$/);
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.constantFrom(' ', ', ', '. ', ' & ', '?')), { minLength: 1, maxLength: 12 }), fc.array(word, { minLength: 1, maxLength: 3 }), (parts, keywords) => {
        const text = parts.join('');
        fc.pre(text.trim().length > 0 && isPlain(text));
        const matcher = keywordMatcher(keywords);
        const marked = md.render(text, matcher);
        expect(marked).toBe(viaParser(text, matcher));
        expect(marked.replace(/<\/?mark[^>]*>/g, '')).toBe(md.render(text));
        expect((marked.match(/<mark /g) ?? []).length).toBe(matcher!.split(text).filter((p) => typeof p !== 'string').length);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves anything with Markdown, a mention, a URL or a list to the parser', () => {
    for (const text of ['**b**', '_i_', '~~s~~', '`c`', '||x||', '> q', '# h', '- item', '+ item', '+  ', '1. item', '[m](https://x.y)', 'see https://x.y', '<@123456789012345678>', '@everyone', 'a\nb', ':smile:', 'back\\slash', '👍']) {
      expect(isPlain(text)).toBe(false);
    }
  });
});
