// A message's components (docs/components/reference.mdx) as the panel draws them, read-only: action
// rows of buttons and select menus, and the layout components of IS_COMPONENTS_V2 messages (text
// display, section, thumbnail, media gallery, file, separator, container). Raw API JSON in, so a stored or
// fetched payload converts the same way; anything malformed or unknown is left out, never thrown.
import { cutText } from '../log/cut-text.js';
import type { ChatComponent, ChatEmbedMedia, ChatEmoji } from '../../../shared/types.js';

/** Discord allows 40 components in a message; nesting is at most container → section → accessory. */
const MAX_COMPONENTS = 40;
const MAX_DEPTH = 4;
const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);
const MAX_TEXT = 4000;

export interface ComponentContext {
  emojiUrl: (id: string, animated: boolean) => string;
  /** A media URL the panel may load (Discord's hosts or the configured CDN), else undefined. */
  media: (x: { url?: string; proxy_url?: string; width?: number; height?: number } | undefined) => ChatEmbedMedia | undefined;
}

type Raw = Record<string, unknown>;
const isObj = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown, max = MAX_TEXT): string | null => (typeof x === 'string' && x !== '' ? cutText(x, max) : null);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

export function toComponents(raw: unknown, ctx: ComponentContext): ChatComponent[] {
  let budget = MAX_COMPONENTS;
  const emoji = (e: unknown): ChatEmoji | null => {
    if (!isObj(e)) return null;
    const id = typeof e.id === 'string' && /^\d{17,20}$/.test(e.id) ? e.id : null;
    const name = str(e.name, 64);
    if (!id && !name) return null;
    const animated = e.animated === true;
    return { id, name: name ?? '?', animated, url: id ? ctx.emojiUrl(id, animated) : null };
  };
  const media = (m: unknown) => (isObj(m) ? ctx.media(m as Parameters<ComponentContext['media']>[0]) : undefined);

  const one = (c: unknown, depth: number): ChatComponent | null => {
    if (!isObj(c) || budget <= 0 || depth > MAX_DEPTH) return null;
    budget--;
    const kids = (x: unknown) => many(x, depth + 1);
    switch (c.type) {
      case 1:
        return { type: 'row', components: kids(c.components) };
      case 2: {
        // Link buttons (style 5) keep their URL; premium buttons (6) have no label of their own.
        const url = c.style === 5 && typeof c.url === 'string' && /^https?:\/\//i.test(c.url) ? c.url : null;
        const style = typeof c.style === 'number' && c.style >= 1 && c.style <= 6 ? c.style : 2;
        return { type: 'button', style, label: str(c.label, 80), emoji: emoji(c.emoji), url, disabled: c.disabled === true };
      }
      case 3:
      case 5:
      case 6:
      case 7:
      case 8: {
        const options = list(c.options).slice(0, 25).flatMap((o) => (isObj(o) && str(o.label, 100) ? [{ label: str(o.label, 100)!, emoji: emoji(o.emoji), selected: o.default === true }] : []));
        return { type: 'select', kind: SELECT_TYPES.has(c.type) ? c.type : 3, placeholder: str(c.placeholder, 150), disabled: c.disabled === true, options };
      }
      case 10:
        return typeof c.content === 'string' ? { type: 'text', content: cutText(c.content, MAX_TEXT) } : null;
      case 9:
        return { type: 'section', components: kids(c.components), accessory: one(c.accessory, depth + 1) };
      case 11: {
        const m = media(c.media);
        return m ? { type: 'thumbnail', media: m, description: str(c.description, 1024) } : null;
      }
      case 12: {
        const items = list(c.items).slice(0, 10).flatMap((i) => {
          const m = isObj(i) ? media(i.media) : undefined;
          return m && isObj(i) ? [{ media: m, description: str(i.description, 1024) }] : [];
        });
        return items.length ? { type: 'gallery', items } : null;
      }
      case 13: {
        // name and size are filled by Discord in a received message (docs: File Structure); a bare
        // attachment://name reference still names the file.
        const file = isObj(c.file) ? c.file : {};
        const ref = typeof file.url === 'string' ? /^attachment:\/\/(.+)$/.exec(file.url)?.[1] : undefined;
        const name = str(c.name, 1024) ?? str(ref, 1024);
        if (!name) return null;
        const size = typeof c.size === 'number' && Number.isFinite(c.size) && c.size >= 0 ? c.size : null;
        const attachmentId = typeof file.attachment_id === 'string' && /^\d{17,20}$/.test(file.attachment_id) ? file.attachment_id : null;
        // The CDN URL, as attachments link it (the media proxy is for previews).
        return { type: 'file', name, size, url: media({ url: file.url })?.url ?? media(file)?.url ?? null, attachmentId };
      }
      case 14:
        return { type: 'separator', divider: c.divider !== false, large: c.spacing === 2 };
      case 17:
        return { type: 'container', accentColor: typeof c.accent_color === 'number' ? c.accent_color : null, components: kids(c.components) };
      default:
        return null;
    }
  };
  const many = (x: unknown, depth: number): ChatComponent[] => list(x).flatMap((c) => one(c, depth) ?? []);
  return many(raw, 0);
}

/** The text an IS_COMPONENTS_V2 message carries in its Text Displays (its content is empty), in reading order. */
export function componentsText(components: ChatComponent[] | undefined): string {
  const out: string[] = [];
  const walk = (list: ChatComponent[]) => {
    for (const c of list) {
      if (c.type === 'text') out.push(c.content);
      else if (c.type === 'row' || c.type === 'container' || c.type === 'section') walk(c.components);
    }
  };
  walk(components ?? []);
  return out.join('\n');
}
