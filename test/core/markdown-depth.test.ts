// One message nested deeply enough (a Nitro user's 4,000 "*", 2,000 "- ", an embed description of
// "- " × 2,048) overflowed simple-markdown's recursion: the panel drew nothing at all (no error
// boundary), even after a reload, and the HTML export stopped. The parse must never throw, keep the
// text, and give a tree shallow enough to draw on any stack (a browser's is smaller than Node's).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarkdownHtml } from '../../electron/core/archive/html/markdown.js';
import { MAX_MARKDOWN_NESTING, parseDiscordMarkdown, type MdNode } from '../../shared/discord-markdown.js';

/** The deepest chain of nested nodes (content arrays and list items), walked without recursion. */
function depth(nodes: MdNode[]): number {
  let most = 0;
  const todo: Array<[MdNode[], number]> = [[nodes, 1]];
  while (todo.length) {
    const [list, d] = todo.pop()!;
    for (const n of list) {
      most = Math.max(most, d);
      if (Array.isArray(n.content)) todo.push([n.content as MdNode[], d + 1]);
      if (Array.isArray(n.items)) for (const item of n.items as MdNode[][]) todo.push([item, d + 1]);
    }
  }
  return most;
}

/** Runs `fn` with only about `frames` frames of stack left, as a smaller stack would. */
function withLittleStack<T>(frames: number, fn: () => T): T {
  const down = (n: number): T => (n === 0 ? fn() : down(n - 1));
  return down(frames);
}

const DEEP = ['*'.repeat(4000), '- '.repeat(2000), '- '.repeat(2048), '_'.repeat(4000), '||'.repeat(2000), '~~'.repeat(2000), '> '.repeat(2000), '# '.repeat(1000) + 'x', '**'.repeat(2000)];

describe('deeply nested Markdown', () => {
  it('never throws, keeps every letter of the text and stays shallow', () => {
    for (const text of DEEP.map((d) => `${d}hello${d}`)) {
      const nodes = parseDiscordMarkdown(text);
      expect(depth(nodes)).toBeLessThanOrEqual(MAX_MARKDOWN_NESTING + 1);
      expect(JSON.stringify(nodes)).toContain('hello');
    }
  });

  it('does not throw on a small stack either (the renderer\'s)', () => {
    for (const text of DEEP) expect(() => withLittleStack(8000, () => parseDiscordMarkdown(text))).not.toThrow();
  });

  // The parse ran down the whole stack before giving up: 50-200 ms of one message, in the panel and
  // in the HTML export, and the message lost its lists. Past a depth the rest is kept as its text.
  it('stops nesting before the stack runs out: the first lists stay lists', () => {
    for (const marker of ['- ', '* ', '1. ']) {
      const nodes = parseDiscordMarkdown(`${marker.repeat(Math.floor(4000 / marker.length))}hello`);
      expect(nodes[0]?.type).toBe('list');
      expect(JSON.stringify(nodes)).toContain('hello');
    }
  });

  // The parse's depth guard kept the rest of "- " × 200 as text: the deepest item read "- - - … x".
  it('a line opening more lists than are drawn keeps its last words as the deepest item; fenced code keeps every marker and indent', () => {
    const deepest = (nodes: MdNode[]): MdNode[] => {
      const list = nodes.find((n) => n.type === 'list');
      return list ? deepest((list.items as MdNode[][])[0]!) : nodes;
    };
    expect(deepest(parseDiscordMarkdown(`${'- '.repeat(200)}x`))).toEqual([{ type: 'text', content: 'x' }]);
    expect(deepest(parseDiscordMarkdown(`  ${'1. '.repeat(50)}hello`)).map((n) => n.content).join('')).toBe('hello');
    const code = `\`\`\`\n${'- '.repeat(9)}x\n${' '.repeat(20)}- deep\n\`\`\``;
    expect(JSON.stringify(parseDiscordMarkdown(code))).toContain(JSON.stringify(`${'- '.repeat(9)}x\n${' '.repeat(20)}- deep`));
  });

  it('exports to HTML', () => {
    const md = new MarkdownHtml('en');
    for (const text of DEEP) expect(md.render(`${text}hello`)).toContain('hello');
  });

  it('random nestings of Markdown tokens up to 4,000 characters parse shallow', () => {
    const token = fc.constantFrom('*', '**', '_', '__', '~~', '||', '`', '- ', '> ', '# ', '-# ', '\n', ' ', 'a', '[', '](', ')', '<@1>', ':x:');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 2000 }), (tokens) => {
        const nodes = parseDiscordMarkdown(tokens.join(''));
        expect(depth(nodes)).toBeLessThanOrEqual(MAX_MARKDOWN_NESTING + 1);
      }),
      { numRuns: 200 },
    );
  });
});
