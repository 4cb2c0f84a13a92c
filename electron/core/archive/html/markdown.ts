// Discord's Markdown dialect to static HTML for the export, with the panel's element and class
// names. Parsing is the panel's own (discord-markdown-parser + lists + depth caps, a DOM-free module
// of the renderer), so the archive reads as the panel does; this file only serialises its tree.
import { parseDiscordMarkdown, writtenTimestamp } from '../../../../shared/discord-markdown.js';
import type { KeywordMatcher } from '../../../../shared/keyword-match.js';
import { escapeHtml, safeHref } from './escape.js';
import type { TwemojiSprite } from './twemoji.js';

type Node = { type: string; content?: unknown; [key: string]: unknown };

export interface MentionNames {
  user?(id: string): string | undefined;
  channel?(id: string): string | undefined;
  role?(id: string): string | undefined;
}

const CDN = 'https://cdn.discordapp.com';
// A mention Discord sent no name for, in the panel's words (renderer/src/i18n/*/messages.ts).
const UNKNOWN = {
  en: { user: 'unknown-user', role: 'deleted-role', channel: 'unknown' },
  fr: { user: 'utilisateur-inconnu', role: 'rôle-supprimé', channel: 'inconnu' },
};
type Mentions = { users: { id: string; name: string }[]; roles: { id: string; name: string }[]; channels: { id: string; name: string }[] };
const TIME_STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  t: { timeStyle: 'short' },
  T: { timeStyle: 'medium' },
  d: { dateStyle: 'short' },
  D: { dateStyle: 'long' },
  f: { dateStyle: 'long', timeStyle: 'short' },
  F: { dateStyle: 'full', timeStyle: 'short' },
  R: { dateStyle: 'medium', timeStyle: 'short' },
};

