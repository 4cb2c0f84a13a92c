// Headers on every panel response; the desktop shell sends the same CSP. media-src as img-src: video and
// audio attachments and gifv previews play from Discord's CDN (without it they fell back to 'self' and were blocked).
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: http: data:; media-src 'self' https: http:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
} as const;

// The page's own copy of the policy (a desktop window loaded from a file gets no headers); browsers
// enforce every policy they get, so it must be this one. frame-ancestors means nothing in a <meta>.
const CSP_META = CSP.replace(/;\s*frame-ancestors[^;]*/, '');

/** index.html's `%PANEL_CSP%`, filled by the panel's build (vite.renderer.config.ts). */
export const withPanelCsp = (html: string): string => html.replaceAll('%PANEL_CSP%', CSP_META);
