// Unicode emoji drawn from bundled Twemoji SVGs (copied into the build's twemoji/ folder by the
// renderer's Vite config), so a server without an emoji font still shows them.
import { parse } from '@twemoji/parser';

/** Relative to the panel's page: the same under file:// (desktop) and http (headless). */
export const TWEMOJI_BASE = './twemoji/';

/** The bundled image for one emoji, or null when the text is not an emoji Twemoji draws. */
export function twemojiUrl(emoji: string): string | null {
  const [entity] = parse(emoji, { buildUrl: (codepoints) => `${TWEMOJI_BASE}${codepoints}.svg` });
  return entity && entity.indices[0] === 0 && entity.indices[1] === emoji.length ? entity.url : null;
}

/** Text split into plain runs and emoji, for text that did not go through the Markdown parser (names, embeds' titles). */
export function splitEmoji(text: string): ({ text: string } | { emoji: string; url: string })[] {
  const out: ({ text: string } | { emoji: string; url: string })[] = [];
  let at = 0;
  for (const e of parse(text, { buildUrl: (codepoints) => `${TWEMOJI_BASE}${codepoints}.svg` })) {
    if (e.indices[0] > at) out.push({ text: text.slice(at, e.indices[0]) });
    out.push({ emoji: e.text, url: e.url });
    at = e.indices[1];
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
