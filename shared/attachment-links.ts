// Discord's attachment links are signed and expire (docs/reference.mdx, "Signed Attachment CDN URLs"):
// `ex` is the expiry in hex unix seconds. Read by the core (an export refreshes expired links before
// downloading them) and the panel (a broken image whose link expired asks for a fresh one).

/** Where Discord's attachment CDN serves uploaded files (the configured CDN's too: the path is Discord's). */
const ATTACHMENT_PATH = /^\/(?:ephemeral-)?attachments\//;

/**
 * The link's expiry (epoch ms) from its `ex` parameter; null for a link that never expires: one without the
 * signature, or one that is no attachment-CDN link (another site's picture whose link happens to carry `ex=`).
 */
export function linkExpiry(url: string): number | null {
  let link: URL;
  try {
    link = new URL(url);
  } catch {
    return null;
  }
  const ex = link.searchParams.get('ex');
  const signed = ATTACHMENT_PATH.test(link.pathname) && link.searchParams.has('is') && link.searchParams.has('hm');
  return signed && ex !== null && /^[0-9a-f]{1,12}$/i.test(ex) ? parseInt(ex, 16) * 1000 : null;
}

/** True when the link says it expired by `now` (or within `marginMs` of it). */
export function linkExpired(url: string, now = Date.now(), marginMs = 0): boolean {
  const expiry = linkExpiry(url);
  return expiry !== null && expiry <= now + marginMs;
}

/** The link without its query: links to one file differ only there between fetches (the ex/is/hm signature). */
export function unsignedLink(url: string): string {
  return url.split(/[?#]/, 1)[0]!;
}
