// An invalid command argument is refused with a short answer that says what was wrong but never
// copies the input back: a 1 MiB frame of unknown keys must not cost a 2 MiB reply.
import type WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectWs, invoke, startTestPanel, type TestPanel } from './panel-fixture.js';

const SMALL = 4096;
let t: TestPanel;
let ws: WebSocket;
let id = 0;
beforeAll(async () => {
  t = await startTestPanel();
  ws = await connectWs(t.panel.port);
});
afterAll(async () => {
  ws.close();
  await t.close();
});

const manyKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1]));

async function refusal(command: string, arg: unknown) {
  const reply = await invoke(ws, ++id, command, arg);
  expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  return { reply, size: Buffer.byteLength(JSON.stringify(reply)) };
}

describe('invalid-input replies', () => {
  it('answers 60,000 unknown keys in a few hundred bytes, naming a few of them', async () => {
    const { reply, size } = await refusal('settings.save', manyKeys(60_000));
    expect(size).toBeLessThan(SMALL);
    const text = JSON.stringify(reply);
    expect(text).toMatch(/unknown|unrecognized/i);
    expect(text).toContain('k0');
    expect(text).not.toContain('k59999');
    expect(text).toMatch(/Nothing was changed/);
  });

  it('answers a list of bad items with the first few and a count, not one line each', async () => {
    const { reply, size } = await refusal('settings.save', { highlightKeywords: Array.from({ length: 50 }, () => 7) });
    expect(size).toBeLessThan(1500);
    expect(Object.keys((reply as { error: { fields?: object } }).error.fields ?? {}).length).toBeLessThanOrEqual(5);
    expect(JSON.stringify(reply)).toMatch(/highlightKeywords\.0 .*more/);
  });

  it('does not echo a long key name', async () => {
    const key = 'x'.repeat(200_000);
    const { reply, size } = await refusal('settings.save', { [key]: 1 });
    expect(size).toBeLessThan(SMALL);
    expect(JSON.stringify(reply)).not.toContain('x'.repeat(100));
  });

  it('still names the field of an ordinary mistake', async () => {
    const { reply } = await refusal('settings.save', { checkIntervalMinutes: 0 });
    expect(reply).toMatchObject({ error: { fields: { checkIntervalMinutes: expect.any(String) }, message: expect.stringContaining('checkIntervalMinutes') } });
  });
});
