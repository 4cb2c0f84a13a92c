// The port handed to a child that binds it later lies outside the kernel's ephemeral range (where
// listen(0) and every outgoing connection get theirs) and is free when handed over.
import { createServer } from 'node:net';
import { expect, it } from 'vitest';
import { ephemeralRange, pickRange, reservePort } from './reserve-port.js';

it('is outside the ephemeral range, free, and not one listen(0) or a connection would be given', async () => {
  const { low, high } = ephemeralRange();
  const ports = await Promise.all(Array.from({ length: 20 }, () => reservePort()));
  for (const port of ports) {
    expect(port < low || port > high).toBe(true);
    expect(port).toBeGreaterThanOrEqual(1024);
  }
  // The kernel's own choice is in the range (the premise: a port from listen(0) can be taken meanwhile).
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const kernels = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  expect(kernels).toBeGreaterThanOrEqual(low);
  expect(kernels).toBeLessThanOrEqual(high);
  // Free when handed over: this process can bind it.
  const t = createServer();
  await new Promise<void>((resolve, reject) => (t.once('error', reject), t.listen(ports[0], '127.0.0.1', resolve)));
  await new Promise((r) => t.close(r));
});

it('picks below the range, or above it when the range starts low, and says so when neither is possible', () => {
  expect(pickRange({ low: 32768, high: 60999 })).toEqual({ from: 20768, to: 32768 });
  expect(pickRange({ low: 1024, high: 49151 })).toEqual({ from: 49152, to: 61152 });
  expect(pickRange({ low: 1024, high: 60999 })).toEqual({ from: 61000, to: 65536 });
  expect(() => pickRange({ low: 1024, high: 65535 })).toThrow(/no ports outside it/);
});
