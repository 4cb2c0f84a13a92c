// Core events to every panel socket, one WebSocket message per event-loop turn: during a 10,000-message
// burst one send (and one write syscall, one `message` event and JSON.parse in the page) per message
// per panel was the biggest cost after discord.js itself. Each event is serialised once for all panels.
import type { EventBus } from '../../core/event-bus.js';

export interface FrameSink {
  /** Sends one text message (already JSON) to the panel. */
  sendText(text: string): void;
}

export class EventFrames {
  private readonly sockets = new Set<FrameSink>();
  private queued: string[] = [];
  private turn: NodeJS.Immediate | null = null;
  private readonly off: () => void;

  constructor(bus: EventBus) {
    this.off = bus.onAny((event, payload, json) => {
      // No panel: nothing to serialise.
      if (!this.sockets.size) return;
      // A message's JSON comes from the bus (scrubbed, shared with the store row): the same text as stringifying the frame.
      this.queued.push(json === undefined ? JSON.stringify({ type: 'event', event, payload }) : `{"type":"event","event":${JSON.stringify(event)},"payload":${json}}`);
      this.turn ??= setImmediate(() => this.flush());
    });
  }

  /** Sends to `socket` from now on; returns the unsubscribe. */
  add(socket: FrameSink): () => void {
    this.sockets.add(socket);
    return () => void this.sockets.delete(socket);
  }

  /** Sends what is queued now (before a reply, so it never overtakes the events emitted before it). */
  flush(): void {
    if (this.turn) clearImmediate(this.turn);
    this.turn = null;
    const frames = this.queued;
    if (!frames.length) return;
    this.queued = [];
    // A lone event keeps the plain frame; several go as one batch frame, oldest first.
    const text = frames.length === 1 ? frames[0]! : `{"type":"batch","frames":[${frames.join(',')}]}`;
    for (const socket of this.sockets) socket.sendText(text);
  }

  close(): void {
    this.off();
    if (this.turn) clearImmediate(this.turn);
    this.turn = null;
    this.queued = [];
    this.sockets.clear();
  }
}
