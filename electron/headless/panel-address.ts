// What the panel's address looks like to a person: 0.0.0.0 or :: is where the server listens, not
// an address a browser can open, so such a URL names this machine instead.
import { hostname } from 'node:os';

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);
// A name a browser can put in a URL (and hostAllowed accepts when bound to every interface).
const DNS_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

export const isWildcard = (host: string): boolean => WILDCARDS.has(host);

/** An IPv6 address in brackets, as URLs and Host headers write it; names and IPv4 as they are. */
export const bracketHost = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** The host part of the printed URL: this machine's name (else localhost) for a wildcard, IPv6 in brackets. */
export function urlHost(host: string, machine = hostname()): string {
  if (isWildcard(host)) {
    const name = machine.toLowerCase();
    return DNS_NAME.test(name) ? name : 'localhost';
  }
  return bracketHost(host);
}

/** Printed under the URL when bound to every interface (no token: it stays in the URL alone). */
export function wildcardNote(host: string, port: number): string | null {
  if (!isWildcard(host)) return null;
  return `Listening on all interfaces (${host}): on this machine localhost:${port} works too; from elsewhere use this machine's name or one of its addresses.`;
}
