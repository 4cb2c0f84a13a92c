// Caps how deep quotes and lists nest in a rendered message. Each level indents by its padding,
// so 500 nested `>` made the feed 7,000 px wide. Discord itself renders one level of quote.
import type { MdNode } from './markdown-plugins';

export const MAX_QUOTE_DEPTH = 1;
/** Deeper items join the deepest list, in order: no text is lost, only indentation. */
export const MAX_LIST_DEPTH = 4;

export function remarkDepthCap() {
  return (tree: MdNode) => {
    tree.children = tree.children?.flatMap((child) => capped(child, 0, 0));
  };
}

/** The node as it may appear at this depth: itself (with capped children), or its unwrapped content. */
function capped(node: MdNode, quotes: number, lists: number): MdNode[] {
  if (node.type === 'blockquote') {
    if (quotes >= MAX_QUOTE_DEPTH) return inner(node, quotes, lists);
    quotes++;
  } else if (node.type === 'list') {
    // Only reached for a list not directly in an item of the deepest list (e.g. list > quote > list).
    if (lists >= MAX_LIST_DEPTH) return (node.children ?? []).flatMap((item) => inner(item, quotes, lists));
    lists++;
    if (lists === MAX_LIST_DEPTH) node.children = hoist(node.children ?? []);
  }
  if (node.children) node.children = inner(node, quotes, lists);
  return [node];
}

function inner(node: MdNode, quotes: number, lists: number): MdNode[] {
  return (node.children ?? []).flatMap((child) => capped(child, quotes, lists));
}

/**
 * Items of the lists nested in these items become their following siblings. An item that held
 * nothing but the next level ("- - - x") goes: no empty bullets.
 */
function hoist(items: MdNode[]): MdNode[] {
  return items.flatMap((item) => {
    const nested = (item.children ?? []).filter((c) => c.type === 'list');
    if (nested.length === 0) return [item];
    item.children = item.children!.filter((c) => c.type !== 'list');
    const hoisted = hoist(nested.flatMap((list) => list.children ?? []));
    return item.children.length > 0 ? [item, ...hoisted] : hoisted;
  });
}
