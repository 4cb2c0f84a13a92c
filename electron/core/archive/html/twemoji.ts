// Unicode emoji in the export, drawn from the panel's Twemoji SVGs: a machine without an emoji font
// showed empty boxes. The file must fetch nothing, so each distinct emoji's SVG is inlined once as a
// <symbol> at the end of the page and every occurrence is a small <svg><use href="#tw-…"/></svg>.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@twemoji/parser';
import { escapeHtml } from './escape.js';

const CODEPOINTS = /^[0-9a-f]+(-[0-9a-f]+)*$/;

/** The SVG of one emoji in `dir`, or null when the codepoints are not Twemoji's file-name form. */
export function twemojiFile(dir: string, codepoints: string): string | null {
  return CODEPOINTS.test(codepoints) ? join(dir, `${codepoints}.svg`) : null;
}

let located: string | null | undefined;

/**
 * Where the SVGs are: the panel build's copy beside the bundle (.vite/build/… → .vite/renderer/main_window/twemoji,
 * the only copy in the packaged app, whose node_modules holds just better-sqlite3), else the package
 * itself (run from source, as in the tests). Null when neither is there: emoji stay text.
 */
export function twemojiDir(): string | null {
  if (located !== undefined) return located;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 3; up++, dir = dirname(dir)) {
    const panel = join(dir, 'renderer', 'main_window', 'twemoji');
    if (existsSync(panel)) return (located = panel);
  }
  try {
    located = dirname(createRequire(import.meta.url).resolve('@twemoji/svg/package.json'));
  } catch {
    located = null;
  }
  return located;
}

/** The codepoints Twemoji names the file of `text` by, when all of `text` is one emoji it draws. */
function codepointsOf(text: string): string | null {
  const [entity] = parse(text, { buildUrl: (codepoints) => codepoints });
  return entity && entity.indices[0] === 0 && entity.indices[1] === text.length ? entity.url : null;
}

/** A Twemoji SVG as a <symbol>; its own ids (clip paths, masks) prefixed so symbols never share one. */
function toSymbol(id: string, svg: string): string | null {
  const match = /^\s*<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/.exec(svg);
  if (!match || /<(script|foreignObject)\b|\son\w+=/i.test(match[2]!)) return null;
  const viewBox = /\sviewBox="([\d.\s-]+)"/.exec(match[1]!)?.[1] ?? '0 0 36 36';
  const inner = match[2]!.replace(/\bid="([\w-]+)"/g, `id="${id}-$1"`).replace(/url\(#([\w-]+)\)/g, `url(#${id}-$1)`);
  return `<symbol id="${id}" viewBox="${viewBox}">${inner}</symbol>`;
}

/** The emoji of one export: each SVG read once, each symbol written once (by symbols(), in the footer). */
export class TwemojiSprite {
  private readonly used = new Map<string, string | null>();

  constructor(private readonly dir: string | null = twemojiDir()) {}

  /** `text` drawn from its Twemoji symbol; escaped text when it is not one emoji or its SVG is missing. */
  draw(text: string): string {
    const codepoints = this.dir ? codepointsOf(text) : null;
    const id = codepoints && this.symbol(codepoints);
    if (!id) return escapeHtml(text);
    const label = escapeHtml(text);
    // The text stays as the accessible name and the tooltip (<title>), as the panel's <img alt title>.
    return `<svg class="emoji" role="img" aria-label="${label}"><title>${label}</title><use href="#${id}"/></svg>`;
  }

  private symbol(codepoints: string): string | null {
    const id = `tw-${codepoints}`;
    if (!this.used.has(codepoints)) {
      const file = twemojiFile(this.dir!, codepoints);
      let symbol: string | null = null;
      try {
        symbol = file && toSymbol(id, readFileSync(file, 'utf8'));
      } catch {
        // Not bundled (a newer emoji than the SVG package): drawn as text.
      }
      this.used.set(codepoints, symbol);
    }
    return this.used.get(codepoints) ? id : null;
  }

  /** One hidden <svg> holding every symbol drawn so far; empty when none was. A <use> may refer to a later symbol. */
  symbols(): string {
    const all = [...this.used.values()].filter((s): s is string => s !== null);
    return all.length ? `<svg class="archive__sprite" aria-hidden="true">${all.join('')}</svg>\n` : '';
  }
}
