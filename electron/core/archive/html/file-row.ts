// A file's row as the panel's FileRow draws it (Attachments.tsx): name (a link when it has an
// address), size when known. Attachments and File components (components v2) both use it.
import { escapeHtml, safeHref, stripBidi } from './escape.js';

const SIZE_UNITS = ['B', 'KB', 'MB', 'GB'];
export function size(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 || value >= 10 ? Math.round(value) : value.toFixed(1)} ${SIZE_UNITS[unit]}`;
}

/** `href` is where the export keeps the file (already mapped), or null for a name only. */
export function fileRowHtml(name: string, href: string | null, bytes: number | null): string {
  const safe = safeHref(href);
  const link = safe ? `href="${escapeHtml(safe)}" rel="noopener noreferrer"` : '';
  return `<a ${link} class="attachment__link"><span class="attachment__name"><bdi>${escapeHtml(stripBidi(name))}</bdi></span></a>${bytes === null ? '' : `<span class="attachment__size">${size(bytes)}</span>`}`;
}
