// What the message view adds around the text (ChatMessageView): the reply quote, embeds, stickers,
// reactions and thread line, with the panel's class names. Media URLs were checked by the core.
import { colourHex, isVideoEmbed, scaledSize } from '../../../../shared/message-parts.js';
import type { ChatEmbed, ChatEmbedMedia, ChatMessageView } from '../../../../shared/types.js';
import { componentsHtml } from './components.js';
import { escapeHtml, safeHref, stripBidi } from './escape.js';
import type { MarkdownHtml } from './markdown.js';

function media(m: ChatEmbedMedia | undefined, cls: string, max: number, url: (u: string) => string): string {
  const src = m ? safeHref(url(m.url)) : null;
  if (!m || !src) return '';
  const box = scaledSize(m.width, m.height, max);
  const size = box ? ` width="${box.width}" height="${box.height}"` : '';
  return `<img class="${cls}" src="${escapeHtml(src)}" alt="" loading="lazy" decoding="async"${size}>`;
}

export function replyHtml(v: ChatMessageView, md: MarkdownHtml, words: { replyDeleted: string }): string {
  const r = v.reply;
  if (!r) return '';
  const inner =
    r.author === null && r.excerpt === null
      ? `<span class="reply__missing">${escapeHtml(words.replyDeleted)}</span>`
      : `${r.author ? `<span class="reply__author">@<bdi>${escapeHtml(stripBidi(r.author))}</bdi></span>` : ''}<bdi class="reply__excerpt">${r.excerpt ? md.renderQuote(r.excerpt, r.mentions) : ''}</bdi>`;
  return `<a class="reply" href="#m${escapeHtml(r.id)}"><span class="reply__spine" aria-hidden="true"></span>${inner}</a>`;
}

/** As in the panel: a video is its thumbnail with a play button linking to its page (no player, no frame, no script). */
function videoHtml(e: ChatEmbed, url: (u: string) => string): string {
  const page = safeHref(e.url) ?? safeHref(e.player?.url) ?? safeHref(e.video?.url);
  if (!isVideoEmbed(e) || !page || !e.thumbnail) return '';
  const play = '<span class="embed__play-button" aria-hidden="true"><svg viewBox="0 0 24 24" width="24" height="24"><path fill="currentColor" d="M8 5.14v13.72a1 1 0 0 0 1.52.85l11.02-6.86a1 1 0 0 0 0-1.7L9.52 4.29A1 1 0 0 0 8 5.14Z"/></svg></span>';
  return `<a class="embed__play" href="${escapeHtml(page)}" rel="noopener noreferrer">${media(e.thumbnail, 'embed__image', 400, url)}${play}</a>`;
}

function embedHtml(e: ChatEmbed, md: MarkdownHtml, url: (u: string) => string, date: (ms: number) => string): string {
  if ((e.type === 'image' || e.type === 'gifv') && (e.image || e.thumbnail)) return `<div class="embed-media">${media(e.image ?? e.thumbnail, 'embed__image', 400, url)}</div>`;
  const link = safeHref(e.url);
  const title = e.title ? `<div class="embed__title">${link ? `<a href="${escapeHtml(link)}" rel="noopener noreferrer">${md.render(e.title)}</a>` : md.render(e.title)}</div>` : '';
  const author = e.author ? `<div class="embed__author"><bdi>${escapeHtml(stripBidi(e.author.name))}</bdi></div>` : '';
  const fields = e.fields.length
    ? `<dl class="embed__fields">${e.fields.map((f) => `<div class="embed__field${f.inline ? ' embed__field--inline' : ''}"><dt>${md.render(f.name)}</dt><dd>${md.render(f.value)}</dd></div>`).join('')}</dl>`
    : '';
  const footerText = [e.footer?.text, e.timestamp !== null ? date(e.timestamp) : null].filter(Boolean).join(' • ');
  const style = e.color !== null ? ` style="border-inline-start-color:${colourHex(e.color)}"` : '';
  return (
    `<article class="embed"${style}><div class="embed__main">` +
    (e.provider ? `<div class="embed__provider">${escapeHtml(stripBidi(e.provider.name))}</div>` : '') +
    author +
    title +
    (e.description ? `<div class="embed__description">${md.render(e.description)}</div>` : '') +
    fields +
    media(e.image, 'embed__image', 400, url) +
    (e.image ? '' : videoHtml(e, url)) +
    (footerText ? `<div class="embed__footer"><span>${escapeHtml(footerText)}</span></div>` : '') +
    `</div>${e.image || isVideoEmbed(e) ? '' : media(e.thumbnail, 'embed__thumbnail', 80, url)}</article>`
  );
}

export function afterContentHtml(v: ChatMessageView, md: MarkdownHtml, url: (u: string) => string, date: (ms: number) => string, words: { messages: (n: number) => string; selectPlaceholder: string }): string {
  let out = '';
  if (v.embeds.length) out += `<div class="embeds">${v.embeds.map((e) => embedHtml(e, md, url, date)).join('')}</div>`;
  out += componentsHtml(v.components, md, url, words.selectPlaceholder);
  if (v.stickers.length) {
    out += `<div class="stickers">${v.stickers
      .map((s) => {
        // A Lottie sticker (format 3) needs a player script, which the export never holds: it shows by name.
        const src = s.url && s.format !== 3 ? safeHref(url(s.url)) : null;
        const label = escapeHtml(s.name);
        return src ? `<img class="sticker" src="${escapeHtml(src)}" alt="${label}" title="${label}" width="160" height="160" loading="lazy">` : `<span class="sticker sticker--text" title="${label}">${label}</span>`;
      })
      .join('')}</div>`;
  }
  if (v.thread) out += `<p class="thread-info"><span class="thread-info__name"><bdi>${escapeHtml(stripBidi(v.thread.name))}</bdi></span>${v.thread.messageCount !== null ? `<span class="thread-info__count">${escapeHtml(words.messages(v.thread.messageCount))}</span>` : ''}</p>`;
  if (v.reactions.length) {
    out += `<ul class="reactions">${v.reactions
      .map((r) => {
        const name = r.emoji.id ? `:${r.emoji.name}:` : r.emoji.name;
        const src = r.emoji.url ? safeHref(url(r.emoji.url)) : null;
        const face = !r.emoji.id ? md.unicodeEmoji(name) : src ? `<img class="emoji" src="${escapeHtml(src)}" alt="${escapeHtml(name)}" loading="lazy">` : escapeHtml(name);
        return `<li class="reaction" title="${escapeHtml(name)}">${face}<span class="reaction__count">${Number.isSafeInteger(r.count) ? r.count : 0}</span></li>`;
      })
      .join('')}</ul>`;
  }
  return out;
}
