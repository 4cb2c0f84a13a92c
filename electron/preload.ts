// Sandboxed preload: the page gets `window.discordMonitor`, named methods built from the shared
// registry, and nothing else — never ipcRenderer itself. Only `electron` can be required here;
// everything else is bundled into preload.cjs.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type Envelope, type Transport } from '../shared/api.js';

// Must match EVENT_CHANNEL in electron/shell/ipc.ts (not imported: that module is main-process code).
const EVENT_CHANNEL = 'event';

const listeners = new Map<string, Set<(payload: unknown) => void>>();
// One channel for all events, split by name here: one IPC listener however many subscribers.
ipcRenderer.on(EVENT_CHANNEL, (_event, name: string, payload: unknown) => {
  listeners.get(name)?.forEach((listener) => listener(payload));
});

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
