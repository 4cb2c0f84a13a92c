// Where every message event of the watched channel ends up: stored, then told to the panel.
// Live messages are held while a catch-up runs so the panel sees the backlog first, in order.
import type { Message, PartialMessage } from 'discord.js';
import type { Logger } from 'pino';
import type { ChatMessage } from '../../../shared/types.js';
import type { EventBus } from '../event-bus.js';
import type { LastSeen } from '../messages/last-seen.js';
import { BatchWriter } from '../messages/batch-writer.js';
import { burstMode } from './burst-mode.js';
import { freshLinks } from '../messages/fresh-links.js';
import { StorageGuard } from '../messages/storage-guard.js';
import { snowflakeCompare, type MessageStore } from '../messages/store.js';
import { MemberNames } from './members.js';
import { messageView, reactionsOf, replyQuote } from './message-view.js';
import { applyReaction, type ReactionEvent } from './reactions.js';
import { ReferencedMessages, type ReplyData } from './referenced-messages.js';
import { toChatMessage } from './to-chat-message.js';

/**
 * The view after an update: embeds always from the update (a link preview arrives that way); mentions
 * and the rest only from a full message (`full`); reaction counts stay ours (kept by the reaction events).
 */
function mergedView(existing: ChatMessage, view: ChatMessage['view'], full: boolean): Partial<ChatMessage> {
  if (!view) return {};
  if (!existing.view) return { view };
  const base = full ? view : existing.view;
  return { view: { ...base, embeds: view.embeds, reactions: full && view.reactions.length > 0 ? view.reactions : existing.view.reactions } };
}

/**
 * Live messages handled per event-loop turn at most (and about LIVE_BUDGET_MS of work): one socket read
 * can parse thousands of frames, and doing their conversion, store and panel event in that same turn
 * stalled the loop for 100-200 ms. The rest wait for the next turn, in order.
 */
export const LIVE_PER_TURN = 256;
const LIVE_BUDGET_MS = 4;
/** Live messages in one turn that make it a burst (a busy channel has a few a second). */
const BURST_PER_TURN = 32;
/** A read waits this long at most for the write thread (as its blocking settle does). */
const WRITTEN_WAIT_MS = 10_000;

export interface MessageSinkOptions {
  store: MessageStore;
  lastSeen: LastSeen;
  bus: EventBus;
  logger: Logger;
}

export class MessageSink {
  private held: Message[] | null = null;
  /**
   * Edits and deletions that came while live messages were held: applied after the held ones
   * at release. Applied at once, a deletion of a message posted during the catch-up found nothing stored,
   * and the message was stored at release as never deleted (outside review).
   */
  private heldAfter: Array<() => void> = [];
  /** Gateway work not done yet, oldest first (`head` is the next one): live messages and what follows them. */
  private pending: Array<() => void> = [];
  private head = 0;
  private turn: NodeJS.Immediate | null = null;
  /** Set after a catch-up left a hole: messages are still shown, the resume point stays before the hole. */
  private frozen = false;
  /** Newest id received while frozen: where the resume point goes once the hole is filled. */
  private newestWhileFrozen: { channelId: string; id: string } | null = null;
  readonly names: MemberNames;
  /** Every write goes through here: batched per tick, then the guard, so a disk fault never stops live monitoring. */
  readonly storage: BatchWriter;
  /** Originals that live replies carried: quoted when the store does not have them. */
  private readonly referenced = new ReferencedMessages();
  /**
   * A reply's original by id (on receipt and after every edit, whose view replaces the stored one): the
   * stored one first (it follows edits seen live and knows nicknames), else the one a reply carried.
   */
  private readonly lookup = (id: string) => this.storage.get(id) ?? this.referenced.get(id);

  constructor(private readonly o: MessageSinkOptions) {
    this.names = new MemberNames(o.store, o.logger);
    this.storage = new BatchWriter(new StorageGuard(o.store, o.lastSeen, o.logger, o.store.folder), (channelId) => o.store.list(channelId, 1)[0]?.id ?? null);
    // The burst's resume-point writes wait for the commits without holding up the event loop.
    o.lastSeen.whenCommitted = (write) => this.storage.afterCommit(write);
    // Its other writes (shutdown, its retry, the guard's recovery) wait too, for what is still queued
    // here as well (a hand-off may wait HANDOFF_MS): the guard's store.settle() alone missed that.
    o.lastSeen.beforeWrite = () => this.storage.flush();
  }

