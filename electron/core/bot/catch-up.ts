// Fetches what was posted since the last message seen (a restart, a lost session), oldest first,
// page by page with no cap, then lets the live messages held meanwhile through. Each page is
// delivered before the next is asked for, so the resume point only ever moves over contiguous
// messages: a catch-up stopped or failed midway continues from there next time.
import type { Client, Message } from 'discord.js';
import type { Logger } from 'pino';
import { snowflakeAt, type LastSeen } from '../messages/last-seen.js';
import { snowflakeCompare, type MessageStore } from '../messages/store.js';
import type { MessageSink } from './message-sink.js';
import { reconcileRecent, RECONCILE_WINDOW } from './reconcile.js';

const PAGE = 100;
const FIRST_LOAD = 50;
const DISCORD_EPOCH = 1_420_070_400_000n;

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
  /** Progress for anything beyond a page, as a sentence for the status line. */
  progress?: (sentence: string) => void;
  /** Stored messages re-read to apply offline edits and deletions (default RECONCILE_WINDOW). */
  reconcileWindow?: number;
}

export interface CatchUpResult {
  delivered: number;
  complete: boolean;
}

const timeOf = (id: string): number => Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
const fmt = (n: number): string => n.toLocaleString('en-US');

export async function catchUp(o: CatchUpOptions): Promise<CatchUpResult> {
  o.sink.keepHolding();
  const channel = o.client.channels.cache.get(o.channelId);
  const fetchedAt = Date.now();
  let delivered = 0;
  let complete = false;
  try {
    if (!channel?.isTextBased() || !('messages' in channel) || !('guild' in channel)) throw new Error(`channel ${o.channelId} is not readable`);
    const guild = channel.guild;
    const deliver = async (batch: Message[]): Promise<boolean> => {
      const sorted = batch.sort((a, b) => snowflakeCompare(a.id, b.id));
      await o.sink.names.resolve(guild, sorted.map((m) => m.author.id));
      if (!o.isCurrent()) return false;
      // A first load missed nothing: only messages fetched after a gap are "caught up".
      for (const m of sorted) if (o.sink.received(m, o.resumeFrom !== null)) delivered++;
      return true;
    };
    if (!o.resumeFrom) {
      complete = await deliver([...(await channel.messages.fetch({ limit: FIRST_LOAD, cache: false })).values()]);
    } else {
      let after = o.resumeFrom;
      let fetched = 0;
      for (;;) {
        const batch = [...(await channel.messages.fetch({ after, limit: PAGE, cache: false })).values()];
        if (!(await deliver(batch))) break;
        fetched += batch.length;
        if (batch.length < PAGE) {
          complete = true;
          break;
        }
        after = batch.at(-1)!.id;
        // Messages are spread over time: the share of the gap covered so far gives the estimate.
        const covered = timeOf(after) - timeOf(o.resumeFrom);
        const about = covered > 0 ? Math.max(fetched, Math.round((fetched * (fetchedAt - timeOf(o.resumeFrom))) / covered / 100) * 100) : fetched;
        o.progress?.(`Catching up: ${fmt(fetched)} of about ${fmt(about)} messages…`);
      }
    }
  } catch (err) {
    o.logger.warn(
      `Could not fetch every message posted while disconnected (${fmt(delivered)} recovered): ${errorText(err)}. ` +
        'The rest will be fetched on the next connection; nothing after the last message shown is skipped.',
    );
  }
  if (!o.isCurrent()) {
    o.sink.release(false);
    return { delivered, complete: false };
  }
  if (delivered) {
    o.logger.info(o.resumeFrom ? `Caught up ${fmt(delivered)} message(s) posted while disconnected.` : `Loaded the last ${fmt(delivered)} message(s) of the channel.`);
  }
  // A quiet channel leaves nothing to resume from: anchor at the fetch time (minus slack; anything
  // older is already in the fetch) so the next start fetches everything posted after it.
  if (complete && !o.lastSeen.get(o.channelId)) o.lastSeen.advance(o.channelId, snowflakeAt(fetchedAt - 1000));
  // After a hole, live messages are shown but must not move the resume point past it.
  o.sink.release(true, { advanceResumePoint: complete });
  if (complete && o.resumeFrom && channel?.isTextBased() && 'messages' in channel) {
    await reconcileRecent({ channel, channelId: o.channelId, store: o.sink.storage, sink: o.sink, logger: o.logger, isCurrent: o.isCurrent, window: o.reconcileWindow ?? RECONCILE_WINDOW });
  }
  return { delivered, complete };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
