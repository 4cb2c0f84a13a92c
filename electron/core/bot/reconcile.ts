// Edits and deletions made while the app was off send no event we could have heard: re-read the
// last stored messages from Discord and apply what changed. Bounded to a window of recent
// messages (RECONCILE_WINDOW) so a reconnect costs one or two requests, not a history scan.
import type { Message, TextBasedChannel } from 'discord.js';
import type { Logger } from 'pino';
import { coreText } from '../../../shared/core-text.js';
import type { ChatMessage } from '../../../shared/types.js';
import { say } from '../log/say.js';
import type { StorageGuard } from '../messages/storage-guard.js';
import type { MessageSink } from './message-sink.js';

export const RECONCILE_WINDOW = 100;
const PAGE = 100;

export interface ReconcileOptions {
  channel: TextBasedChannel;
  channelId: string;
  store: Pick<StorageGuard, 'list'>;
  sink: MessageSink;
  logger: Logger;
  isCurrent: () => boolean;
  window: number;
  /** The stored messages to check, oldest first (default: the newest `window`). */
  stored?: readonly ChatMessage[];
}

export async function reconcileRecent(o: ReconcileOptions): Promise<{ edited: number; deleted: number; failed?: true }> {
  const stored = (o.stored ?? o.store.list(o.channelId, o.window)).filter((m) => !m.deleted);
  const first = stored[0];
  const last = stored.at(-1);
  if (!first || !last) return { edited: 0, deleted: 0 };
  const onDiscord = new Map<string, Message>();
  try {
    // Paging forward from just before the oldest stored one covers the whole window in order.
    let after = (BigInt(first.id) - 1n).toString();
    for (;;) {
      const page = [...(await o.channel.messages.fetch({ after, limit: PAGE, cache: false })).values()].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      for (const m of page) onDiscord.set(m.id, m);
      const newest = page.at(-1);
      if (page.length < PAGE || !newest || BigInt(newest.id) >= BigInt(last.id)) break;
      after = newest.id;
    }
  } catch (err) {
    say(o.logger, 'warn', coreText('log.reconcileFailed', { detail: err instanceof Error ? err.message : String(err) }));
    return { edited: 0, deleted: 0, failed: true };
  }
  if (!o.isCurrent()) return { edited: 0, deleted: 0 };
  let edited = 0;
  let deleted = 0;
  for (const s of stored) {
    const m = onDiscord.get(s.id);
    if (!m) {
      o.sink.deletedOffline({ id: s.id, channelId: s.channelId });
      deleted++;
    } else if ((m.editedTimestamp ?? null) !== s.editedAt && m.editedTimestamp !== null) {
      o.sink.editedOffline(m);
      edited++;
    } else {
      // Reactions added or removed meanwhile sent events nobody heard; the REST message has the counts.
      o.sink.reactionsRead(m);
    }
  }
  if (edited || deleted) {
    say(o.logger, 'info', coreText('log.reconciled', { edited, deleted, checked: stored.length }));
  }
  return { edited, deleted };
}