  /** From now on live messages wait until release(): a catch-up is about to start. */
  hold(): void {
    this.held = [];
    // A stopped connection's queued changes are stale: this one's catch-up reads the messages as they are now.
    this.heldAfter = [];
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

  /** A message received on the gateway: handled on a later turn (see LIVE_PER_TURN). */
  live(m: Message): void {
    if (this.held) return void this.held.push(m);
    // Whose bot this is, as of now: the client may be gone by the time the message is handled.
    const own = m.client.user?.id;
    this.pending.push(() => this.receive(m, false, own));
    this.turn ??= setImmediate(this.nextSlice);
  }

  /** Gateway events behind live messages still pending wait for them, so an edit never comes before its create. */
  private inOrder(work: () => void): void {
    if (this.head < this.pending.length) this.pending.push(work);
    else work();
  }

  /** One turn's slice of the pending work; the writes of a slice go to the store in one transaction. */
  private readonly nextSlice = (): void => {
    this.turn = null;
    const stopAt = performance.now() + LIVE_BUDGET_MS;
    let done = 0;
    for (; this.head < this.pending.length && done < LIVE_PER_TURN; done++) {
      if (done % 16 === 15 && performance.now() > stopAt) break;
      this.runNext();
    }
    if (done >= BURST_PER_TURN) burstMode.busy();
    // The slice's writes go to the write thread when the BatchWriter says (at the end of the next turn,
    // in a burst at most every HANDOFF_MS): one hand-off per slice cost 4.7 µs a message on this loop.
    if (this.head < this.pending.length) this.turn = setImmediate(this.nextSlice);
  };

  private runNext(): void {
    const work = this.pending[this.head++]!;
    if (this.head === this.pending.length) {
      this.pending = [];
      this.head = 0;
    }
    try {
      work();
    } catch (err) {
      // One bad message must not stop the ones behind it.
      this.o.logger.error({ err }, 'a gateway message could not be handled');
    }
  }

  /** Everything pending, now (before a catch-up's, a reconcile's or a history query's own work). */
  private drain(): void {
    while (this.head < this.pending.length) this.runNext();
  }

  /** Handles what is pending and writes what is queued: a read or a shutdown sees everything received. */
  flush(): void {
    this.handleNow();
    this.storage.flush();
  }

  /** Handles the live messages still pending now, instead of at their turn. */
  private handleNow(): void {
    this.drain();
    if (this.turn) clearImmediate(this.turn);
    this.turn = null;
  }

  /**
   * As flush(), but resolves once the write thread answered (committed, or kept in memory by a fault)
   * instead of blocking the event loop meanwhile: another program holding the database's write lock
   * makes it wait SQLite's busy timeout, during which the app must go on serving. A thread that never
   * answers (a hung disk) holds a read up WRITTEN_WAIT_MS at most: it then reads what is committed.
   */
  written(): Promise<void> {
    this.handleNow();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, WRITTEN_WAIT_MS);
      timer.unref();
      this.storage.afterCommit(() => (clearTimeout(timer), resolve()));
    });
  }

  /**
   * Ends holding; delivers what was held (oldest first) unless `deliver` is false (a stale connection).
   * `advanceResumePoint: false` (the catch-up left a hole) keeps the resume point where it is.
   */
  release(deliver = true, opts: { advanceResumePoint?: boolean } = {}): void {
    this.drain();
    const held = this.held ?? [];
    const after = this.heldAfter;
    this.held = null;
    this.heldAfter = [];
    if (opts.advanceResumePoint === false) this.frozen = true;
    if (!deliver) return;
    for (const m of held.sort((a, b) => snowflakeCompare(a.id, b.id))) this.received(m, false);
    for (const work of after) this.inOrder(work);
  }

  /** Stores and shows a message; true when it was new (not a duplicate, not the bot's own). */
  received(m: Message | PartialMessage, caughtUp: boolean): boolean {
    this.drain();
    return this.receive(m, caughtUp, m.client.user?.id);
  }

  private receive(m: Message | PartialMessage, caughtUp: boolean, ownId: string | undefined): boolean {
    if (!this.frozen) this.o.lastSeen.advance(m.channelId, m.id);
    else if (!this.newestWhileFrozen || snowflakeCompare(m.id, this.newestWhileFrozen.id) > 0) this.newestWhileFrozen = { channelId: m.channelId, id: m.id };
    if (m.author?.id === ownId) return false;
    const chat = toChatMessage(m, caughtUp, this.names.displayName(m), this.lookup);
    if (!chat || !this.storage.add(chat)) return false;
    this.o.bus.emit('message.created', chat);
    return true;
  }

  /** A stored message found edited on Discord after the app was off. */
  editedOffline(m: Message): void {
    this.drain();
    const existing = this.storage.get(m.id);
    if (!existing) return;
    const chat = toChatMessage(m, existing.caughtUp, this.names.displayName(m), this.lookup);
    const updated = this.storage.update(m.id, { content: m.content, editedAt: m.editedTimestamp, attachments: chat?.attachments ?? existing.attachments, ...mergedView(existing, chat?.view, true) });
    if (updated) this.o.bus.emit('message.updated', updated);
  }

  /** A stored message no longer on Discord: deleted while the app was off. */
  deletedOffline(m: { id: string; channelId: string }): void {
    this.drain();
    this.deletedNow(m);
  }

  updated(m: Message | PartialMessage): void {
    this.liveInOrder(() => this.updatedNow(m));
  }

  private updatedNow(m: Message | PartialMessage): void {
    // The lookup too: an edit's view replaces the stored one, and a reply's quote comes from the store.
    const chat = toChatMessage(m, false, this.names.displayName(m), this.lookup);
    const existing = this.storage.get(m.id);
    // discord.js keeps no message cache (monitor.ts), so an edit may come as a partial without
    // author: its embeds (a late link preview) still count for the stored message.
    const view = chat?.view ?? (existing && !m.author ? messageView(m) : undefined);
    // Only edited_timestamp says a person edited it: a link preview arrives as an update with null.
    const updated: ChatMessage | undefined = existing
      ? this.storage.update(m.id, { content: m.content ?? existing.content, editedAt: m.editedTimestamp ?? existing.editedAt, attachments: chat?.attachments ?? existing.attachments, ...mergedView(existing, view, m.content !== null) })
      : chat && this.storage.add(chat)
        ? chat
        : undefined;
    if (updated) this.o.bus.emit('message.updated', updated);
  }

  /** A stored reply whose original a history backfill read only now (pages come newest first): its quote, stored and shown. */
  quoteFound(replyId: string, original: ChatMessage): void {
    this.inOrder(() => {
      const existing = this.storage.get(replyId);
      if (!existing?.view?.reply || existing.view.reply.id !== original.id || existing.view.reply.excerpt !== null) return;
      const updated = this.storage.update(replyId, { view: { ...existing.view, reply: { id: original.id, ...replyQuote(original) } } });
      if (updated) this.o.bus.emit('message.updated', updated);
    });
  }

  /** Reaction counts read over REST (a reconnect's check): stored and shown when they changed. */
  reactionsRead(m: Message): void {
    this.drain();
    const existing = this.storage.get(m.id);
    if (!existing?.view) return;
    const reactions = reactionsOf(m);
    if (JSON.stringify(reactions) === JSON.stringify(existing.view.reactions)) return;
    const updated = this.storage.update(m.id, { view: { ...existing.view, reactions } });
    if (updated) this.o.bus.emit('message.updated', updated);
  }

  /**
   * A stored message fetched again for its expired attachment links: the fresh links stored, and shown unless
   * `show` is false (the bot moved to another channel meanwhile: the panel lists that one); undefined when not stored.
   */
  linksRead(m: Message, show = true): ChatMessage | undefined {
    this.drain();
    const existing = this.storage.get(m.id);
    const fresh = existing && toChatMessage(m, existing.caughtUp);
    const changes = existing && fresh ? freshLinks(existing, fresh) : null;
    if (!existing || !changes) return existing;
    const updated = this.storage.update(m.id, changes);
    if (updated && show) this.o.bus.emit('message.updated', updated);
    return updated;
  }

  /** A reply's raw MESSAGE_CREATE/UPDATE data, before discord.js drops its referenced_message: kept for the quote. */
  replyData(d: ReplyData): void {
    // Replies held or pending (this one joins them next) are handled later: their originals must outlive the cap.
    this.referenced.seen(d, (this.held?.length ?? 0) + this.pending.length - this.head + 1);
  }

  /** A MESSAGE_REACTION_* gateway event for a stored message: its counts change, live. */
  reaction(t: string, d: ReactionEvent, url: (id: string, animated: boolean) => string): void {
    // Not held back: a reaction is a +1/-1, and the page or the re-read that stores the message already
    // counts it (applied after them, it was counted twice); on a message not stored yet it does nothing.
    this.inOrder(() => this.reactionNow(t, d, url));
  }

  private reactionNow(t: string, d: ReactionEvent, url: (id: string, animated: boolean) => string): void {
    const existing = typeof d.message_id === 'string' ? this.storage.get(d.message_id) : undefined;
    if (!existing?.view) return;
    const reactions = applyReaction(existing.view.reactions, t, d, url);
    if (reactions === existing.view.reactions) return;
    const updated = this.storage.update(existing.id, { view: { ...existing.view, reactions } });
    if (updated) this.o.bus.emit('message.updated', updated);
  }

  deleted(m: { id: string; channelId: string }): void {
    this.liveInOrder(() => this.deletedNow(m));
  }

  /**
   * A gateway event about a message, while live messages may be held (a catch-up): after them. Not the
   * reconcile's offline changes: those are written before the resume point moves past the gap.
   */
  private liveInOrder(work: () => void): void {
    if (this.held) this.heldAfter.push(work);
    else this.inOrder(work);
  }

  private deletedNow(m: { id: string; channelId: string }): void {
    this.storage.update(m.id, { deleted: true });
    this.o.bus.emit('message.deleted', { id: m.id, channelId: m.channelId });
  }
}
