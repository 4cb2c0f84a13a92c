// Where a backfill reads from: the monitor's connected client (so names resolve and messages
// convert exactly as live ones do) and where it writes: the sink's batched storage. Nothing is
// announced to the panel as new: history is older than what the reader sees.
import type { Guild, GuildBasedChannel, Message, TextBasedChannel } from 'discord.js';
import type { CoreSentence } from '../../../shared/core-text.js';
import type { ChatMessage } from '../../../shared/types.js';
import type { MessageSink } from '../bot/message-sink.js';
import { toChatMessage } from '../bot/to-chat-message.js';
import { snowflakeCompare } from '../messages/store.js';
import { historyAccessProblem, type HistoryAccessError } from './read-failure.js';
import { timeOfSnowflake as timeOf } from '../messages/last-seen.js';

export interface HistorySource {
  /** When the channel was created (epoch ms): nothing older exists. */
  channelCreatedAt: number;
  /**
   * Up to `limit` messages older than `before` (or the newest ones), newest first. `withOwn`: the bot's own
   * messages in `messages` too (about to be deleted: their copy matters more than the panel leaving them out).
   */
  fetchBefore(before: string | null, limit: number, opts?: { withOwn?: boolean }): Promise<HistoryPage>;
  /** What the bot lacks to read the history here (Discord would answer empty pages), or null. */
  accessProblem(): HistoryAccessError | null;
  /** Stores what is not stored yet; answers how many were new. */
  store(messages: readonly ChatMessage[]): number;
  /** After store(): why messages are held in memory instead of on disk (a disk fault), or null. */
  unsaved(): CoreSentence | null;
}

/** A page as Discord answered it: the messages to store (the bot's own are left out unless asked), and what was read. */
export interface HistoryPage {
  messages: ChatMessage[];
  /** How many Discord answered: fewer than asked for means the channel's first message was reached. */
  read: number;
  /** The oldest message Discord answered (where the next page starts), whoever wrote it. */
  oldest: { id: string; createdAt: number } | null;
  /** Every message Discord answered, the bot's own too, newest first. */
  ids: string[];
}


/** Originals awaited by replies read without them, for the pages after (older): the newest this many. */
const MAX_AWAITING = 5000;
/** Replies remembered per original (a popular message): the first this many get the quote. */
const MAX_REPLIES = 100;
// Per sink, as a backfill asks for a source at every page: original id → the replies stored with no excerpt
// that quote it. In memory only (a restarted backfill quotes only what it reads from then on).
const awaitingOf = new WeakMap<MessageSink, Map<string, Set<string>>>();

export function discordHistorySource(channel: TextBasedChannel & { guild: Guild }, sink: MessageSink): HistorySource {
  let awaiting = awaitingOf.get(sink);
  if (!awaiting) awaitingOf.set(sink, (awaiting = new Map()));
  const remember = (original: string, reply: string) => {
    let replies = awaiting.get(original);
    if (!replies) {
      if (awaiting.size >= MAX_AWAITING) awaiting.delete(awaiting.keys().next().value!);
      awaiting.set(original, (replies = new Set()));
    }
    if (replies.size < MAX_REPLIES) replies.add(reply);
  };
  return {
    channelCreatedAt: timeOf(channel.id),
    accessProblem: () => historyAccessProblem(channel as GuildBasedChannel),
    async fetchBefore(before, limit, opts) {
      const page = [...(await channel.messages.fetch({ limit, cache: false, ...(before ? { before } : {}) })).values()] as Message[];
      await sink.names.resolve(channel.guild, new Set(page.map((m) => m.author.id)));
      const mine = channel.client.user?.id;
      // Oldest first, so a reply finds its original when the page holds it (else the store may): pages
      // come newest first, and a reply converted before its original had no excerpt.
      const read = new Map<string, ChatMessage>();
      const lookup = (id: string) => read.get(id) ?? sink.storage.get(id);
      const oldestFirst = page.sort((a, b) => snowflakeCompare(a.id, b.id));
      for (const m of oldestFirst) {
        if (m.author.id === mine && !opts?.withOwn) continue;
        const chat = toChatMessage(m, false, sink.names.displayName(m), lookup);
        if (chat) read.set(chat.id, chat);
        const quote = chat?.view?.reply;
        if (quote && quote.excerpt === null) remember(quote.id, chat.id);
      }
      const first = oldestFirst[0];
      return { messages: [...read.values()].reverse(), read: page.length, oldest: first ? { id: first.id, createdAt: first.createdTimestamp } : null, ids: oldestFirst.map((m) => m.id).reverse() };
    },
    store(messages) {
      let added = 0;
      for (const m of messages) if (sink.storage.add(m)) added++;
      // A reply read on an earlier (newer) page gets its original's quote now.
      for (const m of messages) {
        for (const id of awaiting.get(m.id) ?? []) sink.quoteFound(id, m);
        awaiting.delete(m.id);
      }
      sink.storage.flush();
      return added;
    },
    unsaved: () => sink.storage.unsaved(),
  };
}
