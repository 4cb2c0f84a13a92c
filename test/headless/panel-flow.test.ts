// Backpressure per panel socket (issue 9): a panel that does not read while 10,000 messages arrive
// is not sent each of them; once it reads again it gets one exact "N skipped" notice with the newest.
// A real panel server on a real core, a real `ws` client that pauses its socket and acknowledges
// what it reads as the page does.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PANEL_WINDOW_CHARS, type MessagesSkipped } from '../../shared/live-flow.js';
import { ackText, type EventFrame, type ServerFrame } from '../../shared/ws-protocol.js';
import type { ChatMessage } from '../../shared/types.js';
import { PACE_BURST, PACE_INTERVAL_MS, PACE_QUIET_MS, PACE_WINDOW_MS } from '../../electron/core/live/panel-pace.js';
import { ACCESS, startTestPanel, type TestPanel } from './panel-fixture.js';
import { accountedFor } from './live-accounting.js';
import { chatMessage, until as poll } from '../helpers/store-fixtures.js';

let t: TestPanel;
beforeAll(async () => {
  t = await startTestPanel();
});
afterAll(() => t.close());
// Each test's messages in a window of their own: the last test's burst would make the next one's first messages a burst.
afterEach(() => new Promise((resolve) => setTimeout(resolve, PACE_WINDOW_MS + 1)));

let next = 0;
const message = (content = 'a live message with some ordinary words in it') => chatMessage(++next, { channelId: t.world.channelId, content }, 400000000000000000n);

interface Reader {
  ws: WebSocket;
  events: EventFrame[];
  /** Characters of every server message received. */
  chars: number;
  hello: boolean;
}

/** A panel socket that acknowledges each message it reads once the server said hello (as renderer/src/bridge.ts does). */
async function reader(acks = true): Promise<Reader> {
  const ws = new WebSocket(`ws://127.0.0.1:${t.panel.port}/api?token=${ACCESS}`);
  ws.on('error', () => undefined);
  const r: Reader = { ws, events: [], chars: 0, hello: false };
  ws.on('message', (data) => {
    const text = String(data);
    r.chars += text.length;
    const frame = JSON.parse(text) as ServerFrame;
    if (frame.type === 'hello') r.hello = frame.ack;
    else if (frame.type === 'batch') r.events.push(...frame.frames);
    else if (frame.type === 'event') r.events.push(frame);
    if (acks && r.hello) ws.send(ackText(text.length));
  });
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  await until(() => r.hello, 'the hello');
  return r;
}

const until = (check: () => boolean, what: string, ms = 20_000) => poll(check, what, ms, 5);

/** Emits `n` new messages as a burst does: slices of 250 per event-loop turn. */
async function burst(n: number, each: (m: ChatMessage, i: number) => void = () => undefined): Promise<ChatMessage[]> {
  const sent: ChatMessage[] = [];
  while (sent.length < n) {
    for (let i = 0; i < 250 && sent.length < n; i++) {
      const m = message();
      sent.push(m);
      t.core.bus.emit('message.created', m);
      each(m, sent.length - 1);
    }
    await new Promise((r) => setImmediate(r));
  }
  return sent;
}

const accounted = (r: Reader, ids: string[]) => accountedFor(r.events, ids);

const created = (r: Reader) => r.events.filter((e) => e.event === 'message.created').map((e) => (e.payload as ChatMessage).id);
const skipped = (r: Reader) => r.events.filter((e) => e.event === 'message.skipped').map((e) => e.payload as MessagesSkipped);

