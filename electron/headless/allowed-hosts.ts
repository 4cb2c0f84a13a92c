// --allowed-host / DISCORD_MONITOR_ALLOWED_HOSTS: the public names a reverse proxy forwards as Host.
// Only hostname[:port] is taken: a scheme, path or wildcard would widen the DNS-rebinding check.
import { isIP } from 'node:net';

export const ALLOWED_HOSTS_ENV = 'DISCORD_MONITOR_ALLOWED_HOSTS';

const LABEL = '(?!-)[a-z0-9-]{1,63}(?<!-)';
const SHAPE = new RegExp(`^(${LABEL}(?:\\.${LABEL})*|\\[[0-9a-f:.]+\\])(?::([1-9]\\d{0,4}))?$`);

/** `name` or `name:port`, lowercased; throws saying what to type when `raw` is anything else. */
export function parseAllowedHost(raw: string, source = '--allowed-host'): string {
  const value = raw.trim().toLowerCase();
  const m = SHAPE.exec(value);
  const name = m?.[1] ?? '';
  const ok = m && name.length <= 253 && (m[2] === undefined || Number(m[2]) <= 65535) && (!name.startsWith('[') || isIP(name.slice(1, -1)) === 6);
  if (!ok) throw new Error(`${source} takes a host name with an optional port (panel.example.com or panel.example.com:8443), not "${raw}".`);
  return value;
}

/** The names from the command line, then those of the comma-separated environment variable. */
export function allowedHostsFrom(cli: readonly string[], envValue: string | undefined): string[] {
  const fromEnv = (envValue ?? '').split(',').filter((v) => v.trim() !== '');
  return [...cli.map((v) => parseAllowedHost(v)), ...fromEnv.map((v) => parseAllowedHost(v, ALLOWED_HOSTS_ENV))];
}
