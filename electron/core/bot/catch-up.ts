// Fetches what was posted since the last message seen (a restart, a lost session), oldest first,
// then lets the live messages held meanwhile through.
import type { Client, Message } from 'discord.js';
import type { Logger } from 'pino';
import { snowflakeAt, type LastSeen } from '../messages/last-seen.js';
import { snowflakeCompare, type MessageStore } from '../messages/store.js';
import type { MessageSink } from './message-sink.js';

const CATCH_UP_PAGES = 20;

export interface CatchUpOptions {
  client: Client;
  channelId: string;
  /** Last id seen before this connection; null on a first start. */
  resumeFrom: string | null;
  sink: MessageSink;
  store: MessageStore;
  lastSeen: LastSeen;
  logger: Logger;
  /** False once the connection this catch-up belongs to was replaced or stopped. */
  isCurrent: () => boolean;
}

export async function catchUp(o: CatchUpOptions): Promise<void> {
  o.sink.keepHolding();
  const channel = o.client.channels.cache.get(o.channelId);
  const fetched: Message[] = [];
  const fetchedAt = Date.now();
  try {
    if (!channel?.isTextBased() || !('messages' in channel)) throw new Error(`channel ${o.channelId} is not readable`);
    let after: string | null = o.resumeFrom;
    if (!after) {
      fetched.push(...(await channel.messages.fetch({ limit: 50 })).values());
    } else {
      for (let pageNo = 0; pageNo < CATCH_UP_PAGES; pageNo++) {
        const batch: Message[] = [...(await channel.messages.fetch({ after, limit: 100 })).values()];
        fetched.push(...batch);
        if (batch.length < 100) break;
        after = batch.map((m: Message) => m.id).sort(snowflakeCompare).at(-1)!;
      }
    }
  } catch (err) {
    o.logger.warn(`Could not fetch the messages posted while disconnected: ${String(err)}`);
  }
  if (!o.isCurrent()) return o.sink.release(false);
  const missed = fetched.filter((m) => !o.store.has(m.id)).sort((a, b) => snowflakeCompare(a.id, b.id));
  if (missed.length) {
    o.logger.info(
      o.resumeFrom ? `Caught up ${missed.length} message(s) posted while disconnected.` : `Loaded the last ${missed.length} message(s) of the channel.`,
    );
  }
  for (const m of missed) o.sink.received(m, true);
  // A quiet channel leaves nothing to resume from: anchor at the fetch time (minus slack; anything
  // older is already in the fetch) so the next start fetches everything posted after it.
  if (!o.lastSeen.get(o.channelId)) o.lastSeen.advance(o.channelId, snowflakeAt(fetchedAt - 1000));
  o.sink.release();
}
