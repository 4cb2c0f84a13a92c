// One message as the panel's MessageItem lays it out (same elements and class names), as a string.
import { attachmentsNotInComponents } from '../../../../shared/component-files.js';
import { looksMentioned, type KeywordMatcher } from '../../../../shared/keyword-match.js';
import { avatarHue } from '../../../../shared/message-parts.js';
import { systemKey, systemLine } from '../../../../shared/system-messages.js';
import { SYSTEM_SENTENCES_EN, SYSTEM_SENTENCES_FR, type SystemSentenceKey } from '../../../../shared/system-sentences.js';
import type { ChatAttachment, ChatMessage } from '../../../../shared/types.js';
import { escapeHtml, safeHref, stripBidi } from './escape.js';
import { afterContentHtml, replyHtml } from './extras.js';
import { fileRowHtml } from './file-row.js';
import type { MarkdownHtml } from './markdown.js';

export interface Words {
  bot: string;
  edited: string;
  deleted: string;
  attachments: string;
  replyDeleted: string;
  messages: (n: number) => string;
  /** Discord's words for a select menu without a placeholder. */
  selectPlaceholder: string;
  /** Discord's sentences for system messages (joins, boosts, pins…), as the panel says them. */
  system: Record<SystemSentenceKey, string>;
}

export const WORDS: Record<'en' | 'fr', Words> = {
  en: { bot: 'BOT', edited: '(edited)', deleted: 'deleted', attachments: 'Attachments', replyDeleted: 'Original message was deleted', messages: (n) => `${n} messages`, selectPlaceholder: 'Make a selection', system: SYSTEM_SENTENCES_EN },
  fr: { bot: 'BOT', edited: '(modifié)', deleted: 'supprimé', attachments: 'Pièces jointes', replyDeleted: 'Le message d’origine a été supprimé', messages: (n) => `${n} messages`, selectPlaceholder: 'Faites une sélection', system: SYSTEM_SENTENCES_FR },
};

export interface MessageHtmlOptions {
  markdown: MarkdownHtml;
  words: Words;
  time: Intl.DateTimeFormat;
  fullTime: Intl.DateTimeFormat;
  /** Maps a remote media URL to where the export keeps it (the same URL, or a file beside it). */
  media: (url: string) => string;
  /** The settings' highlight keywords, marked and flagged as in the panel (null: none). */
  keywords?: KeywordMatcher | null;
}

// The initial is always drawn; the picture covers it when it loads.
function avatar(author: ChatMessage['author'], o: MessageHtmlOptions): string {
  const name = stripBidi(author.displayName);
  const initial = escapeHtml([...name.trim()][0]?.toUpperCase() ?? '?');
  const src = safeHref(author.avatarUrl ? o.media(author.avatarUrl) : null);
  // A CSS background, not an <img>: offline, a failed picture draws nothing (an <img> draws a
  // broken-image icon over the initial).
  const img = src ? `<span class="avatar__picture" style="background-image:url(&quot;${escapeHtml(src.replace(/["\\\n\r]/g, encodeURIComponent))}&quot;)"></span>` : '';
  return `<span class="avatar avatar--initial" role="img" aria-label="${escapeHtml(name)}" style="background-color:hsl(${avatarHue(author.id)} 45% 45%)">${initial}${img}</span>`;
}

function attachment(a: ChatAttachment, o: MessageHtmlOptions): string {
  const href = safeHref(o.media(a.url));
  const name = escapeHtml(stripBidi(a.name));
  const link = href ? `href="${escapeHtml(href)}" rel="noopener noreferrer"` : '';
  const thumb =
    href && a.contentType?.startsWith('image/')
      ? `<a ${link} class="attachment__thumb" tabindex="-1"><img src="${escapeHtml(href)}" alt="${name}" loading="lazy" decoding="async"${a.width && a.height ? ` width="${a.width}" height="${a.height}"` : ''}></a>`
      : '';
  return `<li class="attachment">${thumb}${fileRowHtml(a.name, href ?? null, a.size)}</li>`;
}

/** A system message's line in Discord's words (the panel's SystemLine): names and contents as isolated text. */
function systemLineHtml(m: ChatMessage, sentenceKey: string, o: MessageHtmlOptions): string {
  const { key, content, times } = systemLine(m, sentenceKey);
  const fill: Record<string, string> = {
    name: `<bdi>${escapeHtml(stripBidi(m.author.displayName))}</bdi>`,
    content: `<bdi>${escapeHtml(stripBidi(content))}</bdi>`,
    times: escapeHtml(times.toLocaleString(o.time.resolvedOptions().locale)),
  };
  const sentence = escapeHtml(o.words.system[key]).replace(/\{\{(name|content|times)\}\}/g, (_, k: string) => fill[k]!);
  return `<p class="system-line">${sentence}</p>`;
}

export function messageHtml(m: ChatMessage, o: MessageHtmlOptions): string {
  const v = m.view;
  const keywords = o.keywords ?? null;
  const system = systemKey(v?.type);
  const cls = ['message', m.deleted && 'message--deleted', looksMentioned(m, keywords) && 'message--mentioned', system && 'message--system'].filter(Boolean).join(' ');
  // Mentions show the names Discord sent with this message, as in the panel.
  // Custom emoji in the text are media too (downloaded beside the file when asked).
  o.markdown.useMentions(v?.mentions ?? { users: [], roles: [], channels: [] }, v?.emojis, o.media);
  const created = new Date(m.createdAt);
  const head =
    `<header class="message__header"><span class="message__author"><bdi>${escapeHtml(stripBidi(m.author.displayName))}</bdi></span>` +
    (m.author.bot ? `<span class="badge">${o.words.bot}</span>` : '') +
    `<time class="message__time" datetime="${created.toISOString()}" title="${escapeHtml(o.fullTime.format(created))}">${escapeHtml(o.time.format(created))}</time></header>`;
  const text = system ? systemLineHtml(m, system, o) : m.content ? `<bdi class="markdown">${o.markdown.render(m.content, keywords)}</bdi>` : '';
  const extras = v ? afterContentHtml(v, o.markdown, o.media, (ms) => o.fullTime.format(new Date(ms)), o.words) : '';
  const reply = v ? replyHtml(v, o.markdown, o.words) : '';
  // An IS_COMPONENTS_V2 message's uploads show where its File components put them, not again below.
  const listed = attachmentsNotInComponents(m.attachments, v?.components);
  const files = listed.length ? `<ul class="attachments" aria-label="${o.words.attachments}">${listed.map((a) => attachment(a, o)).join('')}</ul>` : '';
  const marks =
    m.editedAt !== null || m.deleted
      ? `<p class="message__marks">${m.editedAt !== null ? `<span class="message__edited" title="${escapeHtml(o.fullTime.format(new Date(m.editedAt)))}">${o.words.edited}</span>` : ''}${m.deleted ? `<span class="message__deleted">${o.words.deleted}</span>` : ''}</p>`
      : '';
  return `<article class="${cls}" id="m${escapeHtml(m.id)}" data-message-id="${escapeHtml(m.id)}">${reply}${avatar(m.author, o)}<div class="message__body">${head}<div class="message__content">${text}${files}${extras}</div>${marks}</div></article>\n`;
}
