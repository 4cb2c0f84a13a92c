// "The resume point never passes a message that is not on disk", for a message still queued in the
// BatchWriter: since hand-offs are spaced HANDOFF_MS apart, a message can wait there past the end of its
// turn. A resume-point write from a later turn (LastSeen's own retry timer, the StorageGuard's recovery:
// both call lastSeen.flush(), not the debounced path) must hand it to the store and wait for it first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MessageSink } from '../../electron/core/bot/message-sink.js';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { LastSeen } from '../../electron/core/messages/last-seen.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { newestCommitted as committedIn } from '../helpers/committed.js';
import { CHANNEL, chatMessage as msg } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-resume-queued-');
let store: MessageStore;
beforeEach(() => {
  store = new MessageStore(join(dir(), 'messages.sqlite'));
});
afterEach(() => store.close());

/** The newest id another connection finds committed (what a restarted app starts from). */
const newestCommitted = () => committedIn(join(dir(), 'messages.sqlite'));
const resumePoint = (): bigint => BigInt((JSON.parse(readFileSync(join(dir(), 'last-seen.json'), 'utf8')) as Record<string, string>)[CHANNEL]!);

it('a resume-point write in a later turn does not pass a message still queued for its hand-off', async () => {
  const lastSeen = new LastSeen(join(dir(), 'last-seen.json'), 60_000);
  // Wired as the app wires it: the sink's BatchWriter over the StorageGuard, the resume point beside it.
  const sink = new MessageSink({ store, lastSeen, bus: new EventBus(new Redactor()), logger: pino({ level: 'silent' }) });
  sink.storage.add(msg(1));
  sink.storage.handOff(); // a slice's hand-off (MessageSink.nextSlice)
  // The next message, less than HANDOFF_MS later: the sink moves the resume point, then queues it.
  lastSeen.advance(CHANNEL, msg(2).id);
  expect(sink.storage.add(msg(2))).toBe(true);
  await new Promise((r) => setImmediate(r)); // its turn is over
  lastSeen.flush(); // as LastSeen's retry timer or the guard's recovery write it
  // kill -9 here: the restart's catch-up starts after the resume point, so it must be on disk.
  expect(resumePoint()).toBe(BigInt(msg(2).id));
  expect(newestCommitted()).toBe(BigInt(msg(2).id));
});
