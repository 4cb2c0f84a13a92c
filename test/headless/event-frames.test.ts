// Panel events during a burst: the events of one event-loop turn go to each panel as one WebSocket
// message (a batch frame, in order), serialised once for every panel; a reply is never sent ahead of
// the events emitted before it.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../shared/ws-protocol.js';
import { fullMessage, type WireMessage } from '../../shared/live-wire.js';
import type { ChatMessage } from '../../shared/types.js';
import { PACE_BURST, PACE_WINDOW_MS } from '../../electron/core/live/panel-pace.js';
import { ACCESS, startTestPanel, type TestPanel } from './panel-fixture.js';
import { chatMessage } from '../helpers/store-fixtures.js';

let t: TestPanel;
beforeAll(async () => {
  t = await startTestPanel();
});
afterAll(() => t.close());
// Each test's messages in a window of their own: together they could make a burst (panel-pace.ts).
afterEach(() => new Promise((resolve) => setTimeout(resolve, PACE_WINDOW_MS + 1)));

/** A panel socket recording every WebSocket message it receives after the server's hello, parsed. */
async function panelSocket(): Promise<{ ws: WebSocket; messages: ServerFrame[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${t.panel.port}/api?token=${ACCESS}`);
  const messages: ServerFrame[] = [];
  const hello = new Promise<ServerFrame>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)) as ServerFrame)));
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  // The first message says the server takes acknowledgements (flow control: panel-flow.test.ts).
  expect(await hello).toEqual({ type: 'hello', ack: true });
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as ServerFrame));
  return { ws, messages };
}

const message = (n: number) => chatMessage(n, { channelId: t.world.channelId }, 300000000000000000n);

/** Event frames in arrival order, batches unpacked. */
const events = (frames: ServerFrame[]) => frames.flatMap((f) => (f.type === 'batch' ? f.frames : f.type === 'event' ? [f] : []));

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

it('sends the events of one turn to every panel as one WebSocket message, in order', async () => {
  const a = await panelSocket();
  const b = await panelSocket();
  // Fewer than a burst (a burst goes as notices: panel-flow.test.ts).
  const n = PACE_BURST - 1;
  for (let i = 1; i <= n; i++) t.core.bus.emit('message.created', message(i));
  await until(() => events(a.messages).length >= n && events(b.messages).length >= n, `${n} events on both panels`);
  for (const p of [a, b]) {
    expect(p.messages).toHaveLength(1);
    expect(events(p.messages).map((f) => (f.type === 'event' ? (f.payload as ChatMessage).content : ''))).toEqual(Array.from({ length: n }, (_, i) => `m${i + 1}`));
    p.ws.close();
  }
});

it('a new message goes without its default fields (shared/live-wire.ts), and comes back whole', async () => {
  const a = await panelSocket();
  const raw: string[] = [];
  a.ws.on('message', (d) => raw.push(String(d)));
  const m = { ...message(950), view: { type: 0, mentions: { users: [], roles: [], channels: [], everyone: false }, embeds: [], stickers: [], reactions: [], emojis: [], mentionsOwner: false } };
  t.core.bus.emit('message.created', m);
  await until(() => raw.length >= 1, 'the event');
  expect(raw[0]).not.toMatch(/"caughtUp"|"deleted"|"editedAt"|"attachments"|"mentions"/);
  const frame = JSON.parse(raw[0]!) as { payload: WireMessage };
  expect(fullMessage(frame.payload)).toEqual(m);
  a.ws.close();
});

it('a lone event still goes as a plain event frame', async () => {
  const a = await panelSocket();
  t.core.bus.emit('message.created', message(900));
  await until(() => a.messages.length >= 1, 'the event');
  expect(a.messages[0]).toMatchObject({ type: 'event', event: 'message.created', payload: { content: 'm900' } });
  a.ws.close();
});

it('a reply never overtakes the events emitted before it', async () => {
  const a = await panelSocket();
  await new Promise<void>((resolve) => a.ws.once('message', () => resolve()).send(JSON.stringify({ type: 'invoke', id: 1, command: 'app.info' })));
  a.messages.length = 0;
  // The reply to this invoke is sent from the same turn as events emitted just before it.
  const replied = new Promise<void>((resolve) => a.ws.on('message', (d) => (JSON.parse(String(d)) as ServerFrame).type === 'reply' && resolve()));
  const off = t.core.bus.on('message.created', () => undefined);
  const original = t.core.dispatch.bind(t.core);
  t.core.dispatch = (async (command: string, arg: unknown) => {
    for (let i = 1000; i < 1010; i++) t.core.bus.emit('message.created', message(i));
    return original(command as never, arg as never);
  }) as typeof t.core.dispatch;
  try {
    a.ws.send(JSON.stringify({ type: 'invoke', id: 2, command: 'app.info' }));
    await replied;
  } finally {
    t.core.dispatch = original;
    off();
  }
  const kinds = a.messages.flatMap((f) => (f.type === 'batch' ? f.frames.map(() => 'event') : [f.type]));
  expect(kinds).toEqual([...Array(10).fill('event'), 'reply']);
  a.ws.close();
});
