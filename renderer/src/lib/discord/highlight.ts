// Syntax highlighting for fenced code blocks, in its own chunk (imported only by CodeBlock, on demand).
// Like Discord, only a block that names its language is highlighted: no guessing.
import { common, createLowlight } from 'lowlight';

const lowlight = createLowlight(common);
export type HighlightTree = ReturnType<typeof lowlight.highlight>;

export function highlight(code: string, lang: string): HighlightTree | null {
  const name = lang.toLowerCase();
  return lowlight.registered(name) ? lowlight.highlight(name, code) : null;
}
