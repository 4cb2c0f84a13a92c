// A damaged message database at start (a disk error, a copy cut short, a file overwritten by hand) stopped
// the app before the panel or the bot came up ("file is not a database", "database disk image is
// malformed"). It is now set aside under a dated name the panel gives, and the app starts on a new one.
import { existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/types.js';
import { call } from '../helpers/core-calls.js';
import { coreEachWorld, nextEvent } from '../helpers/world.js';

const t = coreEachWorld();

/** Starts connected on the damaged file, posts a message, and answers what the user sees. */
async function startOnDamaged() {
  const c = await t.connected(30_000);
  const stored = nextEvent(c, 'message.created', (m) => m.content === 'after the damage', 30_000);
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'after the damage' });
  await stored;
  const list = await call<ChatMessage[]>(c, 'messages.list', { limit: 10 });
  const notices = await call<Array<{ code: string; message: string }>>(c, 'app.notices');
  const aside = readdirSync(t.world.dataDir).filter((f) => f.startsWith('messages.sqlite.damaged-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
  return { list, notices, aside };
}

describe('a damaged message database at start', { timeout: 60_000 }, () => {
  it('not a database at all: set aside with its bytes, the panel told where, monitoring goes on', async () => {
    const file = join(t.world.dataDir, 'messages.sqlite');
    const garbage = Buffer.from('x'.repeat(3000));
    writeFileSync(file, garbage);
    const { list, notices, aside } = await startOnDamaged();
    expect(list.map((m) => m.content)).toEqual(['after the damage']);
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(t.world.dataDir, aside[0]!))).toEqual(garbage);
    const notice = notices.find((n) => n.code === 'messages-set-aside');
    expect(notice?.message).toContain(aside[0]);
  });

  it('a malformed page inside a database that opens: found at start, set aside, the app starts', async () => {
    const file = join(t.world.dataDir, 'messages.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE messages (id TEXT PRIMARY KEY, channel_id TEXT NOT NULL, sort_key TEXT NOT NULL, json TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO messages VALUES (?, ?, ?, ?)');
    for (let i = 0; i < 500; i++) insert.run(String(1000 + i), t.world.channelId, String(1000 + i).padStart(20, '0'), JSON.stringify({ content: `old ${i} ${'words '.repeat(20)}` }));
    db.close();
    // Page 2 onwards overwritten: the header still says SQLite, so the file opens and fails on reading.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 4096);
    closeSync(fd);
    const { list, notices, aside } = await startOnDamaged();
    expect(list.map((m) => m.content)).toEqual(['after the damage']);
    expect(aside).toHaveLength(1);
    expect(notices.some((n) => n.code === 'messages-set-aside')).toBe(true);
    expect(existsSync(file)).toBe(true);
  });
});
