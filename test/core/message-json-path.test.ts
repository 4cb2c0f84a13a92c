// A live message is serialised once and that JSON is reused by the event bus (its secret check), the
// panel frame and the store row: the token never leaves by this path, and the reused text is exactly
// what serialising each on its own gives.
import { expect, it } from 'vitest';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { EventFrames } from '../../electron/core/live/event-frames.js';
import { compactMessageJson } from '../../shared/live-wire.js';
import type { ChatMessage } from '../../shared/types.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.token-for-the-json-path-test';

const message = (content: string): ChatMessage => ({
  id: '300000000000000001',
  channelId: '200000000000000001',
  author: { id: '1', username: 'a', displayName: `A ${content}`, avatarUrl: null, bot: false },
  content,
  createdAt: 1,
  editedAt: null,
  deleted: false,
  attachments: [],
  caughtUp: false,
});

function pipeline() {
  const redactor = new Redactor();
  redactor.add(TOKEN);
  const bus = new EventBus(redactor);
  const frames = new EventFrames(bus);
  const sent: string[] = [];
  frames.add({ sendText: (t) => void sent.push(t) });
  const seen: Array<{ payload: unknown; json?: string }> = [];
  bus.onAny((_event, payload, json) => void seen.push({ payload, json }));
  const store = new MessageStore(':memory:', (j) => redactor.scrub(j));
  return { bus, frames, sent, seen, store };
}

it('a message holding the token: listeners, the panel frame and the stored row all get it scrubbed', () => {
  const p = pipeline();
  const m = message(`leaked ${TOKEN} here`);
  p.bus.emit('message.created', m);
  p.frames.flush();
  p.store.add(m);
  const [{ payload, json }] = p.seen as [{ payload: ChatMessage; json: string }];
  expect(payload).not.toBe(m);
  expect(payload.content).toBe('leaked [redacted] here');
  expect(payload.author.displayName).toBe('A leaked [redacted] here');
  expect(json).toBe(JSON.stringify(payload));
  // The frame carries that JSON without the default fields (shared/live-wire.ts), nothing else changed.
  expect(p.sent).toEqual([`{"type":"event","event":"message.created","payload":${compactMessageJson(JSON.stringify(payload))}}`]);
  expect(JSON.stringify(p.store.get(m.id))).not.toContain(TOKEN);
  expect(p.store.get(m.id)!.content).toBe('leaked [redacted] here');
});

it('a clean message: the same object to listeners, its JSON in the frame byte for byte, the row equal to it', () => {
  const p = pipeline();
  const m = message('nothing secret');
  p.bus.emit('message.created', m);
  p.frames.flush();
  p.store.addMany([m]);
  expect(p.seen[0]!.payload).toBe(m);
  expect(p.seen[0]!.json).toBe(JSON.stringify(m));
  expect(p.sent).toEqual([`{"type":"event","event":"message.created","payload":${compactMessageJson(JSON.stringify(m))}}`]);
  expect(p.store.get(m.id)).toEqual(m);
});

it('an update is a new object: its frame and row carry the new content, not the first JSON', () => {
  const p = pipeline();
  const m = message('first');
  p.bus.emit('message.created', m);
  p.store.add(m);
  const updated = p.store.update(m.id, { content: `second ${TOKEN}` })!;
  p.bus.emit('message.updated', updated);
  p.frames.flush();
  expect(p.store.get(m.id)!.content).toBe('second [redacted]');
  const frames = (JSON.parse(p.sent[0]!) as { frames: Array<{ payload: ChatMessage }> }).frames;
  expect(frames.map((f) => f.payload.content)).toEqual(['first', 'second [redacted]']);
});