// No character any Discord Markdown rule starts with (emphasis, code, spoilers, quotes, headings,
// lists (`-`, `*` and `+` bullets), links, mentions, emoji, escapes, line breaks), no URL and no ordered-list start.
// Nor any emoji the parser draws: flags are regional indicators and keycaps end in U+20E3, neither pictographic.
const SPECIAL = /[*_~`|<>#\-+[\]()\\:@\n\r]|https?|www\.|^\s*\d+\./i;
export const isPlain = (text: string): boolean => !SPECIAL.test(text) && !/[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/u.test(text);

export class MarkdownHtml {
  // Intl formatters are costly to build (~50 µs): one per style, reused for every message.
  private readonly formats = new Map<string, Intl.DateTimeFormat>();
  private readonly unknown: (typeof UNKNOWN)['en'];

  constructor(
    private readonly locale: string,
    private names: MentionNames = {},
    private readonly timeZone = 'UTC',
    /** Draws Unicode emoji (the export's sprite); without one they stay text. */
    private readonly twemoji: TwemojiSprite | null = null,
  ) {
    this.unknown = locale === 'fr' ? UNKNOWN.fr : UNKNOWN.en;
  }

  /** Custom emoji URLs the core gave the message being written (its configured CDN), by id. */
  private emojiUrls = new Map<string, string>();
  /** Where the export keeps a picture (the URL itself, or a file downloaded beside it). */
  private media: (url: string) => string = (url) => url;

  /** Names for the next messages' mentions: those Discord sent with the message being written; its emoji URLs too. */
  useMentions(m: Mentions, emojis: readonly { id: string | null; url: string | null }[] = [], media: (url: string) => string = (url) => url): void {
    const find = (list: { id: string; name: string }[]) => (id: string) => list.find((x) => x.id === id)?.name;
    this.names = { user: find(m.users), role: find(m.roles), channel: find(m.channels) };
    this.emojiUrls = new Map(emojis.flatMap((e) => (e.id && e.url ? [[e.id, e.url] as const] : [])));
    this.media = media;
  }

  /**
   * A reply's excerpt: its mentions named from the quote's own names (those Discord sent with the original),
   * then the message's; the message's names are back in use afterwards.
   */
  renderQuote(excerpt: string, quoted: Mentions | undefined): string {
    const own = this.names;
    if (quoted) {
      const find = (list: { id: string; name: string }[], then: ((id: string) => string | undefined) | undefined) => (id: string) => list.find((x) => x.id === id)?.name ?? then?.(id);
      this.names = { user: find(quoted.users, own.user), role: find(quoted.roles, own.role), channel: find(quoted.channels, own.channel) };
    }
    try {
      return this.render(excerpt);
    } finally {
      this.names = own;
    }
  }

  /** A Unicode emoji outside the text (a reaction, a button): drawn as in the text, or escaped. */
  unicodeEmoji(text: string): string {
    return this.twemoji ? this.twemoji.draw(text) : escapeHtml(text);
  }

  /** Keywords to mark, only while a message's own text is rendered (not embeds or replies, as in the panel). */
  private marking: KeywordMatcher | null = null;

  render(content: string, keywords: KeywordMatcher | null = null): string {
    if (!content) return '';
    this.marking = keywords;
    try {
      // Most chat lines hold no Markdown at all: escaping them is what the parser would produce,
      // ~20× faster (a property test compares both).
      if (isPlain(content)) return this.text(content);
      return this.nodes(parseDiscordMarkdown(content) as Node[]);
    } finally {
      this.marking = null;
    }
  }

  /** A text run escaped, its keywords marked as the panel marks them (keywords.tsx). */
  private text(run: string): string {
    if (!this.marking) return escapeHtml(run);
    let out = '';
    for (const part of this.marking.split(run)) {
      out += typeof part === 'string' ? escapeHtml(part) : `<mark class="mention mention--keyword">${escapeHtml(part.keyword)}</mark>`;
    }
    return out;
  }

  private nodes(list: Node[]): string {
    let out = '';
    for (const node of list) out += this.node(node);
    return out;
  }

  private inner(node: Node): string {
    const c = node.content;
    return Array.isArray(c) ? this.nodes(c as Node[]) : typeof c === 'string' ? escapeHtml(c) : '';
  }

  private textOf(node: Node): string {
    return typeof node.content === 'string' ? this.text(node.content) : this.inner(node);
  }

  private node(n: Node): string {
    switch (n.type) {
      case 'text':
        return this.textOf(n);
      case 'emoticon':
        return this.inner(n);
      case 'strong':
        return `<strong>${this.inner(n)}</strong>`;
      case 'em':
        return `<em>${this.inner(n)}</em>`;
      case 'underline':
        return `<u>${this.inner(n)}</u>`;
      case 'strikethrough':
        return `<del>${this.inner(n)}</del>`;
      case 'spoiler':
        // Revealed on hover/focus by CSS: the export has no script.
        return `<span class="spoiler" tabindex="0"><span>${this.inner(n)}</span></span>`;
      case 'inlineCode':
        return `<code>${this.text(String(n.content ?? ''))}</code>`;
      case 'codeBlock': {
        const lang = typeof n.lang === 'string' && /^[\w+-]{1,20}$/.test(n.lang) ? ` class="language-${n.lang}"` : '';
        return `<pre><code${lang}>${this.text(String(n.content ?? ''))}</code></pre>`;
      }
      case 'blockQuote':
        return `<blockquote>${this.inner(n)}</blockquote>`;
      case 'heading': {
        const level = Math.min(3, Math.max(1, Number(n.level) || 1));
        return `<h${level}>${this.inner(n)}</h${level}>`;
      }
      case 'list': {
        const items = (Array.isArray(n.items) ? n.items : []) as Node[][];
        const tag = n.ordered ? 'ol' : 'ul';
        const start = n.ordered && typeof n.start === 'number' && n.start !== 1 ? ` start="${n.start}"` : '';
        return `<${tag}${start}>${items.map((item) => `<li>${this.nodes(item)}</li>`).join('')}</${tag}>`;
      }
      case 'subtext':
        return `<small class="subtext">${this.inner(n)}</small>`;
      case 'br':
      case 'newline':
        return '<br>';
      case 'url':
      case 'autolink':
      case 'link': {
        const href = safeHref(typeof n.target === 'string' ? n.target : null);
        const text = this.inner(n) || escapeHtml(String(n.target ?? ''));
        return href ? `<a href="${escapeHtml(href)}" title="${escapeHtml(href)}" rel="noopener noreferrer">${text}</a>` : text;
      }
      case 'user':
        return this.mention('@', this.names.user?.(String(n.id)) ?? this.unknown.user);
      case 'channel':
        return this.mention('#', this.names.channel?.(String(n.id)) ?? this.unknown.channel);
      case 'role':
        return this.mention('@', this.names.role?.(String(n.id)) ?? this.unknown.role);
      case 'everyone':
        return '<span class="mention mention--everyone">@everyone</span>';
      case 'here':
        return '<span class="mention mention--everyone">@here</span>';
      case 'emoji': {
        // The panel's URL (the core's, from the configured CDN); a message stored without one: Discord's CDN.
        const id = String(n.id);
        const src = safeHref(this.media(this.emojiUrls.get(id) ?? `${CDN}/emojis/${id}.${n.animated ? 'gif' : 'webp'}`));
        const name = escapeHtml(String(n.name ?? ''));
        if (!src) return `:${name}:`;
        return `<img class="emoji" src="${escapeHtml(src)}" alt=":${name}:" title=":${name}:" width="22" height="22" loading="lazy">`;
      }
      case 'twemoji':
        return this.unicodeEmoji(String(n.name ?? ''));
      case 'timestamp':
        return this.timestamp(Number(n.timestamp), String(n.format ?? 'f'), writtenTimestamp(n));
      default:
        return this.inner(n);
    }
  }

  private mention(sigil: string, name: string): string {
    return `<span class="mention">${sigil}${escapeHtml(name)}</span>`;
  }

  private timestamp(seconds: number, style: string, written: string): string {
    const date = new Date(seconds * 1000);
    // Beyond the dates a clock can show: as written, as in the panel.
    if (!Number.isFinite(date.getTime())) return escapeHtml(written);
    const key = Object.hasOwn(TIME_STYLES, style) ? style : 'f';
    let format = this.formats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(this.locale, { ...TIME_STYLES[key], timeZone: this.timeZone });
      this.formats.set(key, format);
    }
    return `<time class="timestamp" datetime="${date.toISOString()}">${escapeHtml(format.format(date))}</time>`;
  }
}
