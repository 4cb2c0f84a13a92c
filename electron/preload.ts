// Sandboxed preload: the page gets `window.discordMonitor`, named methods built from the shared
// registry, and nothing else — never ipcRenderer itself. Only `electron` can be required here;
// everything else is bundled into preload.cjs.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type Envelope, type Transport } from '../shared/api.js';
import { deliverFrame } from '../shared/event-delivery.js';

// Must match EVENT_CHANNEL in electron/shell/ipc.ts (not imported: that module is main-process code).
const EVENT_CHANNEL = 'event';
// Must match PAGE_READY_CHANNEL in electron/shell/ipc.ts.
const PAGE_READY_CHANNEL = 'event.page-ready';

const listeners = new Map<string, Set<(payload: unknown) => void>>();

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
  deliverFrame(frame, listeners);
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
