// The panel's history commands (pages, search, statistics, backfill), composed over the store and
// the monitor. Every read first writes what the live batch still holds, so nothing just received
// is missing from a page or a search.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { coreText } from '../../../shared/core-text.js';
import type { ChannelMonitor } from '../bot/monitor.js';
import { CommandError } from '../errors.js';
import type { EventBus } from '../event-bus.js';
import { FtsIndexer } from '../messages/fts-indexer.js';
import { HistoryQuery, type PageRequest } from '../messages/history-query.js';
import { MessageSearch, type SearchRequest } from '../messages/search.js';
import { channelStatsSliced } from '../messages/stats-sliced.js';
import type { StatsRequest } from '../messages/stats.js';
import type { MessageStore } from '../messages/store.js';
import { applyFetchSettings, backfillOptionsOf, sameOptions, type FetchSettings } from './auto-backfill.js';
import { Backfill } from './backfill.js';

export interface HistoryDeps {
  dataDir: string;
  store: MessageStore;
  monitor: ChannelMonitor;
  bus: EventBus;
  logger: Logger;
  channelId: () => string;
  /** FETCH_MODE / FETCH_LIMIT / FETCH_PERIOD as they are now (settings, or the environment). */
  fetchSettings: () => FetchSettings;
  /** Backfill retry delays after a failure (tests shorten them). */
  backfillRetryMs?: readonly number[];
}

/** Progress events for a count the panel named, one per whole percent (a million rows are 125 slices). */
function statsProgress(bus: EventBus, id: string | undefined): ((done: number) => void) | undefined {
  if (id === undefined) return undefined;
  let said = -1;
  return (done) => {
    const percent = Math.floor(done * 100);
    if (percent > said) bus.emit('messages.statsProgress', { id, done: (said = percent) / 100 });
  };
}

export function createHistory(d: HistoryDeps) {
  const pages = new HistoryQuery(d.store);
  // Search indexing waits for pauses in the traffic, so a burst is written at full speed; it runs on the store's write thread.
  const indexer = new FtsIndexer(d.store.database, d.store.background, d.logger);
  indexer.start();
  const search = new MessageSearch(d.store, indexer);
  /** Statistics counts running, by the name the panel gave them. */
  const counts = new Map<string, Set<AbortController>>();
  const oldest = d.store.database.prepare<[string], { id: string; created_at: number }>('SELECT id, created_at FROM messages WHERE channel_id = ? ORDER BY sort_key LIMIT 1');
  const backfill = new Backfill({
    file: join(d.dataDir, 'backfill.json'),
    bus: d.bus,
    logger: d.logger,
    source: () => d.monitor.historySource(),
    channelId: d.channelId,
    ...(d.backfillRetryMs ? { retryMs: d.backfillRetryMs } : {}),
    oldestStored: () => {
      const row = oldest.get(d.channelId());
      return row ? { id: row.id, createdAt: row.created_at } : null;
    },
  });
  // A job waiting for the bot (after a restart or an outage) continues once connected; then the settings' job, if any.
  let wanted = backfillOptionsOf(d.fetchSettings());
  const offStatus = d.bus.on('bot.status', (s) => {
    if (s.state !== 'connected') return;
    backfill.connected();
    applyFetchSettings(backfill, wanted, d.channelId());
  });
  // Changed fetch settings apply at once: a new job when connected (else at the next connection), a stop at any time.
  const offSettings = d.bus.on('settings.changed', () => {
    const previous = wanted;
    wanted = backfillOptionsOf(d.fetchSettings());
    if (sameOptions(previous, wanted)) return;
    if (wanted.mode === 'recent' || d.monitor.historySource()) applyFetchSettings(backfill, wanted, d.channelId(), previous);
  });
  const off = () => {
    offStatus();
    offSettings();
  };
  const fresh = async () => {
    await d.monitor.writesDone();
    return d.channelId();
  };
  /** fresh(), and every stored row in the search index (search terms, author names), indexed off the event loop. */
  const indexed = async () => {
    const channelId = await fresh();
    await indexer.caughtUp();
    return channelId;
  };
  return {
    backfill,
    /** Every stored row in the search index, indexed off the event loop (an export's search waits for it too). */
    searchReady: () => indexer.caughtUp(),
    handlers: {
      list: async (input: PageRequest | undefined) => {
        const channelId = await fresh();
        return pages.page(channelId, { limit: 200, ...input }, d.monitor.heldMessages(channelId));
      },
      search: async (input: SearchRequest) => search.search(await indexed(), input),
      stats: async (input: StatsRequest | undefined) => {
        // In slices: a year of messages in one pass held the event loop for seconds. A named count can be
        // stopped (statsCancel), from the start (the index's catch-up may take a second): a panel flicking
        // through periods would otherwise run every count to its end.
        const id = input?.progressId;
        const stop = new AbortController();
        if (id !== undefined) counts.set(id, (counts.get(id) ?? new Set()).add(stop));
        try {
          const channelId = await indexed(); // author names
          indexer.catchUp(); // what came in since (a few rows)
          return await channelStatsSliced(d.store, channelId, input, { onProgress: statsProgress(d.bus, id), signal: stop.signal });
        } catch (err) {
          if (stop.signal.aborted) throw new CommandError('unavailable', coreText('command.statsStopped'));
          throw err;
        } finally {
          const named = id === undefined ? undefined : counts.get(id);
          named?.delete(stop);
          if (named?.size === 0) counts.delete(id!);
        }
      },
      statsCancel: async ({ progressId }: { progressId: string }) => {
        const named = counts.get(progressId);
        for (const stop of named ?? []) stop.abort();
        return named !== undefined;
      },
    },
    dispose: () => {
      off();
      indexer.stop();
      backfill.dispose();
    },
  };
}
