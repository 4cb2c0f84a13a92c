// "The resume point never passes a message that is not on disk." A batch the write thread cannot commit
// (here a real SqliteError raised inside its transaction; in the world: another process holding the
// write lock past the 5 s busy timeout, or SQLITE_FULL while the tiny last-seen.json still fits) is kept
// in the guard's memory: last-seen.json must stay before it (a kill -9 would lose it for good, as
// catch-up starts after the resume point) and move past it once the guard wrote it to the database.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BatchWriter } from '../../electron/core/messages/batch-writer.js';
import { LastSeen } from '../../electron/core/messages/last-seen.js';
import { StorageGuard } from '../../electron/core/messages/storage-guard.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { newestCommitted as committedIn } from '../helpers/committed.js';
import { CHANNEL, chatMessage as msg } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-resume-held-');
let store: MessageStore;
beforeEach(() => {
  store = new MessageStore(join(dir(), 'messages.sqlite'));
});
afterEach(() => store.close());

/** The newest id another connection finds committed (what a restarted app starts from), or null. */
const newestCommitted = () => committedIn(join(dir(), 'messages.sqlite'));
const resumePoint = (): bigint | null => {
  try {
    const ids = JSON.parse(readFileSync(join(dir(), 'last-seen.json'), 'utf8')) as Record<string, string>;
    return ids[CHANNEL] ? BigInt(ids[CHANNEL]) : null;
  } catch {
    return null;
  }
};

/** The store, guard, batch writer and resume point wired as the sink wires them (message-sink.ts). */
function wire() {
  const lastSeen = new LastSeen(join(dir(), 'last-seen.json'), 10);
  const writer = new BatchWriter(new StorageGuard(store, lastSeen, pino({ level: 'silent' }), dir()));
  // As the sink wires it (message-sink.ts), and told when the debounced write ran.
  let debounced = (): void => undefined;
  lastSeen.whenCommitted = (write) => writer.afterCommit(() => (write(), debounced()));
  /** `wait`: until the debounced write ran (not when a failed write left its retry timer in its place). */
  const burst = async (from: number, to: number, wait = true) => {
    const wrote = new Promise<void>((resolve) => (debounced = resolve));
    for (let i = from; i <= to; i++) writer.add(msg(i));
    writer.handOff();
    lastSeen.advance(CHANNEL, msg(to).id);
    if (wait) await wrote;
  };
  return { lastSeen, writer, burst };
}
const eventually = async (check: () => boolean) => {
  const deadline = Date.now() + 10_000;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
};

it('a batch kept in memory after a failed commit does not let the resume point pass it', async () => {
  const { lastSeen, writer, burst } = wire();
  await burst(1, 10);
  expect(newestCommitted()).toBe(BigInt(msg(10).id));
  expect(resumePoint()).toBe(BigInt(msg(10).id));

  store.database.exec("CREATE TRIGGER refuse BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
  await burst(11, 50);
  expect(writer.get(msg(50).id)?.content).toBe('m50'); // kept in memory by the guard
  // kill -9 here: the 40 messages held in memory are gone; the resume point must not be past them.
  expect(resumePoint()).toBe(BigInt(msg(10).id));
  // Nor after the shutdown path's flush.
  lastSeen.flush();
  expect(resumePoint()).toBe(BigInt(msg(10).id));

  // The disk is back: the guard's retry writes the 40 messages, then the resume point moves past them.
  store.database.exec('DROP TRIGGER refuse');
  await eventually(() => resumePoint() === BigInt(msg(50).id));
  expect(newestCommitted()).toBe(BigInt(msg(50).id));
  expect(resumePoint()).toBe(BigInt(msg(50).id));
});

it('when last-seen.json and the database both refused writes, the resume point is written once both work again', async () => {
  const { lastSeen, burst } = wire();
  await burst(1, 10);
  // The resume point cannot be written (a directory in its place): the guard counts it as a fault.
  rmSync(join(dir(), 'last-seen.json'));
  mkdirSync(join(dir(), 'last-seen.json'));
  await burst(11, 20);
  // Then the database refuses too: what comes is held in memory, and the shutdown path's flush skips the file.
  store.database.exec("CREATE TRIGGER refuse BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
  await burst(21, 50, false);
  lastSeen.flush();
  // Both work again: the held messages are written, then the resume point.
  store.database.exec('DROP TRIGGER refuse');
  rmSync(join(dir(), 'last-seen.json'), { recursive: true });
  await eventually(() => resumePoint() === BigInt(msg(50).id));
  expect(newestCommitted()).toBe(BigInt(msg(50).id));
  expect(resumePoint()).toBe(BigInt(msg(50).id));
});