it('a panel that does not read while 10,000 messages arrive is sent a bounded amount, then one exact notice with the newest', async () => {
  const r = await reader();
  r.ws.pause();
  const before = r.chars;
  const sent = await burst(10_000);
  r.ws.resume();
  await until(() => created(r).length + skipped(r).reduce((n, s) => n + s.count, 0) >= 10_000, 'every message sent or counted');

  // Bounded: about the window, not the burst (10,000 messages are ~2.6 MB of frames).
  expect(r.chars - before).toBeLessThan(PANEL_WINDOW_CHARS + 300 * 256 + 100 * 300);
  // Each message sent or counted once, in order; the last notice came last, with the burst's newest.
  const notices = accounted(r, sent.map((m) => m.id));
  expect(notices.at(-1)!.lastId).toBe(sent.at(-1)!.id);
  expect(r.events.at(-1)!.event).toBe('message.skipped');
  expect(created(r).length).toBeLessThan(1000);

  // Drained and the burst over (its pace ends PACE_QUIET_MS after its last notice): one by one again.
  await new Promise((resolve) => setTimeout(resolve, PACE_INTERVAL_MS));
  const [live] = await burst(1);
  await until(() => created(r).includes(live!.id), 'the next live message');
  r.ws.close();
});

it('edits of skipped messages reach the panel through the notice; edits of earlier ones as usual', async () => {
  const r = await reader();
  const [early] = await burst(1);
  await until(() => created(r).includes(early!.id), 'the first message');
  r.ws.pause();
  const sent = await burst(2000);
  const last = sent.at(-1)!;
  t.core.bus.emit('message.updated', { ...early!, content: 'early, edited', editedAt: 1 });
  t.core.bus.emit('message.updated', { ...last, content: 'last, edited', editedAt: 2 });
  t.core.bus.emit('message.deleted', { id: sent.at(-2)!.id, channelId: t.world.channelId });
  // An edit of a skipped message that is not among the newest: the store has it, the panel reads it there.
  t.core.bus.emit('message.updated', { ...sent[500]!, content: 'old skipped, edited', editedAt: 3 });
  r.ws.resume();
  await until(() => skipped(r).at(-1)?.lastId === last.id, 'the notice with the last message');
  await until(() => r.events.some((e) => e.event === 'message.updated' && (e.payload as ChatMessage).id === early!.id), 'the edit of the early message');

  const newest = new Map(skipped(r).at(-1)!.newest.map((m) => [m.id, m]));
  expect(newest.get(last.id)).toMatchObject({ content: 'last, edited', editedAt: 2 });
  expect(newest.get(sent.at(-2)!.id)).toMatchObject({ deleted: true });
  const changes = r.events.filter((e) => e.event === 'message.updated' || e.event === 'message.deleted').map((e) => (e.payload as { id: string }).id);
  // Only the early one's edit came on its own: the others are in the notice (the last's) or the store.
  expect(changes.filter((id) => id !== sent[500]!.id)).toEqual([early!.id]);
  r.ws.close();
});

