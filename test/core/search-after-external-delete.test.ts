// The search index follows the messages table's rowids up to a watermark (fts_progress.last_rowid). The app
// never deletes rows, but another program may (DB Browser, a cleanup by hand): once the newest rows are gone
// SQLite gives their rowids again, at or below the watermark, so the messages stored next were taken for
// indexed and never found by a word, nor, once the emoji redo was done, by an emoji.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { redoStep } from '../../electron/core/messages/emoji-redo.js';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { writeLayout3Store } from '../helpers/layout3-store.js';
import { CHANNEL, chatMessage } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

describe('messages stored after another program deleted the newest rows', () => {
  const dir = tempDirPerTest('dm-external-delete-');

  for (const [name, deletion] of [
    ['the newest rows', 'DELETE FROM messages WHERE rowid > 2'],
    ['every row', 'DELETE FROM messages'],
  ] as const) {
    it(`are found by a word and an emoji (${name} deleted)`, () => {
      const file = join(dir(), 'messages.sqlite');
      const store = new MessageStore(file);
      store.addMany(Array.from({ length: 10 }, (_, i) => chatMessage(i, { content: 'old' })));
      const search = new MessageSearch(store, new FtsIndexer(store.database));
      expect(search.search(CHANNEL, { query: 'old' }).messages).toHaveLength(10);
      const other = new Database(file);
      other.exec(deletion);
      other.close();
      store.addMany([chatMessage(20, { content: 'hello 🎉' })]);
      expect(search.search(CHANNEL, { query: 'hello' }).messages.map((m) => m.content)).toEqual(['hello 🎉']);
      expect(search.search(CHANNEL, { query: '🎉' }).messages.map((m) => m.content)).toEqual(['hello 🎉']);
      store.close();
    });
  }

  it('in a store indexed by 3.1.0 (layout 3), once this version opened it', () => {
    const file = join(dir(), 'messages.sqlite');
    writeLayout3Store(file, Array.from({ length: 10 }, (_, i) => chatMessage(i, { content: 'old 🎉' })));
    const store = new MessageStore(file);
    while (redoStep(store.database)() > 0);
    const other = new Database(file);
    other.exec('DELETE FROM messages WHERE rowid > 5');
    other.close();
    store.addMany([chatMessage(20, { content: 'new 🎉' })]);
    const search = new MessageSearch(store, new FtsIndexer(store.database));
    expect(search.search(CHANNEL, { query: 'new' }).messages.map((m) => m.content)).toEqual(['new 🎉']);
    expect(search.search(CHANNEL, { query: '🎉' }).messages.map((m) => m.content)).toEqual(['new 🎉', 'old 🎉', 'old 🎉', 'old 🎉', 'old 🎉', 'old 🎉']);
    store.close();
  });
});
