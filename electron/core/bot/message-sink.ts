// Where every message event of the watched channel ends up: stored, then told to the panel.
// Live messages are held while a catch-up runs so the panel sees the backlog first, in order.
import type { Message, PartialMessage } from 'discord.js';
import type { Logger } from 'pino';
import type { ChatMessage } from '../../../shared/types.js';
import type { EventBus } from '../event-bus.js';
import type { LastSeen } from '../messages/last-seen.js';
import { snowflakeCompare, type MessageStore } from '../messages/store.js';
import { toChatMessage } from './to-chat-message.js';

export interface MessageSinkOptions {
  store: MessageStore;
  lastSeen: LastSeen;
  bus: EventBus;
  logger: Logger;
}

export class MessageSink {
  private held: Message[] | null = null;

  constructor(private readonly o: MessageSinkOptions) {}

  /** From now on live messages wait until release(): a catch-up is about to start. */
  hold(): void {
    this.held = [];
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

  /** Ends holding; delivers what was held (oldest first) unless `deliver` is false (a stale connection). */
  release(deliver = true): void {
    const held = this.held ?? [];
    this.held = null;
    if (deliver) for (const m of held.sort((a, b) => snowflakeCompare(a.id, b.id))) this.received(m, false);
  }

  received(m: Message | PartialMessage, caughtUp: boolean): void {
    this.o.lastSeen.advance(m.channelId, m.id);
    if (m.author?.id === m.client.user?.id) return;
    const chat = toChatMessage(m, caughtUp);
    if (chat && this.o.store.add(chat)) this.o.bus.emit('message.created', chat);
  }

  updated(m: Message | PartialMessage): void {
    const chat = toChatMessage(m, false);
    const existing = this.o.store.get(m.id);
    const updated: ChatMessage | undefined = existing
      ? this.o.store.update(m.id, { content: m.content ?? existing.content, editedAt: m.editedTimestamp ?? Date.now(), attachments: chat?.attachments ?? existing.attachments })
      : chat && this.o.store.add(chat)
        ? chat
        : undefined;
    if (updated) this.o.bus.emit('message.updated', updated);
  }

  deleted(m: { id: string; channelId: string }): void {
    this.o.store.update(m.id, { deleted: true });
    this.o.bus.emit('message.deleted', { id: m.id, channelId: m.channelId });
  }
}
