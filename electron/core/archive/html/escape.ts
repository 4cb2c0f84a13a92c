// HTML escaping for the static export: every string from Discord goes through one of these.
const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => TEXT[c]!);

/** The URL if it is http(s) or a relative media path we wrote, else null: never a javascript: link. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\//i.test(url) || /^[\w.-]+_files\/[\w.%-]+$/.test(url) ? url : null;
}

// U+202A–U+202E and U+2066–U+2069 reorder what follows ("\u202Enimda" reads "admin"): names lose them.
export const stripBidi = (text: string): string => text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
