// Issue 7 item 2: WebSocket protocol errors close that socket with the right code and a reason,
// never the process; payload and nesting are capped; commands are rate-limited per connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_RATE, WS_MAX_DEPTH, WS_MAX_PAYLOAD } from '../../shared/limits.js';
import { closed, connectWs, healthy, invoke, rawWs, startTestPanel, wsFrame, type TestPanel } from './panel-fixture.js';

let t: TestPanel;
beforeAll(async () => {
  t = await startTestPanel();
});
afterAll(() => t.close());

const invokeText = (arg: unknown) => JSON.stringify({ type: 'invoke', id: 1, command: 'app.info', arg });

describe('protocol errors', () => {
  it('closes with 1009 on a frame over the 1 MiB cap', async () => {
    expect(WS_MAX_PAYLOAD).toBe(1024 * 1024);
    const ws = await connectWs(t.panel.port);
    const done = closed(ws);
    ws.send('x'.repeat(WS_MAX_PAYLOAD + 1));
    expect(await done).toEqual({ code: 1009, reason: expect.stringMatching(/1 MiB/) });
    expect(await healthy(t.panel.port)).toBe(true);
  });

  it('accepts a frame just under the cap (answered as invalid input, not closed)', async () => {
    const ws = await connectWs(t.panel.port);
    const text = invokeText('y'.repeat(WS_MAX_PAYLOAD - 100));
    expect(text.length).toBeLessThanOrEqual(WS_MAX_PAYLOAD);
    const reply = new Promise<string>((r) => ws.once('message', (d) => r(String(d))));
    ws.send(text);
    expect(JSON.parse(await reply)).toMatchObject({ type: 'reply', id: 1, reply: { ok: false, error: { code: 'invalid-input' } } });
    ws.close();
  });

  it.each([100_000, WS_MAX_DEPTH + 1])('closes with 1009 on JSON nested %i deep, without parsing it', async (depth) => {
    const ws = await connectWs(t.panel.port);
    const done = closed(ws);
    ws.send(invokeText('@').replace('"@"', '['.repeat(depth) + ']'.repeat(depth)));
    expect(await done).toEqual({ code: 1009, reason: expect.stringMatching(/nested/) });
    expect(await healthy(t.panel.port)).toBe(true);
  });

  it('still answers arguments nested up to the depth limit', async () => {
    const ws = await connectWs(t.panel.port);
    // The frame object and its arg field take two levels.
    const arg = JSON.parse('['.repeat(WS_MAX_DEPTH - 1) + ']'.repeat(WS_MAX_DEPTH - 1)) as unknown;
    expect(await invoke(ws, 1, 'app.info', arg)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    ws.close();
  });

  it('closes with 1007 on a text frame that is not UTF-8', async () => {
    const ws = await connectWs(t.panel.port);
    const done = closed(ws);
    ws.send(Buffer.from([0x22, 0xff, 0xfe, 0x22]), { binary: false });
    expect(await done).toEqual({ code: 1007, reason: expect.stringMatching(/UTF-8/) });
    expect(await healthy(t.panel.port)).toBe(true);
  });

  it('closes with 1003 on a binary frame', async () => {
    const ws = await connectWs(t.panel.port);
    const done = closed(ws);
    ws.send(Buffer.from(invokeText(undefined)), { binary: true });
    expect(await done).toEqual({ code: 1003, reason: expect.stringMatching(/text/) });
  });

  it('closes with 1002 on an unmasked frame and on reserved opcode 3', async () => {
    for (const frame of [wsFrame(1, Buffer.from(invokeText(undefined)), false), wsFrame(3, Buffer.from('hi'))]) {
      const raw = await rawWs(t.panel.port);
      raw.write(frame);
      expect(await raw.closeFrame).toEqual({ code: 1002, reason: expect.stringMatching(/protocol/i) });
    }
    expect(await healthy(t.panel.port)).toBe(true);
  });

  it('closes with 1008 on a frame that is not an invoke', async () => {
    const ws = await connectWs(t.panel.port);
    const done = closed(ws);
    ws.send('{"type":"invoke","id":"x"}');
    expect(await done).toEqual({ code: 1008, reason: expect.stringMatching(/invoke/) });
  });
});

describe('command rate limit', () => {
  it('answers commands beyond the burst with a typed rate-limited error, and refills', async () => {
    expect(COMMAND_RATE).toEqual({ perSecond: 20, burst: 50 });
    const ws = await connectWs(t.panel.port);
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: 120 }, (_, i) => invoke(ws, i + 1, 'app.info')));
    const elapsed = (Date.now() - started) / 1000;
    const ok = replies.filter((r) => r.ok).length;
    const limited = replies.filter((r) => !r.ok && r.error.code === 'rate-limited');
    expect(ok + limited.length).toBe(120);
    expect(ok).toBeGreaterThanOrEqual(50);
    expect(ok).toBeLessThanOrEqual(50 + Math.ceil(elapsed * 20) + 1);
    expect(limited[0]).toMatchObject({ ok: false, error: { message: expect.stringMatching(/20 a second/) } });
    // Tokens come back at 20/s: wait for one, with a deadline.
    let again;
    for (const end = Date.now() + 2000; !again?.ok && Date.now() < end; ) again = await invoke(ws, 1000, 'app.info');
    expect(again?.ok).toBe(true);
    ws.close();
  });

  it('limits each connection on its own', async () => {
    const a = await connectWs(t.panel.port);
    const b = await connectWs(t.panel.port);
    await Promise.all(Array.from({ length: 60 }, (_, i) => invoke(a, i + 1, 'app.info')));
    expect(await invoke(b, 1, 'app.info')).toMatchObject({ ok: true });
    a.close();
    b.close();
  });
});
