// The old process's side of a handover, on a real panel server: commands already taken are answered
// before the panel is asked to reconnect (1012); a command arriving after that is not run (the panel
// re-sends it to the new process); an idle keep-alive connection is not cut under a request.
import { connect } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ACCESS, startTestPanel, type TestPanel } from './panel-fixture.js';

let t: TestPanel | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

it('answers the commands it took, drops later ones unrun, then closes panels with 1012', async () => {
  t = await startTestPanel();
  const { core, panel } = t;
  const dispatched: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const dispatch = core.dispatch.bind(core);
  core.dispatch = (async (command: string, arg: unknown) => {
    dispatched.push(command);
    if (command === 'app.info') await gate;
    return dispatch(command as never, arg as never);
  }) as typeof core.dispatch;

  const ws = new WebSocket(`ws://127.0.0.1:${panel.port}/api?token=${ACCESS}`);
  ws.on('error', () => undefined);
  await new Promise((r) => ws.once('open', r));
  const replies: number[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; id: number };
    if (frame.type === 'reply') replies.push(frame.id);
  });
  const closed = new Promise<{ code: number; reason: string }>((r) => ws.once('close', (code, reason) => r({ code, reason: String(reason) })));

  ws.send(JSON.stringify({ type: 'invoke', id: 1, command: 'app.info' }));
  await expect.poll(() => dispatched).toEqual(['app.info']);
  const handedOver = panel.handOver();
  ws.send(JSON.stringify({ type: 'invoke', id: 2, command: 'bot.status' }));
  release();

  expect(await closed).toEqual({ code: 1012, reason: 'The new version is taking over: reconnect.' });
  expect(replies).toEqual([1]);
  expect(dispatched).toEqual(['app.info']);
  await handedOver;
});

it('an idle keep-alive connection gets its next answer with Connection: close instead of being cut', async () => {
  t = await startTestPanel();
  const { panel } = t;
  const socket = connect(panel.port, '127.0.0.1');
  socket.on('error', () => undefined);
  let received = '';
  socket.setEncoding('utf8').on('data', (d: string) => (received += d));
  const request = `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${panel.port}\r\nConnection: keep-alive\r\n\r\n`;
  socket.write(request);
  await expect.poll(() => received).toMatch(/^HTTP\/1\.1 200[\s\S]*\r\n\r\n\{/);
  expect(received.toLowerCase()).toContain('connection: keep-alive');

  received = '';
  const handedOver = panel.handOver();
  socket.write(request);
  await expect.poll(() => received).toMatch(/^HTTP\/1\.1 200[\s\S]*\r\n\r\n\{/);
  expect(received.toLowerCase()).toContain('connection: close');
  await handedOver;
  socket.destroy();
});
