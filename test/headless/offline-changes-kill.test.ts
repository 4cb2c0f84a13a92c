// Invariant 2 — edits and deletions made on Discord while the app was away reach the store, whatever
// instant the app was killed at (real SIGKILLs of the real headless entry; outside review):
// - killed right after two messages were stored, before the resume point (written 250 ms later) moved
//   past them: after the restart the catch-up fetched them again as duplicates (ignored) and the
//   reconcile read only messages up to the resume point: the edit and the deletion were never applied;
// - killed between the catch-up and the reconcile that followed it: the resume point had moved past the
//   gap, so the next start reconciled the messages just caught up, never the ones before the gap.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useHeadlessChildren } from './headless-child.js';

const h = useHeadlessChildren('dm-offline-kill-');

const start = () => h.start();

const stored = (id: string): { content: string; deleted: boolean } | null => {
  const db = new Database(join(h.dataDir(), 'messages.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT json FROM messages WHERE id = ?').get(id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as { content: string; deleted: boolean }) : null;
  } finally {
    db.close();
  }
};

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
const safely = (f: () => boolean) => () => {
  try {
    return f();
  } catch {
    return false;
  }
};

describe('offline edits and deletions across a SIGKILL', { timeout: 120_000 }, () => {
  it('killed as soon as the newest messages were stored: after the restart their offline edit and deletion are applied', async () => {
    const first = start();
    await first.said(/Monitoring #general/);
    for (let i = 1; i <= 3; i++) h.world().fake.postMessage(h.world().channelId, { authorId: h.world().userId, content: `m${i}` });
    await new Promise((r) => setTimeout(r, 800));
    const m6 = h.world().fake.postMessage(h.world().channelId, { authorId: h.world().userId, content: 'm6' });
    const m7 = h.world().fake.postMessage(h.world().channelId, { authorId: h.world().userId, content: 'm7' });
    await until('m6 and m7 stored', safely(() => stored(m6.id) !== null && stored(m7.id) !== null));
    first.child.kill('SIGKILL');
    await first.exited;

    h.world().fake.editOffline(h.world().channelId, m6.id, 'm6 (edited while the app was down)');
    h.world().fake.deleteOffline(h.world().channelId, m7.id);
    const second = start();
    await second.said(/Monitoring #general/);
    await until('the offline edit and deletion applied', safely(() => stored(m6.id)?.content === 'm6 (edited while the app was down)' && stored(m7.id)?.deleted === true), 15_000);
    expect(stored(m6.id)?.content).toBe('m6 (edited while the app was down)');
    expect(stored(m7.id)?.deleted).toBe(true);
    second.child.kill('SIGTERM');
    await second.exited;
  });

  it('killed right after the catch-up of a gap: the next start still applies the edit and deletion made before it', async () => {
    const first = start();
    await first.said(/Monitoring #general/);
    const posted = Array.from({ length: 20 }, (_, i) => h.world().fake.postMessage(h.world().channelId, { authorId: h.world().userId, content: `m${i + 1}` }));
    await until('20 stored', safely(() => stored(posted.at(-1)!.id) !== null));
    first.child.kill('SIGTERM');
    await first.exited;

    // While the app is away: the last one edited, the one before deleted, 300 posted; Discord answers a
    // message page a second, so the kill lands before another request could go out.
    h.world().fake.editOffline(h.world().channelId, posted[19]!.id, 'm20 (edited while the app was down)');
    h.world().fake.deleteOffline(h.world().channelId, posted[18]!.id);
    for (let i = 0; i < 300; i++) h.world().fake.postMessage(h.world().channelId, { authorId: h.world().userId, content: `while away ${i}` });
    h.world().fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 1000 } });
    const second = start();
    await second.said(/Caught up 300 messages/);
    second.child.kill('SIGKILL');
    await second.exited;

    h.world().fake.setRateLimits({ perRoute: { limit: 1000, resetAfterMs: 1000 } });
    const third = start();
    await third.said(/Monitoring #general/);
    await until('the offline edit and deletion applied', safely(() => stored(posted[19]!.id)?.content === 'm20 (edited while the app was down)' && stored(posted[18]!.id)?.deleted === true), 15_000);
    expect(stored(posted[19]!.id)?.content).toBe('m20 (edited while the app was down)');
    expect(stored(posted[18]!.id)?.deleted).toBe(true);
    third.child.kill('SIGTERM');
    await third.exited;
  });
});
