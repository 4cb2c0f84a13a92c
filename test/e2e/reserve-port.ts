// A port for a child process that binds it later (a service manager's app, the demo): one the kernel
// never hands out by itself. A port from listen(0) lies in the ephemeral range, which the kernel also
// gives every outgoing connection: with end-to-end files running side by side, one of their loopback
// connections took the demo's port before it bound it ("port … is in use by another program").
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The kernel's ephemeral range (Linux; 32768–60999 where it cannot be read). */
export function ephemeralRange(): { low: number; high: number } {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high) && low! <= high!) return { low: low!, high: high! };
  } catch {
    // Not Linux, or no /proc: Linux's default.
  }
  return { low: 32768, high: 60999 };
}

/** Where to pick: up to 12,000 ports below the range, else above it (a range starting low). */
export function pickRange({ low, high }: { low: number; high: number }): { from: number; to: number } {
  if (low - 1024 >= 1000) return { from: Math.max(1024, low - 12_000), to: low };
  if (65535 - high >= 1000) return { from: high + 1, to: Math.min(65536, high + 1 + 12_000) };
  throw new Error(`the ephemeral range ${low}-${high} leaves no ports outside it to reserve (see /proc/sys/net/ipv4/ip_local_port_range)`);
}

const bindable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

/** A free port outside the ephemeral range, picked at random so files running at once rarely meet. */
export async function reservePort(): Promise<number> {
  const { from, to } = pickRange(ephemeralRange());
  for (let i = 0; i < 50; i++) {
    const port = from + Math.floor(Math.random() * (to - from));
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port between ${from} and ${to - 1} after 50 tries`);
}
