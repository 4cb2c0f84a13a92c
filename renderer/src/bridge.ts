// Picks the transport: Electron's preload exposes `window.discordMonitor`; in a browser
// (headless mode) the same API runs over a WebSocket authenticated by the URL's access token.
import { createApi, type Api, type Envelope, type Transport } from '../../shared/api.js';
import type { CommandName, EventName } from '../../shared/contract.js';
import { WS_PATH, type ServerFrame } from '../../shared/ws-protocol.js';

declare global {
  interface Window {
    discordMonitor?: Api;
  }
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WsTransport extends Transport {
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

/** Access token from `?token=` (kept in sessionStorage so a reload keeps working). */
export function accessToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem('dm.accessToken', fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem('dm.accessToken') ?? '';
}

export function createWsTransport(url: string): WsTransport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  const pending = new Map<number, (reply: Envelope) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connListeners = new Set<(s: ConnectionState) => void>();
  let ready: Promise<WebSocket> | null = null;

  const setState = (s: ConnectionState) => connListeners.forEach((l) => l(s));

  function connect(): Promise<WebSocket> {
    if (ready) return ready;
    setState('connecting');
    ready = new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => {
        setState('open');
        resolve(ws);
      };
      ws.onmessage = (ev) => {
        const frame = JSON.parse(String(ev.data)) as ServerFrame;
        if (frame.type === 'reply') {
          pending.get(frame.id)?.(frame.reply);
          pending.delete(frame.id);
        } else {
          listeners.get(frame.event)?.forEach((l) => l(frame.payload));
        }
      };
      ws.onclose = () => {
        ready = null;
        socket = null;
        for (const resolvePending of pending.values()) {
          resolvePending({ ok: false, error: { code: 'unavailable', message: 'Connection to Discord Monitor lost.' } });
        }
        pending.clear();
        setState('closed');
        reject(new Error('Connection to Discord Monitor closed.'));
      };
    });
    ready.catch(() => undefined);
    return ready;
  }

  return {
    async invoke(command: CommandName, arg: unknown): Promise<Envelope> {
      let ws: WebSocket;
      try {
        ws = await connect();
      } catch {
        return { ok: false, error: { code: 'unavailable', message: 'Discord Monitor is not reachable. Is it running?' } };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ type: 'invoke', id, command, arg }));
      });
    },
    subscribe(event: EventName, listener: (payload: unknown) => void) {
      void connect().catch(() => undefined);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    onConnectionChange(listener) {
      connListeners.add(listener);
      return () => connListeners.delete(listener);
    },
    close() {
      socket?.close();
    },
  };
}

/** The API for this page: Electron's preload bridge when present, else the WebSocket bridge. */
export function connectApi(): { api: Api; transport: WsTransport | null } {
  if (window.discordMonitor) return { api: window.discordMonitor, transport: null };
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${location.host}${WS_PATH}?token=${encodeURIComponent(accessToken())}`;
  const transport = createWsTransport(url);
  return { api: createApi(transport), transport };
}
