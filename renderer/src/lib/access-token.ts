// The headless panel's access token on the page side: taken out of the address bar after load
// (it would stay in history, bookmarks and screen shares), kept in sessionStorage for reloads,
// and checked with GET /api/auth so a wrong token is told apart from a server that is down.
import { AUTH_PATH } from '../../../shared/ws-protocol.js';

const KEY = 'dm.accessToken';
const CHECK_TIMEOUT_MS = 5000;

export type Access = 'ok' | 'unauthorized' | 'unreachable';

export function storedToken(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Storage disabled: this page still has it in memory until it is reloaded.
  }
}

/** Moves `?token=` from the address bar into sessionStorage (replacing the history entry); returns the token to use. */
export function adoptUrlToken(): string {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return storedToken();
  const fromUrl = url.searchParams.get('token') ?? '';
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  if (fromUrl) saveToken(fromUrl);
  return fromUrl || storedToken();
}

/** What the user pasted: the token itself, or the whole address `npm run headless` printed. */
export function parsePastedToken(text: string): string {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return trimmed;
  try {
    return (new URL(trimmed).searchParams.get('token') ?? '').trim();
  } catch {
    return trimmed;
  }
}

/** Asks the server whether `token` opens the panel: 204 yes, 401 no, anything else (or no answer) is 'unreachable'. */
export async function checkAccess(token: string, origin = location.origin, fetchImpl: typeof fetch = fetch): Promise<Access> {
  let headers: Headers;
  try {
    headers = new Headers(token ? { Authorization: `Bearer ${token}` } : {});
  } catch {
    // Characters no HTTP header can carry: it cannot be the token the server printed.
    return 'unauthorized';
  }
  try {
    const res = await fetchImpl(new URL(AUTH_PATH, origin), {
      headers,
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
    // Exactly 204: a server without this endpoint answers 200 with the page for any path.
    if (res.status === 204) return 'ok';
    return res.status === 401 ? 'unauthorized' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}
