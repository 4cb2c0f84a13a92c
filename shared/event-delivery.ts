// The page's side of the event frames (electron/core/live/event-frames.ts), whatever carried them (the
// WebSocket bridge or the desktop preload): a batch unpacked oldest first, new messages made whole
// (live-wire.ts) before any listener, one listener's failure said in the console without costing the
// others or the rest of the batch their events. Anything that is not an event frame is ignored.
import { fromWire } from './live-wire.js';

export type EventListeners = ReadonlyMap<string, ReadonlySet<(payload: unknown) => void>>;

/** One parsed frame (an event or a batch of them) to its listeners. */
export function deliverFrame(frame: unknown, listeners: EventListeners): void {
  if (typeof frame !== 'object' || frame === null) return;
  const { type, frames } = frame as { type?: unknown; frames?: unknown };
  if (type === 'batch' && Array.isArray(frames)) frames.forEach((f) => deliverEvent(f, listeners));
  else deliverEvent(frame, listeners);
}

function deliverEvent(frame: unknown, listeners: EventListeners): void {
  if (typeof frame !== 'object' || frame === null) return;
  const { type, event, payload } = frame as { type?: unknown; event?: unknown; payload?: unknown };
  if (type !== 'event' || typeof event !== 'string') return;
  const set = listeners.get(event);
  if (!set?.size) return;
  let whole: unknown;
  try {
    whole = fromWire(event, payload);
  } catch {
    return;
  }
  for (const listener of set) {
    try {
      listener(whole);
    } catch (err) {
      console.error(`A "${event}" listener failed:`, err);
    }
  }
}
