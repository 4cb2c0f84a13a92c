// Fresh attachment links for stored messages of the watched channel. Discord signs attachment links for
// about a day (docs/reference.mdx, "Signed Attachment CDN URLs") and documents one way for a bot to get
// valid ones: be sent the message again ("like when you fetch a message"); POST /attachments/refresh-urls
// is not in the docs. Requests go through the client's REST queue, which keeps Discord's rate limits.
import { DiscordAPIError, type GuildBasedChannel, type Message, type TextBasedChannel } from 'discord.js';
import { coreText } from '../../../shared/core-text.js';
import type { ChatMessage } from '../../../shared/types.js';
import { CommandError } from '../errors.js';
import { historyAccessProblem, readFailure } from '../history/read-failure.js';
import { snowflakeCompare } from '../messages/store.js';
import type { MessageSink } from './message-sink.js';

/** JSON error code Unknown Message (docs/topics/opcodes-and-status-codes). */
const UNKNOWN_MESSAGE = 10008;
/** Get Channel Messages' largest page (docs/resources/message): one request refreshes up to this many neighbours. */
const PAGE = 100;

export interface MediaRefresher {
  /** The stored message fetched again (Get Channel Message), its fresh links stored; a CommandError says why not. */
  one(id: string): Promise<ChatMessage>;
  /**
   * Stored messages fetched again by pages (Get Channel Messages `after` the oldest not read yet), so close ones
   * cost one request; answers the stored rows refreshed (the others are no longer on Discord) and, when a
   * request failed midway, what Discord answered (readFailure words it): the pages before it count. Throws a
   * HistoryAccessError before any request.
   */
  many(ids: readonly string[], signal?: AbortSignal): Promise<{ refreshed: Map<string, ChatMessage>; failed: unknown }>;
}

/** `watched`: still the channel the bot watches (a switch while a request waits on Discord). */
export function discordMediaRefresher(channel: GuildBasedChannel & TextBasedChannel, sink: MessageSink, watched: () => boolean): MediaRefresher {
  return {
    async one(id) {
      const stored = sink.storage.get(id);
      if (!stored) throw new CommandError('unavailable', coreText('media.unknownMessage', { id }));
      if (stored.channelId !== channel.id) throw new CommandError('unavailable', coreText('media.otherChannel', { id }));
      let m: Message;
      try {
        m = await channel.messages.fetch({ message: id, cache: false, force: true });
      } catch (err) {
        if (err instanceof DiscordAPIError && err.code === UNKNOWN_MESSAGE) throw new CommandError('unavailable', coreText('media.gone', { id }));
        throw new CommandError('unavailable', coreText('media.failed', { id, detail: readFailure(err).i18n }));
      }
      return sink.linksRead(m, watched()) ?? stored;
    },
    async many(ids, signal) {
      // Without Read Message History Discord answers empty pages, not an error: every message would look deleted.
      const problem = historyAccessProblem(channel);
      if (problem) throw problem;
      const want = new Set(ids);
      const wanted = [...want].sort(snowflakeCompare);
      const refreshed = new Map<string, ChatMessage>();
      const settled = new Set<string>();
      for (const id of wanted) {
        if (settled.has(id)) continue;
        signal?.throwIfAborted();
        // The page starts at the oldest id not settled yet (`after` the one just before it): around= it, half
        // of the page was older messages, already settled, and a run of expired links cost twice the requests.
        let page: Message[];
        try {
          page = [...(await channel.messages.fetch({ after: (BigInt(id) - 1n).toString(), limit: PAGE, cache: false })).values()];
        } catch (failed) {
          signal?.throwIfAborted();
          return { refreshed, failed };
        }
        // The page holds every message from `id` to its newest (to the channel's end when it is not full): a
        // wanted id in that span but not in it was deleted, not asked for again.
        const last = page.length < PAGE ? null : page.map((m) => m.id).sort(snowflakeCompare).at(-1)!;
        for (const w of wanted) if (snowflakeCompare(w, id) >= 0 && (last === null || snowflakeCompare(w, last) <= 0)) settled.add(w);
        for (const m of page) {
          if (!want.has(m.id)) continue;
          const row = sink.linksRead(m, watched());
          if (row) refreshed.set(m.id, row);
        }
      }
      return { refreshed, failed: null };
    },
  };
}
