// A store indexed before emoji words existed (layout 3, as 3.1.0 wrote it) opened by this version: the
// open redoes nothing (a million rows took seconds there), the redo runs in the traffic's pauses on the
// write thread, newest first, and a SIGKILL inside a chunk leaves a store that resumes. Searches give
// the row-by-row results throughout.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { redoStep } from '../../electron/core/messages/emoji-redo.js';
import { FtsIndexer, type BackgroundTask, type BackgroundWork } from '../../electron/core/messages/fts-indexer.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';
import { killChildAt, STOP_HERE } from '../helpers/kill-child.js';
import { indexWords, writeLayout3Store } from '../helpers/layout3-store.js';
import { CHANNEL, chatMessage, until } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';
import { APP_DIR } from '../helpers/world.js';

const PIECES = ['🎉', '👍🏽', '🇫🇷', 'party', '❤️', 'ok'];
const messages: ChatMessage[] = Array.from({ length: 1200 }, (_, i) => chatMessage(i, { content: `${PIECES[i % 6]} ${PIECES[(i * 7) % 6]} n${i}` }));
const holding = (term: string) => messages.filter((m) => m.content.includes(term)).map((m) => m.id).reverse();
const marker = (db: Database.Database) => db.prepare('SELECT CAST(emoji_below AS TEXT) AS b FROM fts_progress').get() as { b: string };

/** Every stored message holding each term, newest first, through the panel's search (pages of 100). */
function found(search: MessageSearch, term: string): string[] {
  const ids: string[] = [];
  for (let before: string | undefined; ; ) {
    const r = search.search(CHANNEL, { query: term, limit: 100, ...(before ? { before } : {}) });
    ids.push(...r.messages.map((m) => m.id));
    if (!r.nextBefore) return ids;
    before = r.nextBefore;
  }
}
const expectComplete = (search: MessageSearch) => {
  for (const term of ['🎉', '👍🏽', '🇫🇷', '❤️']) expect(found(search, term), term).toEqual(holding(term));
};

describe('a layout-3 store opened by this version', { timeout: 60_000 }, () => {
  const dir = tempDirPerTest('dm-emoji-redo-');

  it('opens without redoing a row, then redoes them newest first on the write thread in the pauses', async () => {
    const file = join(dir(), 'messages.sqlite');
    writeLayout3Store(file, messages);
    const store = new MessageStore(file);
    const db = store.database;
    // Nothing redone at open: the marker is above the newest row, which has no emoji word yet.
    expect(marker(db).b).toBe((BigInt(messages.at(-1)!.id) + 1n).toString());
    expect(indexWords(db, messages.at(-1)!.id)).toEqual([]);
    const search = new MessageSearch(store, new FtsIndexer(db));
    expectComplete(search);

    const tasks: BackgroundTask[] = [];
    const marks: bigint[] = [];
    const thread: BackgroundWork = {
      run: (task, done) => {
        tasks.push(task);
        store.background!.run(task, (err, n) => {
          if (task === 'redo') marks.push(BigInt(marker(db).b));
          done(err, n);
        });
      },
    };
    const indexer = new FtsIndexer(db, thread);
    indexer.start(20);
    await until(() => marker(db).b === '0', 'the redo’s end', 30_000);
    indexer.stop();
    // 1,200 rows in chunks of 500, the marker only moving down, then the step that finds none left.
    expect(tasks.filter((t) => t === 'redo').length).toBe(4);
    expect(marks.slice(0, 4)).toEqual([BigInt(messages[700]!.id), BigInt(messages[200]!.id), BigInt(messages[0]!.id), 0n]);
    expect(store.threadStarted).toBe(true);
    for (const m of [messages[0]!, messages[1]!, messages[1198]!]) expect(indexWords(db, m.id).length).toBeGreaterThan(0);
    expectComplete(search);
    store.close();
  });

  it('killed inside a chunk, the next start finds the last chunk committed and goes on', async () => {
    const file = join(dir(), 'messages.sqlite');
    writeLayout3Store(file, messages);
    const module = (path: string) => JSON.stringify(join(APP_DIR, path));
    // Two chunks of 100 committed, then killed inside the third (its 50th row), its transaction open.
    await killChildAt(
      dir(),
      'redo',
      `
${STOP_HERE}
const { MessageStore } = await import(${module('electron/core/messages/store.ts')});
const { redoStep } = await import(${module('electron/core/messages/emoji-redo.ts')});
const { emojiWords } = await import(${module('electron/core/messages/emoji-words.ts')});
const store = new MessageStore(${JSON.stringify(file)});
const step = redoStep(store.database, 100);
step();
step();
let rows = 0;
store.database.function('emoji_words', { deterministic: true }, (t) => { if (++rows === 50) stop(); return emojiWords(t).join(' '); });
step();
`,
    );
    const raw = new Database(file);
    expect(raw.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    raw.close();
    const store = new MessageStore(file);
    const db = store.database;
    expect(marker(db).b).toBe(messages[1000]!.id);
    expect(indexWords(db, messages[1000]!.id).length).toBeGreaterThan(0);
    expect(indexWords(db, messages[998]!.id)).toEqual([]);
    db.exec("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')");
    const search = new MessageSearch(store, new FtsIndexer(db));
    expectComplete(search);
    const step = redoStep(db);
    while (step() > 0) expectComplete(search);
    expect(marker(db).b).toBe('0');
    expect(indexWords(db, messages[0]!.id).length).toBeGreaterThan(0);
    expectComplete(search);
    store.close();
  });
});
