// A search or statistics asked while rows wait for the search index (a backfill writes without pause,
// and the index is filled in pauses) first indexes them. That catch-up ran on the event loop in one
// turn: ~9 µs a row, 0.9 s after a 100,000-message backfill and seconds during a long one, with the
// gateway and every panel waiting. It runs on the store's write thread now, a chunk at a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { expect, it } from 'vitest';
import { EventBus } from '../../electron/core/event-bus.js';
import { createHistory } from '../../electron/core/history/history-service.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { chatMessage, storeUnindexed } from '../helpers/store-fixtures.js';
import { EXPORT_PATH } from '../../shared/archive.js';
import { ACCESS, startTestPanel } from '../headless/panel-fixture.js';

const CHANNEL = '1000000000000000001';
const ROWS = 20_000;

/** The history commands over a store of ROWS unindexed rows, with a monitor that holds nothing back. */
function historyOver(store: MessageStore, dataDir: string) {
  const monitor = { writesDone: async () => undefined, heldMessages: () => [], historySource: () => null };
  return createHistory({
    dataDir,
    store,
    monitor: monitor as never,
    bus: new EventBus(new Redactor()),
    logger: pino({ level: 'silent' }),
    channelId: () => CHANNEL,
    fetchSettings: () => ({ mode: 'recent', limit: null, periodHours: null }) as never,
  });
}

/** Turns the event loop took while `work` ran, and its answer. */
async function turnsDuring<T>(work: Promise<T>): Promise<{ turns: number; value: T }> {
  let turns = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  const value = await work;
  done = true;
  return { turns, value };
}

for (const ask of ['search', 'stats'] as const) {
  it(`a ${ask} over ${ROWS.toLocaleString('en-US')} rows waiting for the index indexes them on the write thread, the event loop taking turns meanwhile; the answer counts every row`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-catch-up-'));
    const store = new MessageStore(join(dir, 'messages.sqlite'));
    const history = historyOver(store, dir);
    try {
      // As a backfill leaves them: stored, not indexed (the indexer's pauses never came).
      store.addMany(Array.from({ length: ROWS }, (_, i) => chatMessage(i + 1, { channelId: CHANNEL, content: `backfilled ${i}` })));
      const { turns, value } = await turnsDuring<unknown>(ask === 'search' ? history.handlers.search({ query: 'backfilled', limit: 1 }) : history.handlers.stats(undefined));
      // 40 chunks of 500 rows, each a round trip to the thread: the loop turns between them. In one
      // synchronous catch-up it turned only while writesDone() resolved (a turn or two).
      expect(turns).toBeGreaterThanOrEqual(20);
      if (ask === 'search') expect((value as { messages: unknown[] }).messages).toHaveLength(1);
      else expect((value as { total: number }).total).toBe(ROWS);
      const watermark = store.database.prepare('SELECT last_rowid AS n FROM fts_progress').get() as { n: number };
      expect(watermark.n).toBe(ROWS);
    } finally {
      history.dispose();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

it(`a filtered export (GET ${EXPORT_PATH}?query=…) over ${ROWS.toLocaleString('en-US')} rows waiting for the index: indexed off the event loop before its check, and the file holds every match`, async () => {
  const t = await startTestPanel({}, {});
  try {
    await t.core.settings.save({ guildId: t.world.guildId, channelId: t.world.channelId, token: 'test.bot-token.0123456789-abcdefghij' });
    // Written by another connection as a backfill's rows are: stored, not indexed.
    storeUnindexed(t.world.dataDir, t.world.channelId, ROWS);
    const base = `http://127.0.0.1:${t.panel.port}`;
    // Until the answer's head: the check (a count of the search's matches) runs before it.
    const { turns, value: res } = await turnsDuring(fetch(`${base}${EXPORT_PATH}?format=json&query=backfilled`, { headers: { authorization: `Bearer ${ACCESS}` } }));
    expect(res.status).toBe(200);
    expect((JSON.parse(await res.text()) as { messages: unknown[] }).messages).toHaveLength(ROWS);
    expect(turns).toBeGreaterThanOrEqual(20);
  } finally {
    await t.close();
  }
});
