// Typed events going to the panel. The last gate before data leaves the core: secrets are scrubbed here.
import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/contract.js';
import type { Redactor } from './log/redactor.js';
import { messageJson } from './messages/message-json.js';
import type { ChatMessage } from '../../shared/types.js';

/** `json`, when given, is JSON.stringify(payload) already scrubbed: a bridge may send it as is. */
type Listener = (event: EventName, payload: unknown, json?: string) => void;

/** Events whose payload is one ChatMessage: checked through its JSON, which the store and the panel frame reuse. */
const MESSAGE_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['message.created', 'message.updated']);

export class EventBus {
  private emitter = new EventEmitter();

  constructor(private readonly redactor: Redactor) {
    this.emitter.setMaxListeners(100);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    if (!MESSAGE_EVENTS.has(event)) return void this.emitter.emit('event', event, this.redactor.scrubValue(payload));
    const json = messageJson(payload as ChatMessage);
    const clean = this.redactor.scrub(json);
    // Held a secret: listeners get the scrubbed copy, never the original object.
    this.emitter.emit('event', event, clean === json ? payload : JSON.parse(clean), clean);
  }

  /** Every event, for bridges (IPC, WebSocket). Returns an unsubscribe function. */
  onAny(listener: Listener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const wrapped: Listener = (name, payload) => {
      if (name === event) listener(payload as EventPayload<E>);
    };
    return this.onAny(wrapped);
  }
}
