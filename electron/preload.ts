// Sandboxed preload: the page gets `window.discordMonitor`, named methods built from the shared
// registry, and nothing else — never ipcRenderer itself. Only `electron` can be required here;
// everything else is bundled into preload.cjs.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type Envelope, type Transport } from '../shared/api.js';
import { fromWire } from '../shared/live-wire.js';

// Must match EVENT_CHANNEL in electron/shell/ipc.ts (not imported: that module is main-process code).
const EVENT_CHANNEL = 'event';
// Must match PAGE_READY_CHANNEL in electron/shell/ipc.ts.
const PAGE_READY_CHANNEL = 'event.page-ready';

const listeners = new Map<string, Set<(payload: unknown) => void>>();

/** One event frame to its listeners; new messages come without their default fields (shared/live-wire.ts): made whole first. */
function deliver(frame: unknown): void {
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
  // One listener's failure must not cost the others, or the rest of a batch, their events.
  for (const listener of set) {
    try {
      listener(whole);
    } catch (err) {
      console.error(`A "${event}" listener failed:`, err);
    }
  }
}

// One channel for all events, split by name here: one IPC listener however many subscribers. Each send
// is one JSON text, an event or a batch (the events of one main-process turn, oldest first), framed
// and paced as for a browser panel (electron/core/live/event-frames.ts). Anything else is ignored.
ipcRenderer.on(EVENT_CHANNEL, (_event, text: unknown) => {
  if (typeof text !== 'string') return;
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return;
  }
  const { type, frames } = (frame ?? {}) as { type?: unknown; frames?: unknown };
  if (type === 'batch' && Array.isArray(frames)) frames.forEach(deliver);
  else deliver(frame);
});
// A new page lists the store itself: the window's sink starts afresh (no notice counting earlier messages).
ipcRenderer.send(PAGE_READY_CHANNEL);

const transport: Transport = {
  invoke: (command, arg) => ipcRenderer.invoke(command, arg) as Promise<Envelope>,
  subscribe(event, listener) {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('discordMonitor', createApi(transport));
