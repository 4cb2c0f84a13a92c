// The panel's port held by another program (a second `npm run demo`): each failed listen releases
// what it set up (the event bridge's bus listener), so retries after a relaunch leak nothing, and a
// plain start fails at once saying which port is taken and how to pick another.
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPanelServer } from '../../electron/headless/http-server.js';
import { runHeadless } from '../../electron/headless/run.js';
import { startTestPanel, type TestPanel } from './panel-fixture.js';

let holder: Server;
let port: number;
let dir: string;
const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);

beforeEach(async () => {
  holder = createServer();
  holder.on('error', () => {});
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  port = (holder.address() as { port: number }).port;
  dir = mkdtempSync(join(tmpdir(), 'dm-port-'));
  warnings.length = 0;
  process.on('warning', onWarning);
});
afterEach(async () => {
  process.off('warning', onWarning);
  await new Promise((resolve) => holder.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('a panel port already in use', { timeout: 30_000 }, () => {
  it('a failed listen leaves no listener behind: 150 attempts raise no MaxListeners warning', async () => {
    let t: TestPanel | null = null;
    try {
      t = await startTestPanel();
      for (let i = 0; i < 150; i++) {
        await expect(startPanelServer({ core: t.core, rendererDir: t.rendererDir, host: '127.0.0.1', port, accessToken: null })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      }
      // process.emitWarning reports on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      await t?.close();
    }
  });

  it('a plain start fails at once, naming the port and how to choose another', async () => {
    const started = Date.now();
    await expect(
      runHeadless({ host: '127.0.0.1', port, dataDir: join(dir, 'data'), noToken: true, selfTest: true, relaunched: false, waitPid: null }, {}, dir, { logToStdout: false }),
    ).rejects.toThrow(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use.*--port`));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
  });
});
