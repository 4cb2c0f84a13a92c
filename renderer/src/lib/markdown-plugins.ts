// Two remark plugins for Discord message content. Local node types keep us off undeclared
// @types packages; remark only needs the shape.

export interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: { hName?: string; hProperties?: Record<string, unknown> };
}

// Containers whose children are blocks: a raw HTML block there becomes a paragraph of text.
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * Discord shows `<img src=x onerror=…>` literally, so raw HTML becomes plain text. (react-markdown's
 * `skipHtml` would drop it silently; we keep skipHtml too, as a second lock.)
 */
export function remarkHtmlAsText() {
  return (tree: MdNode) => {
    const walk = (node: MdNode) => {
      if (!node.children) return;
      node.children = node.children.map((child) => {
        if (child.type !== 'html') {
          walk(child);
          return child;
        }
        const text: MdNode = { type: 'text', value: child.value ?? '' };
        return FLOW_PARENTS.has(node.type) ? { type: 'paragraph', children: [text] } : text;
      });
    };
    walk(tree);
  };
}

const MARKER = Symbol('spoiler marker');
type Piece = MdNode | typeof MARKER;

/**
 * Discord's `||spoiler||`: text between two markers in the same paragraph becomes a
 * span.spoiler (rendered by the Spoiler component). Code spans are not text nodes, so
 * `||` inside code stays literal; an unpaired marker stays literal too.
 */
export function remarkSpoilers() {
  return (tree: MdNode) => {
    const walk = (node: MdNode) => {
      if (!node.children) return;
      node.children.forEach(walk);
      if (node.children.some((c) => c.type === 'text' && c.value?.includes('||'))) {
        node.children = pairMarkers(node.children);
      }
    };
    walk(tree);
  };
}

function pairMarkers(children: MdNode[]): MdNode[] {
  const pieces: Piece[] = [];
  for (const child of children) {
    if (child.type !== 'text' || !child.value?.includes('||')) {
      pieces.push(child);
      continue;
    }
    child.value.split('||').forEach((part, i) => {
      if (i > 0) pieces.push(MARKER);
      if (part) pieces.push({ type: 'text', value: part });
    });
  }
  const out: Piece[] = [];
  let open = -1;
  for (const piece of pieces) {
    if (piece !== MARKER) {
      out.push(piece);
    } else if (open < 0) {
      open = out.length;
      out.push(MARKER);
    } else {
      const inner = out.splice(open).slice(1) as MdNode[];
      out.push(inner.length ? spoiler(inner) : { type: 'text', value: '||||' });
      open = -1;
    }
  }
  return out.map((p) => (p === MARKER ? { type: 'text', value: '||' } : p));
}

function spoiler(children: MdNode[]): MdNode {
  // Any phrasing node type works here: data.hName tells mdast-util-to-hast what element to emit.
  return { type: 'emphasis', children, data: { hName: 'span', hProperties: { className: ['spoiler'] } } };
}
