// Where every message event of the watched channel ends up: stored, then told to the panel.
// Live messages are held while a catch-up runs so the panel sees the backlog first, in order.
import type { Message, PartialMessage } from 'discord.js';
import type { Logger } from 'pino';
import type { ChatMessage } from '../../../shared/types.js';
import type { EventBus } from '../event-bus.js';
import type { LastSeen } from '../messages/last-seen.js';
import { BatchWriter } from '../messages/batch-writer.js';
import { StorageGuard } from '../messages/storage-guard.js';
import { snowflakeCompare, type MessageStore } from '../messages/store.js';
import { MemberNames } from './members.js';
import { reactionsOf } from './message-view.js';
import { applyReaction, type ReactionEvent } from './reactions.js';
import { toChatMessage } from './to-chat-message.js';

/**
 * The view after an update: embeds always from the update (a link preview arrives that way); mentions
 * and the rest only from a full message (`full`); reaction counts stay ours (kept by the reaction events).
 */
function mergedView(existing: ChatMessage, chat: ChatMessage | null, full: boolean): Partial<ChatMessage> {
  if (!chat?.view) return {};
  if (!existing.view) return { view: chat.view };
  const base = full ? chat.view : existing.view;
  return { view: { ...base, embeds: chat.view.embeds, reactions: full && chat.view.reactions.length > 0 ? chat.view.reactions : existing.view.reactions } };
}

export interface MessageSinkOptions {
  store: MessageStore;
  lastSeen: LastSeen;
  bus: EventBus;
  logger: Logger;
}

export class MessageSink {
  private held: Message[] | null = null;
  /** Set after a catch-up left a hole: messages are still shown, the resume point stays before the hole. */
  private frozen = false;
  /** Newest id received while frozen: where the resume point goes once the hole is filled. */
  private newestWhileFrozen: { channelId: string; id: string } | null = null;
  readonly names: MemberNames;
  /** Every write goes through here: batched per tick, then the guard, so a disk fault never stops live monitoring. */
  readonly storage: BatchWriter;

  constructor(private readonly o: MessageSinkOptions) {
    this.names = new MemberNames(o.store, o.logger);
    this.storage = new BatchWriter(new StorageGuard(o.store, o.lastSeen, o.logger, o.store.folder), (channelId) => o.store.list(channelId, 1)[0]?.id ?? null);
  }

  /** From now on live messages wait until release(): a catch-up is about to start. */
  hold(): void {
    this.held = [];
    this.frozen = false;
    this.newestWhileFrozen = null;
  }

  /** The hole is filled: the resume point may move on to the newest message received meanwhile. */
  unfreeze(): void {
    this.frozen = false;
    if (this.newestWhileFrozen) this.o.lastSeen.advance(this.newestWhileFrozen.channelId, this.newestWhileFrozen.id);
    this.newestWhileFrozen = null;
  }

  /** Holds live messages unless already holding (a catch-up after a re-IDENTIFY, mid-session). */
  keepHolding(): void {
    this.held ??= [];
  }

  /** A message received on the gateway. */
  live(m: Message): void {
    if (this.held) this.held.push(m);
    else this.received(m, false);
  }

  /**
   * Ends holding; delivers what was held (oldest first) unless `deliver` is false (a stale connection).
   * `advanceResumePoint: false` (the catch-up left a hole) keeps the resume point where it is.
   */
  release(deliver = true, opts: { advanceResumePoint?: boolean } = {}): void {
    const held = this.held ?? [];
    this.held = null;
    if (opts.advanceResumePoint === false) this.frozen = true;
    if (deliver) for (const m of held.sort((a, b) => snowflakeCompare(a.id, b.id))) this.received(m, false);
  }

  /** Stores and shows a message; true when it was new (not a duplicate, not the bot's own). */
  received(m: Message | PartialMessage, caughtUp: boolean): boolean {
    if (!this.frozen) this.o.lastSeen.advance(m.channelId, m.id);
    else if (!this.newestWhileFrozen || snowflakeCompare(m.id, this.newestWhileFrozen.id) > 0) this.newestWhileFrozen = { channelId: m.channelId, id: m.id };
    if (m.author?.id === m.client.user?.id) return false;
    const chat = toChatMessage(m, caughtUp, this.names.displayName(m), (id) => this.storage.get(id));
    if (!chat || !this.storage.add(chat)) return false;
    this.o.bus.emit('message.created', chat);
    return true;
  }

  /** A stored message found edited on Discord after the app was off. */
  editedOffline(m: Message): void {
    const existing = this.storage.get(m.id);
    if (!existing) return;
    const chat = toChatMessage(m, existing.caughtUp, this.names.displayName(m));
    const updated = this.storage.update(m.id, { content: m.content, editedAt: m.editedTimestamp, attachments: chat?.attachments ?? existing.attachments, ...mergedView(existing, chat, true) });
    if (updated) this.o.bus.emit('message.updated', updated);
  }

  /** A stored message no longer on Discord: deleted while the app was off. */
  deletedOffline(m: { id: string; channelId: string }): void {
    this.deleted(m);
  }

  updated(m: Message | PartialMessage): void {
    const chat = toChatMessage(m, false, this.names.displayName(m));
    const existing = this.storage.get(m.id);
    // Only edited_timestamp says a person edited it: a link preview arrives as an update with null.
    const updated: ChatMessage | undefined = existing
      ? this.storage.update(m.id, { content: m.content ?? existing.content, editedAt: m.editedTimestamp ?? existing.editedAt, attachments: chat?.attachments ?? existing.attachments, ...mergedView(existing, chat, m.content !== null) })
      : chat && this.storage.add(chat)
        ? chat
        : undefined;
    if (updated) this.o.bus.emit('message.updated', updated);
  }

  /** Reaction counts read over REST (a reconnect's check): stored and shown when they changed. */
  reactionsRead(m: Message): void {
    const existing = this.storage.get(m.id);
    if (!existing?.view) return;
    const reactions = reactionsOf(m);
    if (JSON.stringify(reactions) === JSON.stringify(existing.view.reactions)) return;
    const updated = this.storage.update(m.id, { view: { ...existing.view, reactions } });
    if (updated) this.o.bus.emit('message.updated', updated);
  }

  /** A MESSAGE_REACTION_* gateway event for a stored message: its counts change, live. */
  reaction(t: string, d: ReactionEvent, url: (id: string, animated: boolean) => string): void {
    const existing = typeof d.message_id === 'string' ? this.storage.get(d.message_id) : undefined;
    if (!existing?.view) return;
    const reactions = applyReaction(existing.view.reactions, t, d, url);
    if (reactions === existing.view.reactions) return;
    const updated = this.storage.update(existing.id, { view: { ...existing.view, reactions } });
    if (updated) this.o.bus.emit('message.updated', updated);
  }

  deleted(m: { id: string; channelId: string }): void {
    this.storage.update(m.id, { deleted: true });
    this.o.bus.emit('message.deleted', { id: m.id, channelId: m.channelId });
  }
}
