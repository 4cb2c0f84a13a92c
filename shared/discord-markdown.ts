// Discord's Markdown dialect (not CommonMark) parsed by discord-markdown-parser, the simple-markdown
// rule set used by discord-html-transcripts. Pure (no DOM): the panel and the HTML export share it. It has no list rule, so simple-markdown's own list is
// added the way Discord writes lists; masked links are on, as Discord now allows them in messages.
import { rulesExtended, SimpleMarkdown } from 'discord-markdown-parser';
import type { SingleASTNode, State } from 'discord-markdown-parser/dist/simple-markdown';
import { MAX_LIST_DEPTH } from './limits.js';

export type MdNode = SingleASTNode;

const baseList = SimpleMarkdown.defaultRules.list;
const list = {
  ...baseList,
  order: rulesExtended.blockQuote!.order,
  // The parser runs in inline mode (one paragraph, like Discord); lists still start at a line start.
  match: (source: string, state: State, prev: string) => baseList.match(source, { ...state, inline: false, prevCapture: state.prevCapture ?? ({ 0: '' } as RegExpExecArray) }, prev),
};
// simple-markdown's link pattern backtracks exponentially on "[[[[…](](" (114 s for 2,000 characters,
// the panel frozen). Same syntax, [text](url), with no ambiguous repetition: linear time.
const LINK = /^\[([^[\]]*(?:\[[^[\]]*\][^[\]]*)*)\]\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)>?\s*\)/;
const link = { ...rulesExtended.link!, match: SimpleMarkdown.inlineRegex(LINK) };
/**
 * Nodes deeper than this are kept as the text they matched, unparsed: "- " × 2,000 recursed until the
 * stack ran out (caught below), ~50-200 ms of one message's parse, in the panel and the HTML export.
 */
const MAX_PARSE_DEPTH = 48; // twice MAX_MARKDOWN_NESTING: what is drawn down to that depth is unchanged
type Rule = { parse: (capture: RegExpExecArray, parse: unknown, state: State & { depth?: number }) => unknown };
const guarded = (rules: Record<string, Rule>) =>
  Object.fromEntries(
    Object.entries(rules).map(([name, rule]) => [
      name,
      {
        ...rule,
        parse: (capture: RegExpExecArray, parse: unknown, state: State & { depth?: number }) => {
          const depth = state.depth ?? 0;
          if (depth >= MAX_PARSE_DEPTH) return { type: 'text', content: capture[0] };
          state.depth = depth + 1;
          try {
            return rule.parse(capture, parse, state);
          } finally {
            state.depth = depth;
          }
        },
      },
    ]),
  );
const parser = SimpleMarkdown.parserFor(guarded({ ...rulesExtended, list, link } as unknown as Record<string, Rule>) as unknown as typeof rulesExtended);

/** Deeper indents than this become this: lists below the cap join it as siblings, and parsing stays linear. */
const MAX_INDENT = 2 * MAX_LIST_DEPTH;
const LIST_LINE = /^( +)(?=(?:[*+-]|\d+\.) )/gm;
/**
 * A line opening more lists than are drawn ("- - - … x"): each marker is a list in the list before it,
 * and each level parsed the rest of the line again ("- " × 2,000: 50-200 ms). The levels past the cap
 * hold nothing but the next one and are not drawn (capDepth): the line keeps the cap's markers.
 */
const MARKER_RUN = new RegExp(`^( *(?:(?:[*+-]|\\d+\\.) +){${MAX_LIST_DEPTH}})(?:(?:[*+-]|\\d+\\.) +)+`, 'gm');
/** Fenced code is drawn as written: the clamps above apply to the text between fences only. */
const FENCED = /(```[\s\S]*?```)/;

/**
 * Nodes nested deeper than this are drawn as their text: a tree as deep as its input ("*" × 4,000)
 * overflowed the stack of whatever walked it (the panel's React, the export), and one message blanked
 * the whole panel.
 */
export const MAX_MARKDOWN_NESTING = 24;

/** Never throws: input nested past what the parser's recursion survives is shown as its text. */
export function parseDiscordMarkdown(content: string): MdNode[] {
  const clamped = content
    .split(FENCED)
    .map((part, i) => (i % 2 ? part : part.replace(LIST_LINE, (spaces: string) => (spaces.length > MAX_INDENT ? ' '.repeat(MAX_INDENT) : spaces)).replace(MARKER_RUN, '$1')))
    .join('');
  try {
    return shallow(dropBlockBreaks(capDepth(parser(clamped, { inline: true }), 0, 0)), 1);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return [{ type: 'text', content }];
  }
}

