// redactStored() runs at every start, also in the successor that opens its stores in standby while the
// running version still ingests (standby-run.ts), and it reads every row of an uncapped history. With
// nothing to redact (the usual case) the scan must take no write lock: held for the whole scan, the
// running version's write thread waits, and past SQLite's 5 s busy timeout its batches fail.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { MessageStore } from '../../electron/core/messages/store.js';
import { chatMessage as msg } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-redact-lock-');

it('a redactStored() scan that finds nothing to change lets another connection (the running version) write meanwhile', () => {
  const file = join(dir(), 'messages.sqlite');
  const seed = new MessageStore(file);
  seed.addMany(Array.from({ length: 200 }, (_, i) => msg(i + 1)));
  seed.close();
  // The running version's connection, probing for the write lock without waiting (busy timeout 0).
  const running = new Database(file, { timeout: 0 });
  running.pragma('journal_mode = WAL');
  const insert = running.prepare('INSERT INTO member_names (guild_id, user_id, display_name) VALUES (?, ?, ?)');
  let probes = 0;
  const refused: string[] = [];
  // The redact callback runs once per row read by the scan: mid-scan, the other connection writes.
  const successor = new MessageStore(file, (json) => {
    if (probes < 5) {
      try {
        insert.run('1', String(probes++), 'x');
      } catch (err) {
        refused.push((err as { code?: string }).code ?? String(err));
      }
    }
    return json;
  });
  try {
    expect(successor.redactStored()).toBe(0);
    expect(refused).toEqual([]);
  } finally {
    successor.close();
    running.close();
  }
});

it('a row rewritten by another connection during the scan is redacted as it is now, not as the scan read it', () => {
  const file = join(dir(), 'messages.sqlite');
  const seed = new MessageStore(file);
  seed.addMany([{ ...msg(1), content: 'token SECRET' }, msg(2)]);
  seed.close();
  const running = new Database(file, { timeout: 0 });
  running.pragma('journal_mode = WAL');
  const edit = running.prepare('UPDATE messages SET json = ? WHERE id = ?');
  let edited = false;
  const successor = new MessageStore(file, (json) => {
    // Mid-scan, the running version stores an edit of the message holding the secret.
    if (!edited) {
      edited = true;
      edit.run(JSON.stringify({ ...msg(1), content: 'token SECRET, edited' }), msg(1).id);
    }
    return json.replaceAll('SECRET', '[redacted]');
  });
  try {
    expect(successor.redactStored()).toBe(1);
    expect(successor.get(msg(1).id)?.content).toBe('token [redacted], edited');
  } finally {
    successor.close();
    running.close();
  }
});
