// Typed events going to the panel. The last gate before data leaves the core: secrets are scrubbed here.
import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/contract.js';
import type { Redactor } from './log/redactor.js';

type Listener = (event: EventName, payload: unknown) => void;

export class EventBus {
  private emitter = new EventEmitter();

  constructor(private readonly redactor: Redactor) {
    this.emitter.setMaxListeners(100);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.emitter.emit('event', event, this.redactor.scrubValue(payload));
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
