// A message's components in the export, with the panel's markup and class names (Components.tsx):
// read-only buttons (link buttons are links), select menus with their placeholder, and the layout
// components whose Text Displays hold an IS_COMPONENTS_V2 message's whole text.
import { buttonClass, colourHex, galleryClass, selectClass, separatorClass } from '../../../../shared/message-parts.js';
import type { ChatComponent, ChatEmoji } from '../../../../shared/types.js';
import { escapeHtml, safeHref, stripBidi } from './escape.js';
import { fileRowHtml } from './file-row.js';
import type { MarkdownHtml } from './markdown.js';

function emoji(e: ChatEmoji | null, md: MarkdownHtml, url: (u: string) => string): string {
  if (!e) return '';
  if (!e.id) return md.unicodeEmoji(e.name);
  const src = e.url ? safeHref(url(e.url)) : null;
  const name = `:${e.name}:`;
  return src ? `<img class="emoji" src="${escapeHtml(src)}" alt="${escapeHtml(name)}" loading="lazy">` : escapeHtml(name);
}

function part(c: ChatComponent, md: MarkdownHtml, url: (u: string) => string, placeholder: string): string {
  const all = (list: ChatComponent[]) => list.map((x) => part(x, md, url, placeholder)).join('');
  switch (c.type) {
    case 'row':
      return `<div class="dc-row">${all(c.components)}</div>`;
    case 'button': {
      const cls = buttonClass(c.style, c.disabled);
      const face = emoji(c.emoji, md, url) + (c.label ? `<bdi class="dc-button__label">${escapeHtml(stripBidi(c.label))}</bdi>` : '');
      const href = c.style === 5 && !c.disabled ? safeHref(c.url) : null;
      return href ? `<a class="${cls}" href="${escapeHtml(href)}" rel="noopener noreferrer">${face}</a>` : `<span class="${cls}" aria-disabled="true">${face}</span>`;
    }
    case 'select': {
      const chosen = c.options.filter((o) => o.selected);
      const shown = chosen.length
        ? `<span class="dc-select__value">${chosen.map((o) => `<span class="dc-select__option">${emoji(o.emoji, md, url)} <bdi>${escapeHtml(stripBidi(o.label))}</bdi></span>`).join('')}</span>`
        : `<span class="dc-select__placeholder"><bdi>${escapeHtml(stripBidi(c.placeholder ?? placeholder))}</bdi></span>`;
      return `<div class="${selectClass(c.disabled)}" aria-disabled="true">${shown}</div>`;
    }
    case 'text':
      return `<div class="dc-text"><bdi class="markdown">${md.render(c.content)}</bdi></div>`;
    case 'section':
      return `<div class="dc-section"><div class="dc-section__text">${all(c.components)}</div>${c.accessory ? `<div class="dc-section__accessory">${part(c.accessory, md, url, placeholder)}</div>` : ''}</div>`;
    case 'thumbnail': {
      const src = safeHref(url(c.media.url));
      return src ? `<img class="dc-thumbnail" src="${escapeHtml(src)}" alt="${escapeHtml(c.description ?? '')}" loading="lazy">` : '';
    }
    case 'gallery':
      return `<div class="${galleryClass(c.items.length)}">${c.items
        .map((i) => safeHref(url(i.media.url)))
        .map((src) => (src ? `<img src="${escapeHtml(src)}" alt="" loading="lazy">` : ''))
        .join('')}</div>`;
    case 'file':
      return `<div class="dc-file attachment attachment--file">${fileRowHtml(c.name, c.url === null ? null : url(c.url), c.size)}</div>`;
    case 'separator':
      return `<hr class="${separatorClass(c)}">`;
    case 'container':
      return `<div class="dc-container"${c.accentColor !== null ? ` style="border-inline-start-color:${colourHex(c.accentColor)}"` : ''}>${all(c.components)}</div>`;
  }
}

export function componentsHtml(components: ChatComponent[] | undefined, md: MarkdownHtml, url: (u: string) => string, placeholder: string): string {
  if (!components?.length) return '';
  return `<div class="dc-components">${components.map((c) => part(c, md, url, placeholder)).join('')}</div>`;
}