/** A timestamp node's tag as the message wrote it (`<t:digits>` or `<t:digits:style>`: the parser's pattern). */
export function writtenTimestamp(n: MdNode): string {
  return `<t:${String(n.timestamp)}${n.format ? `:${String(n.format)}` : ''}>`;
}

/** Below MAX_MARKDOWN_NESTING, a node becomes one text node of everything it holds. */
function shallow(nodes: MdNode[], depth: number): MdNode[] {
  return nodes.map((node) => {
    if (depth >= MAX_MARKDOWN_NESTING && (Array.isArray(node.content) || Array.isArray(node.items))) return { type: 'text', content: textOf(node) };
    if (Array.isArray(node.content)) return { ...node, content: shallow(node.content as MdNode[], depth + 1) };
    if (Array.isArray(node.items)) return { ...node, items: (node.items as MdNode[][]).map((item) => shallow(item, depth + 1)) };
    return node;
  });
}

/** The text a node holds, in order, walked with a stack of its own (the node may be thousands deep). */
function textOf(root: MdNode): string {
  let out = '';
  const todo: MdNode[] = [root];
  while (todo.length) {
    const node = todo.pop()!;
    if (typeof node.content === 'string') out += node.content;
    const children = Array.isArray(node.content) ? (node.content as MdNode[]) : Array.isArray(node.items) ? (node.items as MdNode[][]).flat() : [];
    for (let i = children.length - 1; i >= 0; i--) todo.push(children[i]!);
  }
  return out;
}

const BLOCKS = new Set(['blockQuote', 'codeBlock', 'heading', 'subtext', 'list']);

/** The newline that ends a block (a quote's last line, the line after ```) is the block's edge, not an empty line. */
function dropBlockBreaks(nodes: MdNode[]): MdNode[] {
  const out: MdNode[] = [];
  for (const node of nodes) {
    if (node.type === 'br' && BLOCKS.has(out.at(-1)?.type ?? '')) continue;
    if (node.type === 'blockQuote' && Array.isArray(node.content)) {
      const inner = dropBlockBreaks(node.content as MdNode[]);
      while (inner.at(-1)?.type === 'br') inner.pop();
      out.push({ ...node, content: inner });
    } else out.push(node);
  }
  return out;
}

/**
 * Quote depth 1 (Discord's own rule; the parser already refuses a quote in a quote) and at most
 * MAX_LIST_DEPTH nested lists: items of deeper lists join the deepest one, in order.
 */
function capDepth(nodes: MdNode[], quotes: number, lists: number): MdNode[] {
  return joinText(nodes.flatMap((node): MdNode[] => {
    if (node.type === 'blockQuote') {
      const inner = capDepth(asNodes(node.content), quotes + 1, lists);
      return quotes >= 1 ? inner : [{ ...node, content: inner }];
    }
    if (node.type === 'list') {
      // Only reached past the cap through a quote (list > quote > list): its text joins the item.
      if (lists >= MAX_LIST_DEPTH) return capDepth((node.items as MdNode[][]).flat(), quotes, lists);
      const items = lists + 1 === MAX_LIST_DEPTH ? hoist(node.items as MdNode[][]) : (node.items as MdNode[][]);
      return [{ ...node, items: items.map((item) => capDepth(item, quotes, lists + 1)) }];
    }
    return Array.isArray(node.content) ? [{ ...node, content: capDepth(node.content as MdNode[], quotes, lists) }] : [node];
  }));
}

/**
 * Adjacent text runs as one: the parser cuts text before any non-ASCII letter ("la r" + "éunion"),
 * and keyword marking needs whole words to see where a word starts and ends.
 */
function joinText(nodes: MdNode[]): MdNode[] {
  const out: MdNode[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (node.type === 'text' && last?.type === 'text' && typeof last.content === 'string' && typeof node.content === 'string') {
      out[out.length - 1] = { ...last, content: last.content + node.content };
    } else out.push(node);
  }
  return out;
}

/** In the deepest list, a nested list's items become following items; an item holding only that list goes. */
function hoist(items: MdNode[][]): MdNode[][] {
  return items.flatMap((item) => {
    const nested = item.filter((n) => n.type === 'list');
    if (nested.length === 0) return [item];
    const own = item.filter((n) => n.type !== 'list' && n.type !== 'br');
    const hoisted = hoist(nested.flatMap((n) => n.items as MdNode[][]));
    return own.length > 0 ? [own, ...hoisted] : hoisted;
  });
}

function asNodes(content: unknown): MdNode[] {
  return Array.isArray(content) ? (content as MdNode[]) : [];
}
