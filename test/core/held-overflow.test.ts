// Review: the storage guard keeps at most 20,000 messages in memory while the disk refuses writes and
// drops the oldest beyond that. Once the disk is back, last-seen.json must not move past a dropped
// message (never written to the database): a restart's catch-up starts after the resume point, so it
// would never fetch it again and the message is lost for good.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LastSeen } from '../../electron/core/messages/last-seen.js';
import { StorageGuard } from '../../electron/core/messages/storage-guard.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { CHANNEL, chatMessage as msg, until } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-review-held-overflow-');
let store: MessageStore;
beforeEach(() => {
  store = new MessageStore(join(dir(), 'messages.sqlite'));
});
afterEach(() => store.close());

const stored = (id: string) => {
  const db = new Database(join(dir(), 'messages.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT 1 FROM messages WHERE id = ?').get(id) !== undefined;
  } finally {
    db.close();
  }
};
const resumePoint = () => BigInt((JSON.parse(readFileSync(join(dir(), 'last-seen.json'), 'utf8')) as Record<string, string>)[CHANNEL]!);

/** 20,010 new messages while the disk refuses writes (more than the guard keeps), then the disk is back. */
async function overflow(whileFailing = (_: StorageGuard) => undefined as void) {
  const lastSeen = new LastSeen(join(dir(), 'last-seen.json'), 10);
  const lines: string[] = [];
  const guard = new StorageGuard(store, lastSeen, pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }), dir());
  guard.addMany([msg(1)]);
  lastSeen.advance(CHANNEL, msg(1).id);
  expect(lastSeen.flush()).toBe(true);
  store.database.exec("CREATE TRIGGER refuse BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
  const batch = [];
  for (let i = 2; i <= N; i++) batch.push(msg(i));
  guard.addMany(batch);
  lastSeen.advance(CHANNEL, msg(N).id);
  whileFailing(guard);
  store.database.exec('DROP TRIGGER refuse');
  await until(() => lines.some((l) => l.includes('Saving messages again')), 'storing to resume', 20_000);
  return { lastSeen, guard, said: lines.map((l) => JSON.parse(l) as { msg: string; i18n?: { key: string; params: Record<string, unknown> } }) };
}
const N = 20_011;

it('messages dropped from memory while the disk refused writes keep the resume point before them', async () => {
  const { lastSeen } = await overflow();
  // Whichever messages were dropped, the resume point must stay before the oldest one not on disk.
  const firstMissing = [...Array(N).keys()].map((i) => i + 1).find((i) => !stored(msg(i).id));
  expect(firstMissing).toBe(2);
  expect(resumePoint()).toBeLessThan(BigInt(msg(2).id));
  // A catch-up on this run's next connection starts there too.
  expect(BigInt(lastSeen.get(CHANNEL)!)).toBeLessThan(BigInt(msg(2).id));
});

it('the resumed sentence says how many were not saved and that they are fetched again; once stored, the resume point moves on', async () => {
  const { lastSeen, guard, said } = await overflow();
  const resumed = said.find((l) => l.msg.startsWith('Saving messages again'));
  expect(resumed?.i18n).toEqual({ key: 'storage.resumedDropped', params: { count: 10 } });
  expect(resumed?.msg).toContain('10 messages received while saving was not possible could not be kept in memory and are not saved: they will be fetched again from Discord');
  // A catch-up fetches them again: stored, they no longer hold the resume point back.
  for (let i = 2; i <= 9; i++) expect(guard.add(msg(i))).toBe(true);
  expect(lastSeen.flush()).toBe(true);
  expect(resumePoint()).toBe(BigInt(msg(10).id) - 1n);
  guard.addMany([msg(10)]);
  expect(lastSeen.flush()).toBe(true);
  expect(resumePoint()).toBe(BigInt(msg(11).id) - 1n);
  await new Promise<void>((resolve) => guard.addManyLater([msg(11)], resolve));
  expect(lastSeen.flush()).toBe(true);
  expect(resumePoint()).toBe(BigInt(msg(N).id));
  expect(lastSeen.get(CHANNEL)).toBe(msg(N).id);
});

it('a dropped message received again while the disk still refused writes is kept, and stored with the rest', async () => {
  // A catch-up delivers m2 again while writes still fail: held again, the oldest held one (m12) goes instead.
  await overflow((guard) => void guard.add(msg(2)));
  expect(stored(msg(2).id)).toBe(true);
  expect(stored(msg(3).id)).toBe(false);
  expect(resumePoint()).toBe(BigInt(msg(3).id) - 1n);
});

it('past the dropped ids it remembers, the oldest not remembered holds the resume point back until the next start', async () => {
  // Limits lowered: 5 messages held, 3 dropped ids remembered (m1-m3); m4 and m5 are only counted.
  const lastSeen = new LastSeen(join(dir(), 'last-seen.json'), 10);
  const lines: string[] = [];
  const guard = new StorageGuard(store, lastSeen, pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }), dir(), { held: 5, dropped: 3 });
  store.database.exec("CREATE TRIGGER refuse BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
  guard.addMany([...Array(10).keys()].map((i) => msg(i + 1)));
  lastSeen.advance(CHANNEL, msg(10).id);
  store.database.exec('DROP TRIGGER refuse');
  await until(() => lines.some((l) => l.includes('Saving messages again')), 'storing to resume');
  expect(lines.map((l) => (JSON.parse(l) as { i18n?: unknown }).i18n)).toContainEqual({ key: 'storage.resumedDropped', params: { count: 5 } });
  expect(resumePoint()).toBe(BigInt(msg(1).id) - 1n);
  // m1-m3 fetched again: the point moves up to m4, which was not remembered, and stays there for this run.
  for (let i = 1; i <= 5; i++) guard.add(msg(i));
  expect(lastSeen.flush()).toBe(true);
  expect(resumePoint()).toBe(BigInt(msg(4).id) - 1n);
  // The next start reads it from the file: its catch-up starts before m4.
  expect(new LastSeen(join(dir(), 'last-seen.json')).get(CHANNEL)).toBe((BigInt(msg(4).id) - 1n).toString());
});
