// A panel socket that sends hostile or buggy acknowledgements (far more than it was sent, before
// anything was sent, a flood of them, zero) must not crash the server, stall it, nor hold back or
// reorder another panel that reads along; the hostile one only harms itself.
// (4,000 messages in 40 turns are a burst: the good panel gets them counted by notices, panel-pace.ts.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ackText, type EventFrame, type ServerFrame } from '../../shared/ws-protocol.js';
import type { ChatMessage } from '../../shared/types.js';
import { ACCESS, startTestPanel, type TestPanel } from './panel-fixture.js';
import { accountedFor } from './live-accounting.js';
import { chatMessage, until } from '../helpers/store-fixtures.js';

let t: TestPanel;
beforeAll(async () => {
  t = await startTestPanel();
});
afterAll(() => t.close());

let next = 0;
const message = () => chatMessage(++next, { channelId: t.world.channelId, content: 'a live message' }, 500000000000000000n);

async function socket(onText: (ws: WebSocket, text: string) => void): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${t.panel.port}/api?token=${ACCESS}`);
  ws.on('error', () => undefined);
  ws.on('message', (data) => onText(ws, String(data)));
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  return ws;
}

it('hostile acknowledgements: the server keeps serving and another panel gets every message in order', async () => {
  const events: EventFrame[] = [];
  const good = await socket((ws, text) => {
    const frame = JSON.parse(text) as ServerFrame;
    if (frame.type === 'batch') events.push(...frame.frames);
    else if (frame.type === 'event') events.push(frame);
    ws.send(ackText(text.length));
  });
  // Acks before anything, the biggest number the frame allows, zeros, then a flood while never reading.
  const hostile = await socket(() => undefined);
  hostile.send(ackText(9_999_999_999));
  hostile.send(ackText(0));
  const flood = setInterval(() => {
    for (let i = 0; i < 200; i++) hostile.send(ackText(i % 2 ? 9_999_999_999 : 0));
  }, 1);
  hostile.pause();
  const sent: ChatMessage[] = [];
  for (let turn = 0; turn < 40; turn++) {
    for (let i = 0; i < 100; i++) {
      const m = message();
      sent.push(m);
      t.core.bus.emit('message.created', m);
    }
    await new Promise((r) => setImmediate(r));
  }
  const ids = sent.map((m) => m.id);
  const last = () => events.findLast((e) => e.event === 'message.skipped' || e.event === 'message.created');
  const lastId = () => ((p) => (p && 'lastId' in p ? p.lastId : p?.id))(last()?.payload as { lastId?: string; id?: string } | undefined);
  await until(() => lastId() === ids.at(-1), 'the newest on the panel that reads', 20_000);
  clearInterval(flood);
  accountedFor(events, ids);
  // Still serving commands.
  expect((await t.core.dispatch('app.info', undefined)).ok).toBe(true);
  hostile.terminate();
  good.close();
});
