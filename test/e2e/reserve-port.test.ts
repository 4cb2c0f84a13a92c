// The port handed to a child that binds it later lies outside the kernel's ephemeral range (where
// listen(0) and every outgoing connection get theirs) and is free when handed over.
import { createServer } from 'node:net';
import { expect, it } from 'vitest';
import { ephemeralLow, reservePort } from './reserve-port.js';

it('is below the ephemeral range, free, and not one listen(0) or a connection would be given', async () => {
  const low = ephemeralLow();
  const ports = await Promise.all(Array.from({ length: 20 }, () => reservePort()));
  for (const port of ports) {
    expect(port).toBeLessThan(low);
    expect(port).toBeGreaterThanOrEqual(1024);
  }
  // The kernel's own choice is in the range (the premise: a port from listen(0) can be taken meanwhile).
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const kernels = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  expect(kernels).toBeGreaterThanOrEqual(low);
  // Free when handed over: this process can bind it.
  const t = createServer();
  await new Promise<void>((resolve, reject) => (t.once('error', reject), t.listen(ports[0], '127.0.0.1', resolve)));
  await new Promise((r) => t.close(r));
});
