// Search finds the words of a components-v2 message (IS_COMPONENTS_V2: its content is empty, its
// text is in Text Display components inside sections and containers), live and in rows indexed
// before the index held that text. Real discord.js against the fake Discord, real core and SQLite.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { CONTAINER_MESSAGE } from '../renderer/fixtures/discord-docs/payloads-components.js';
import { nextEvent, coreEachWorld } from '../helpers/world.js';

const t = coreEachWorld({});

async function found(c: Core, query: string): Promise<string[]> {
  const r = await c.dispatch('messages.search', { query });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value.messages.map((m) => m.id);
}

async function postCard(c: Core): Promise<string> {
  const created = nextEvent(c, 'message.created', (m) => m.view?.components?.[0]?.type === 'container');
  const posted = t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: '', extra: { flags: 32768, components: CONTAINER_MESSAGE.components } });
  await created;
  return posted.id;
}

describe('search over components-v2 messages', { timeout: 40_000 }, () => {
  it('finds a word of a text display inside a container and inside a section', async () => {
    const c = await t.connected();
    const id = await postCard(c);
    await expect.poll(() => found(c, 'stab'), { timeout: 5000 }).toEqual([id]);
    expect(await found(c, 'wave hello')).toEqual([id]);
    expect(await found(c, '"sneak n stab"')).toEqual([id]);
  });

  it('re-indexes a components message that an earlier version indexed without its text', async () => {
    let c = await t.connected();
    const id = await postCard(c);
    await expect.poll(() => found(c, 'stab'), { timeout: 5000 }).toEqual([id]);
    await c.shutdown();
    t.core = null;
    // The index as the earlier layout left it: the row indexed with its (empty) content only.
    const db = new Database(join(t.world.dataDir, 'messages.sqlite'));
    db.exec('DROP TABLE IF EXISTS fts_layout');
    db.prepare('DELETE FROM messages_fts WHERE rowid = ?').run(BigInt(id));
    db.prepare("INSERT INTO messages_fts (rowid, content, author, has) VALUES (?, '', ?, '')").run(BigInt(id), t.world.userId);
    db.exec(`DROP TRIGGER messages_fts_au; CREATE TRIGGER messages_fts_au AFTER UPDATE OF json ON messages
      WHEN new.rowid <= (SELECT last_rowid FROM fts_progress WHERE id = 1) AND old.json IS NOT new.json BEGIN
      DELETE FROM messages_fts WHERE rowid = CAST(old.id AS INTEGER);
      INSERT INTO messages_fts (rowid, content, author, has) SELECT CAST(id AS INTEGER), json_extract(json, '$.content'), json_extract(json, '$.author.id'), '' FROM messages WHERE rowid = new.rowid;
    END`);
    const matches = (word: string) => db.prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?').get(word);
    expect(matches('stab')).toEqual({ n: 0 });
    db.close();
    c = await t.connected();
    expect(await found(c, 'stab')).toEqual([id]);
    await c.shutdown();
    t.core = null;
    // An edit of the row after the upgrade indexes its component text too (the edit trigger was redone).
    const again = new Database(join(t.world.dataDir, 'messages.sqlite'));
    again.prepare("UPDATE messages SET json = json_replace(json, '$.view.components[0].components[2].components[0].content', 'Sneak n parry') WHERE id = ?").run(id);
    const n = (word: string) => again.prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?').get(word);
    expect([n('parry'), n('stab')]).toEqual([{ n: 1 }, { n: 0 }]);
    again.close();
  });
});
