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

  it('leaves anything with Markdown, a mention, a URL or a list to the parser', () => {
    for (const text of ['**b**', '_i_', '~~s~~', '`c`', '||x||', '> q', '# h', '- item', '1. item', '[m](https://x.y)', 'see https://x.y', '<@123456789012345678>', '@everyone', 'a\nb', ':smile:', 'back\\slash', '👍']) {
      expect(isPlain(text)).toBe(false);
    }
  });
});