it('a panel that does not acknowledge (an older page) and stops reading is counted by what waits to be written, not cut off, and gets its notice once it reads', async () => {
  const r = await reader(false);
  r.ws.pause();
  const before = r.chars;
  // 2,000 messages of 5,000 characters: 10 MB, more than the kernel's socket buffers and the 8 MiB that cut a panel off.
  const long = 'x'.repeat(5000);
  const sent: ChatMessage[] = [];
  for (let turn = 0; turn < 40; turn++) {
    for (let i = 0; i < 50; i++) {
      const m = message(long);
      sent.push(m);
      t.core.bus.emit('message.created', m);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  r.ws.resume();
  await until(() => created(r).length + skipped(r).reduce((n, s) => n + s.count, 0) >= sent.length, 'every message sent or counted');
  expect(r.ws.readyState).toBe(WebSocket.OPEN);
  expect(accounted(r, sent.map((m) => m.id)).at(-1)!.lastId).toBe(sent.at(-1)!.id);
  expect(r.chars - before).toBeLessThan(sent.length * 5000);
  r.ws.close();
});

it('per panel: one that stops reading does not hold back another that reads along', async () => {
  const slow = await reader();
  const fast = await reader();
  slow.ws.pause();
  const sent = await burst(3000);
  const ids = sent.map((m) => m.id);
  await until(() => skipped(fast).at(-1)?.lastId === ids.at(-1), "the burst's newest on the panel that reads");
  accounted(fast, ids);
  expect(skipped(slow).at(-1)?.lastId).not.toBe(ids.at(-1));
  slow.ws.resume();
  await until(() => skipped(slow).at(-1)?.lastId === ids.at(-1), "the burst's newest on the panel that stopped reading");
  accounted(slow, ids);
  slow.ws.close();
  fast.ws.close();
});

it('a panel that reads along is sent every message one by one when they come slower than a burst', async () => {
  const r = await reader();
  const sent: ChatMessage[] = [];
  // 300 messages, PACE_BURST - 1 per window: never a burst.
  for (let i = 0; i < 300; i++) {
    if (i % (PACE_BURST - 1) === 0) await new Promise((resolve) => setTimeout(resolve, PACE_WINDOW_MS + 5));
    sent.push(message());
    t.core.bus.emit('message.created', sent.at(-1)!);
  }
  await until(() => created(r).length >= 300, 'all 300');
  expect(created(r)).toEqual(sent.map((m) => m.id));
  expect(skipped(r)).toEqual([]);
  r.ws.close();
});

it('a panel that reads along during a burst gets its newest once per interval, every message counted once', async () => {
  const r = await reader();
  const arrivals: number[] = [];
  r.ws.on('message', (data) => void (String(data).includes('"event":"message.skipped"') && arrivals.push(performance.now())));
  // 50 new messages every ~5 ms for five intervals; pauses of PACE_QUIET_MS (a slow machine) counted.
  const sent: ChatMessage[] = [];
  const start = performance.now();
  let pauses = 0;
  for (let before = start; performance.now() - start < 5 * PACE_INTERVAL_MS; ) {
    for (let i = 0; i < 50; i++) sent.push(message());
    sent.slice(-50).forEach((m) => t.core.bus.emit('message.created', m));
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (performance.now() - before >= PACE_QUIET_MS) pauses++;
    before = performance.now();
  }
  const end = performance.now();
  const ids = sent.map((m) => m.id);
  await until(() => skipped(r).at(-1)?.lastId === ids.at(-1), "the burst's newest");
  const notices = accounted(r, ids);
  // None one by one; the newest while it lasts, not only at its end; no more often than its pauses and the interval.
  expect(created(r)).toEqual([]);
  expect(arrivals.filter((at) => at < end).length).toBeGreaterThanOrEqual(Math.floor((end - start) / PACE_INTERVAL_MS) - 2);
  expect(notices.length).toBeLessThanOrEqual(Math.ceil((end - start) / PACE_INTERVAL_MS) + 1 + pauses);
  r.ws.close();
});

it('out of order (a hole filled after live messages went on): edits of messages the panel was sent still reach it while it is behind', async () => {
  const r = await reader();
  const live = await burst(3);
  await until(() => live.every((m) => created(r).includes(m.id)), 'the live messages');
  r.ws.pause();
  // A catch-up fills a hole older than the live messages (catch-up.ts fillHole): their ids are lower.
  const hole: ChatMessage[] = [];
  for (let turn = 0; turn < 8; turn++) {
    for (let i = 0; i < 250; i++) {
      const m = { ...message(), id: String(300000000000000000n + BigInt(next)), caughtUp: true };
      hole.push(m);
      t.core.bus.emit('message.created', m);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  t.core.bus.emit('message.updated', { ...live[0]!, content: 'live, edited', editedAt: 1 });
  t.core.bus.emit('message.deleted', { id: live[1]!.id, channelId: t.world.channelId });
  r.ws.resume();
  await until(() => skipped(r).length === 1, 'the notice');
  const notice = skipped(r)[0]!;
  // Neither change is in the notice (its newest are hole messages): they must come one by one.
  expect(notice.newest.some((m) => m.id === live[0]!.id || m.id === live[1]!.id)).toBe(false);
  await until(() => r.events.some((e) => e.event === 'message.deleted'), 'the deletion of a live message the panel shows', 3_000);
  const changes = r.events.filter((e) => e.event === 'message.updated' || e.event === 'message.deleted').map((e) => (e.payload as { id: string }).id);
  expect(changes).toEqual([live[0]!.id, live[1]!.id]);
  r.ws.close();
});
