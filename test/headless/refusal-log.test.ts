// Issue 7 item 7 (panel side): refused connections are summed up in one log line per interval,
// never one line per attempt, so a flood cannot grow the log or push real entries out.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ACCESS, connectWs, startTestPanel, type TestPanel } from './panel-fixture.js';

let t: TestPanel | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function refusedLines(panel: TestPanel): string[] {
  panel.core.log.flush();
  return readFileSync(panel.core.log.file, 'utf8')
    .split('\n')
    .filter((l) => l.includes('Refused'))
    .map((l) => (JSON.parse(l) as { msg: string }).msg);
}

/** Sum of the counts the lines report ("Refused a …" counts one). */
const total = (lines: string[]) => lines.reduce((n, l) => n + (/^Refused a /.test(l) ? 1 : Number(/^Refused (\d+)/.exec(l)?.[1] ?? NaN)), 0);

async function wrongTokenFlood(port: number, n: number): Promise<void> {
  const wrong = `Bearer ${ACCESS.slice(0, -1)}${ACCESS.endsWith('x') ? 'y' : 'x'}`;
  for (let i = 0; i < n; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, async () => {
        const res = await fetch(`http://127.0.0.1:${port}/api/auth`, { headers: { Authorization: wrong } });
        expect(res.status).toBe(401);
        await res.body?.cancel();
      }),
    );
  }
}

describe('refused connections in the log', () => {
  it('logs the first refusal at once, then one summary per interval, whatever the number of attempts', async () => {
    t = await startTestPanel();
    await wrongTokenFlood(t.panel.port, 3000);
    for (let i = 0; i < 50; i++) await expect(connectWs(t.panel.port, '?token=nope')).rejects.toThrow('HTTP 401');
    for (let i = 0; i < 30; i++) await expect(connectWs(t.panel.port, `?token=${ACCESS}`, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    const during = refusedLines(t);
    expect(during).toEqual([expect.stringMatching(/^Refused a panel connection with a wrong or missing access token/)]);
    // Closing writes out what the current minute has counted so far.
    await t.panel.close();
    const after = refusedLines(t);
    expect(after).toHaveLength(2);
    expect(after[1]).toMatch(/^Refused 3079 panel connections in the last minute: 3049 with a wrong or missing access token, 30 from a page of another site/);
    expect(total(after)).toBe(3080);
  });

  it('writes a summary at the end of each interval with activity and nothing in quiet ones', async () => {
    t = await startTestPanel({ refusalLogIntervalMs: 250 });
    const started = Date.now();
    await wrongTokenFlood(t.panel.port, 2000);
    const elapsed = Date.now() - started;
    // Wait for the interval that holds the last attempts to end: its summary is the last line.
    let lines = refusedLines(t);
    for (const end = Date.now() + 3000; total(lines) < 2000 && Date.now() < end; ) {
      await new Promise((r) => t!.core.log.entries.once('entry', r));
      lines = refusedLines(t);
    }
    expect(total(lines)).toBe(2000);
    expect(lines.length).toBeLessThanOrEqual(2 + Math.ceil(elapsed / 250));
    for (const line of lines.slice(1)) expect(line).toMatch(/^Refused \d+ panel connections? with a wrong or missing access token in the last 0\.25 s\.$/);
  });

  it('does not count accepted connections', async () => {
    t = await startTestPanel();
    const ws = await connectWs(t.panel.port);
    const res = await fetch(`http://127.0.0.1:${t.panel.port}/api/auth`, { headers: { Authorization: `Bearer ${ACCESS}` } });
    expect(res.status).toBe(204);
    ws.close();
    await new Promise((r) => ws.once('close', r));
    await t.panel.close();
    expect(refusedLines(t)).toEqual([]);
    expect(ws.readyState).toBe(WebSocket.CLOSED);
  });
});
