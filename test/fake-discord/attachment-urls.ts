// Signed attachment CDN URLs (docs/reference.mdx, "Signed Attachment CDN URLs"): every attachment URL the
// fake sends carries `ex` (hex expiry, unix seconds), `is` (hex issue time) and `hm` (a signature valid until
// `ex`); the CDN serves an attachment only through such a URL not yet expired. Discord documents no way for a
// bot to refresh one other than being sent the payload again ("when your app receives a payload with a signed
// URL (like when you fetch a message), it will be valid"): each message object the fake sends signs anew.
// (POST /attachments/refresh-urls, used by Discord's own client, is not in the docs: left out.)
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Discord's links last about a day. */
export const ATTACHMENT_URL_LIFETIME_MS = 24 * 60 * 60 * 1000;

export class AttachmentUrls {
  private readonly key = randomBytes(32);
  private lifetimeMs = ATTACHMENT_URL_LIFETIME_MS;

  constructor(private readonly now: () => number) {}

  /** URLs issued from now on expire `ms` after being sent; 0 or less: already expired (a link received long ago). */
  expireAfter(ms: number): void {
    this.lifetimeMs = ms;
  }

  /** `path` (/attachments/<channel>/<id>/<name>) with `?ex=…&is=…&hm=…&` as Discord writes them. */
  sign(base: string, rawPath: string): string {
    // As a client's URL parser will send it back (the CDN checks the path it receives).
    const path = new URL(rawPath, 'http://fake').pathname;
    const now = Math.floor(this.now() / 1000);
    const ex = Math.floor((this.now() + this.lifetimeMs) / 1000);
    const is = Math.min(now, ex);
    const hex = (n: number) => n.toString(16);
    return `${base}${path}?ex=${hex(ex)}&is=${hex(is)}&hm=${this.mac(path, hex(ex), hex(is))}&`;
  }

  /** True when `url` (a CDN request's path and query) was signed here for its path and has not expired. */
  valid(url: URL): boolean {
    const ex = url.searchParams.get('ex');
    const is = url.searchParams.get('is');
    const hm = url.searchParams.get('hm');
    if (!ex || !is || !hm || !/^[0-9a-f]{1,12}$/.test(ex) || !/^[0-9a-f]{1,12}$/.test(is) || !/^[0-9a-f]{64}$/.test(hm)) return false;
    const expected = Buffer.from(this.mac(url.pathname, ex, is), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(hm, 'hex'))) return false;
    return parseInt(ex, 16) * 1000 > this.now();
  }

  private mac(path: string, ex: string, is: string): string {
    return createHmac('sha256', this.key).update(`${path}\n${ex}\n${is}`).digest('hex');
  }
}
