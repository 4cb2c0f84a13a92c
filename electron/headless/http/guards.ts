// Who may talk to the panel: the access token (constant time), the Host header (DNS rebinding)
// and the Origin header (cross-site WebSocket hijacking).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { bracketHost, isWildcard } from '../panel-address.js';

/**
 * Compares SHA-256 digests so the time taken depends on neither the length of the guess nor
 * where it first differs.
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const m = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '');
  return m ? m[1]! : null;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A page served from another name that resolves to us (DNS rebinding) sends that name as Host.
 * Accepted: loopback names, the bound host (the --host value), the --allowed-host names, and when
 * bound to every interface, IP literals (a browser that sends one really connected to it) and this
 * machine's name.
 */
export function hostAllowed(hostHeader: string | undefined, boundHost: string, allowed: ReadonlySet<string> = new Set()): boolean {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(hostHeader ?? '');
  if (!m) return false;
  const name = m[1]!.toLowerCase();
  if (LOOPBACK_NAMES.has(name) || name === bracketHost(boundHost).toLowerCase()) return true;
  // --allowed-host: `name` matches any port, `name:port` that port only.
  if (allowed.has(name) || (m[2] !== undefined && allowed.has(`${name}:${Number(m[2])}`))) return true;
  if (!isWildcard(boundHost)) return false;
  const machine = hostname().toLowerCase();
  return isIP(name.replace(/^\[|\]$/g, '')) !== 0 || name === machine || name === `${machine}.local`;
}

/** Browsers send Origin on WebSocket upgrades; a page of another site must not use our socket. */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    // Host names are case-insensitive: URL lowercases the Origin's, the Host header comes as sent.
    return new URL(origin).host === req.headers.host?.toLowerCase();
  } catch {
    return false;
  }
}
