// Emoji are narrowed by the index (emoji-words.ts): a search for 🎉 read every row whose JSON held it
// (a bot named "🎉 Party", reactions) and, when none did, every row's JSON (0.7 s over a million).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { redoStep } from '../../electron/core/messages/emoji-redo.js';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import { holdsTerms, withSearchFunctions, type TextTerms } from '../../electron/core/messages/search-words.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { indexWords } from '../helpers/layout3-store.js';
import { CHANNEL, chatMessage, until } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const BOT = { id: '2', username: 'party', displayName: '🎉 Party Bot', avatarUrl: null, bot: true };

/** Counts the rows whose text search_has checks, on the store's connection. */
function countChecks(db: Database.Database): { n: number } {
  withSearchFunctions(db);
  const count = { n: 0 };
  let last: { json: string; terms: TextTerms } | null = null;
  db.function('search_has', { deterministic: true }, (text: unknown, json: unknown) => {
    count.n++;
    if (typeof text !== 'string' || typeof json !== 'string') return 0;
    if (last?.json !== json) last = { json, terms: JSON.parse(json) as TextTerms };
    return holdsTerms(text, last.terms) ? 1 : 0;
  });
  return count;
}

describe('an emoji search', () => {
  const dir = tempDirPerTest('dm-emoji-index-');

  it('reads only the rows whose text holds the emoji’s codepoints', () => {
    const store = new MessageStore(':memory:');
    // 300 messages of a bot whose name holds 🎉 (so every row's JSON does), 3 with 🎉 in the text, one 🎊.
    store.addMany(Array.from({ length: 300 }, (_, i) => chatMessage(i, { author: BOT, content: `status ${i}` })));
    store.addMany([chatMessage(400, { content: 'party 🎉' }), chatMessage(401, { content: '🎉🎉' }), chatMessage(402, { content: 'x🎉y' }), chatMessage(403, { content: '🎊' })]);
    const search = new MessageSearch(store, new FtsIndexer(store.database));
    search.search(CHANNEL, { query: 'warm up' });
    const checks = countChecks(store.database);
    expect(search.search(CHANNEL, { query: '🎉' }).messages.map((m) => m.content)).toEqual(['x🎉y', '🎉🎉', 'party 🎉']);
    expect(checks.n).toBe(3);
    checks.n = 0;
    expect(search.search(CHANNEL, { query: '🥳' }).messages).toEqual([]);
    expect(search.search(CHANNEL, { query: '🎉 status' }).messages).toEqual([]);
    expect(checks.n).toBe(0);
    store.close();
  });

  it('a sequence is narrowed by each of its codepoints and matched as typed', () => {
    const store = new MessageStore(':memory:');
    const texts = ['👍', '👍🏽', '👍🏿 ok', '👨‍👩‍👧', '👨 and 👩', '🇫🇷', '🇪🇸🇫🇷', '#️⃣', '❤️', '❤', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'];
    store.addMany(texts.map((content, i) => chatMessage(i, { content })));
    const search = new MessageSearch(store, new FtsIndexer(store.database));
    const find = (query: string) => search.search(CHANNEL, { query }).messages.map((m) => m.content).reverse();
    expect(find('👍')).toEqual(['👍', '👍🏽', '👍🏿 ok']);
    expect(indexWords(store.database, chatMessage(1).id)).toEqual(['em1f3fd', 'em1f44d']);
    expect(indexWords(store.database, chatMessage(3).id)).toEqual(['em1f467', 'em1f468', 'em1f469']);
    expect(find('👍🏽')).toEqual(['👍🏽']);
    expect(find('👨‍👩‍👧')).toEqual(['👨‍👩‍👧']);
    expect(find('👨')).toEqual(['👨‍👩‍👧', '👨 and 👩']);
    expect(find('🇫🇷')).toEqual(['🇫🇷', '🇪🇸🇫🇷']);
    expect(find('#️⃣')).toEqual(['#️⃣']);
    expect(find('❤️')).toEqual(['❤️']);
    expect(find('❤')).toEqual(['❤️', '❤']);
    expect(find('🏴󠁧󠁢󠁳󠁣󠁴󠁿')).toEqual(['🏴󠁧󠁢󠁳󠁣󠁴󠁿']);
    store.close();
  });

  it('finds an edited row at once (queued, read by its text) and indexes its emoji in the next pause', () => {
    const store = new MessageStore(':memory:');
    store.addMany([chatMessage(1, { content: 'plain' }), chatMessage(2, { content: 'other' })]);
    const indexer = new FtsIndexer(store.database);
    const search = new MessageSearch(store, indexer);
    search.search(CHANNEL, { query: 'plain' });
    store.update(chatMessage(1).id, { content: 'now 🎉' });
    expect(store.database.prepare('SELECT count(*) AS n FROM fts_emoji_pending').get()).toEqual({ n: 1 });
    expect(search.search(CHANNEL, { query: '🎉' }).messages.map((m) => m.content)).toEqual(['now 🎉']);
    expect(search.search(CHANNEL, { query: '🎉 now' }).messages.map((m) => m.content)).toEqual(['now 🎉']);
    redoStep(store.database)();
    expect(store.database.prepare('SELECT count(*) AS n FROM fts_emoji_pending').get()).toEqual({ n: 0 });
    expect(indexWords(store.database, chatMessage(1).id)).toEqual(['em1f389']);
    expect(search.search(CHANNEL, { query: '🎉' }).messages.map((m) => m.content)).toEqual(['now 🎉']);
    store.close();
  });

  it('another program without emoji_words() edits and indexes rows; they are found and redone', () => {
    const file = join(dir(), 'messages.sqlite');
    const store = new MessageStore(file);
    store.addMany([chatMessage(1, { content: 'first' }), chatMessage(2, { content: 'second' })]);
    const search = new MessageSearch(store, new FtsIndexer(store.database));
    search.search(CHANNEL, { query: 'first' });
    // DB Browser (or the previous version beside this one): a plain connection.
    const other = new Database(file);
    other.prepare("UPDATE messages SET json = json_set(json, '$.content', 'edited 🎉') WHERE id = ?").run(chatMessage(1).id);
    other.prepare('INSERT INTO messages (id, channel_id, sort_key, json) VALUES (?, ?, ?, ?)').run(chatMessage(3).id, CHANNEL, chatMessage(3).id.padStart(20, '0'), JSON.stringify(chatMessage(3, { content: 'old version 🎉' })));
    other.prepare("INSERT INTO messages_fts (rowid, content, author, has) VALUES (?, 'old version', '1', '')").run(BigInt(chatMessage(3).id));
    other.prepare('UPDATE fts_progress SET last_rowid = (SELECT max(rowid) FROM messages)').run();
    other.close();
    expect(search.search(CHANNEL, { query: '🎉' }).messages.map((m) => m.content)).toEqual(['old version 🎉', 'edited 🎉']);
    while (redoStep(store.database)() > 0);
    expect(indexWords(store.database, chatMessage(3).id)).toEqual(['em1f389']);
    expect(indexWords(store.database, chatMessage(1).id)).toEqual(['em1f389']);
    expect(search.search(CHANNEL, { query: '🎉' }).messages.map((m) => m.content)).toEqual(['old version 🎉', 'edited 🎉']);
    store.close();
  });

  it('the write thread indexes the same words as this connection', async () => {
    const texts = ['🎉 a', '👍🏽👨‍👩‍👧', '🇫🇷 #️⃣ ❤️ © ™', 'none', ''];
    const viaThread = new MessageStore(join(dir(), 'thread.sqlite'));
    const here = new MessageStore(':memory:');
    const messages = texts.map((content, i) => chatMessage(i, { content }));
    here.addMany(messages);
    new FtsIndexer(here.database).catchUp();
    await new Promise<void>((resolve, reject) => viaThread.addManyLater(messages, (err) => (err ? reject(err) : resolve())));
    let indexed = 0;
    viaThread.background!.run('index', (err, n) => (indexed = err ? -1 : n));
    await until(() => indexed !== 0, 'the thread’s index step');
    for (const m of messages) expect(indexWords(viaThread.database, m.id)).toEqual(indexWords(here.database, m.id));
    expect(indexWords(here.database, messages[2]!.id)).toEqual(['em1f1eb', 'em1f1f7', 'em20e3', 'em2122', 'em2764', 'ema9']);
    viaThread.close();
    here.close();
  });
});
