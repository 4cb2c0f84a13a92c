// The preload reads what the main process sends on the event channel: one JSON text per send, an event
// or a batch of them (electron/core/live/event-frames.ts, as to a browser panel). Each event reaches its
// listeners in order, new messages made whole again (shared/live-wire.ts fromWire); anything malformed
// is ignored, never thrown out of the IPC listener.
import fc from 'fast-check';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import type { Api } from '../../shared/api.js';
import type { MessagesSkipped } from '../../shared/live-flow.js';
import type { ChatMessage } from '../../shared/types.js';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { EventFrames } from '../../electron/core/live/event-frames.js';
import { PACE_BURST } from '../../electron/core/live/panel-pace.js';
import { chatMessage, until } from '../helpers/store-fixtures.js';
import { ipcRenderer } from './electron-mock.js';

import { loadPreload } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

// The preload runs once per page, at import.
let api: Api;
beforeAll(async () => {
  api = await loadPreload();
});

const offs: Array<() => void> = [];
afterEach(() => offs.splice(0).forEach((off) => off()));

/** Every call of `event`'s listeners on the page, in order. */
function listen<E extends Parameters<Api['on']>[0]>(event: E): unknown[] {
  const got: unknown[] = [];
  offs.push(api.on(event, (payload) => void got.push(payload)));
  return got;
}

/** The main process's framing over a real bus, each text sent to the preload as ipc.ts sends it. */
function mainSide() {
  const bus = new EventBus(new Redactor());
  const frames = new EventFrames(bus);
  const texts: string[] = [];
  frames.add({
    sendText: (text) => {
      texts.push(text);
      ipcRenderer.emit('event', {}, text);
    },
  });
  offs.push(() => frames.close());
  return { bus, frames, texts };
}

let n = 0;
const message = (over: Partial<ChatMessage> = {}) => chatMessage(++n, over, 800000000000000000n);

it('a batch frame becomes one listener call per event, in order, new messages whole', () => {
  const { bus, frames, texts } = mainSide();
  const created = listen('message.created');
  const updated = listen('message.updated');
  const status = listen('bot.status');
  const a = message();
  const b = message({ editedAt: 5, attachments: [] });
  bus.emit('message.created', a);
  bus.emit('bot.status', { state: 'connected', sentence: 'Connected', since: 1 } as never);
  bus.emit('message.created', b);
  bus.emit('message.updated', { ...a, content: 'edited', editedAt: 9 });
  frames.flush();
  // One send, a batch, new messages without their defaults: the preload must unpack and restore them.
  expect(texts).toHaveLength(1);
  const batch = JSON.parse(texts[0]!) as { type: string; frames: Array<{ event: string; payload: object }> };
  expect(batch.type).toBe('batch');
  expect(batch.frames.filter((f) => f.event === 'message.created').map((f) => 'caughtUp' in f.payload)).toEqual([false, false]);
  expect(created).toEqual([a, b]);
  expect(updated).toEqual([{ ...a, content: 'edited', editedAt: 9 }]);
  expect(status).toEqual([{ state: 'connected', sentence: 'Connected', since: 1 }]);
});

it("a flood's notice reaches the page with its newest as whole messages", async () => {
  const { bus } = mainSide();
  const skipped = listen('message.skipped') as MessagesSkipped[];
  const created = listen('message.created');
  const burst = Array.from({ length: PACE_BURST + 10 }, () => message());
  // One turn: a burst, counted, its notice once it pauses.
  burst.forEach((m) => bus.emit('message.created', m));
  await until(() => skipped.length > 0, 'the notice', 10_000, 2);
  expect(created).toEqual([]);
  expect(skipped).toHaveLength(1);
  expect(skipped[0]).toMatchObject({ count: burst.length, firstId: burst[0]!.id, lastId: burst.at(-1)!.id });
  expect(skipped[0]!.newest).toEqual(burst.slice(-skipped[0]!.newest.length));
});

it('a listener that throws costs neither the other listeners nor the rest of the batch their events', () => {
  const { bus, frames } = mainSide();
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  offs.push(() => error.mockRestore());
  offs.push(api.on('message.created', () => {
    throw new Error('listener bug');
  }));
  const created = listen('message.created');
  const [a, b] = [message(), message()];
  bus.emit('message.created', a);
  bus.emit('message.created', b);
  frames.flush();
  expect(created).toEqual([a, b]);
  expect(error).toHaveBeenCalledTimes(2);
});

const text = fc.oneof(
  fc.string(),
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  // Shaped like a frame, with anything in its fields (a null message, frames that are not frames).
  fc
    .record(
      {
        type: fc.oneof(fc.constantFrom('event', 'batch', 'reply', 'hello'), fc.jsonValue()),
        event: fc.oneof(fc.constantFrom('message.created', 'message.skipped', 'message.updated', 'bot.status', '__proto__', 'constructor'), fc.jsonValue()),
        payload: fc.oneof(fc.constant(null), fc.jsonValue(), fc.record({ newest: fc.jsonValue() })),
        frames: fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.array(fc.record({ type: fc.constant('event'), event: fc.constantFrom('message.created', 'message.skipped'), payload: fc.jsonValue() }))),
      },
      { requiredKeys: [] },
    )
    .map((f) => JSON.stringify(f)),
);

it('malformed text (or not text at all) never throws out of the IPC listener, and the next good frame still goes', () => {
  const { frames, bus } = mainSide();
  for (const event of ['message.created', 'message.skipped', 'message.updated', 'bot.status'] as const) listen(event);
  // Fixed cases first, so none depends on the random seed: null frames and payloads, the old (name, payload) form.
  const fixed: unknown[][] = [
    [],
    ['null'],
    ['{"type":"batch","frames":[null,1,"x",{"type":"event","event":"message.created","payload":null}]}'],
    ['{"type":"event","event":"message.skipped","payload":{"newest":[null]}}'],
    ['{"type":"event","event":"message.created","payload":"x"}'],
    ['message.created', { id: '1' }],
  ];
  for (const args of fixed) expect(() => ipcRenderer.emit('event', {}, ...args)).not.toThrow();
  fc.assert(
    fc.property(fc.oneof(text, fc.anything()), (arg) => {
      expect(() => ipcRenderer.emit('event', {}, arg)).not.toThrow();
    }),
    { numRuns: 2000 },
  );
  const created = listen('message.created');
  const m = message();
  bus.emit('message.created', m);
  frames.flush();
  expect(created).toEqual([m]);
});
