// Picks the transport: Electron's preload exposes `window.discordMonitor`; in a browser
// (headless mode) the same API runs over a WebSocket authenticated by the panel's access token.
import { createApi, type Api, type Envelope, type Transport } from '../../shared/api.js';
import type { CommandName, EventName } from '../../shared/contract.js';
import { ackText, CLOSE, WS_PATH, type ServerFrame } from '../../shared/ws-protocol.js';
import { deliverFrame } from '../../shared/event-delivery.js';
import { coreText } from '../../shared/core-text.js';
import { adoptUrlToken, checkAccess, saveToken, storedToken, type Access } from './lib/access-token.js';

// The bridge's own refusals, said in the panel's language like the core's (by key).
const unavailable = (said: ReturnType<typeof coreText>) => ({ code: 'unavailable' as const, message: said.text, i18n: said.i18n });
const UNREACHABLE = unavailable(coreText('panel.unreachable'));
const LOST = unavailable(coreText('panel.connectionLost'));

declare global {
  interface Window {
    discordMonitor?: Api;
  }
}

/**
 * 'unauthorized': a socket could not open and the server says the token is wrong or missing.
 * 'resumed': the app handed over to its new version and we reconnected to it (nothing failed): reload for its panel.
 */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'unauthorized' | 'resumed';

export interface WsTransport extends Transport {
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  /** Checks a token with the server and, when right, keeps it for the next socket. */
  authorize(token: string): Promise<Access>;
  close(): void;
}

export interface WsOptions {
  /** ws(s)://host/api, without the token. */
  url: string;
  /** http(s)://host, which answers GET /api/auth. */
  origin: string;
  token: () => string;
  saveToken: (token: string) => void;
}

/** How long the panel keeps trying to reach the new version after a handover before it says the connection is lost. */
export const HANDOVER_RECONNECT_MS = 15_000;

export function createWsTransport(options: WsOptions): WsTransport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  const pending = new Map<number, (reply: Envelope) => void>();
  // Invokes with no reply yet, as sent: after a handover (close 1012) they were never run, so they are re-sent.
  const unanswered = new Map<number, string>();
  let resuming: Promise<void> | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connListeners = new Set<(s: ConnectionState) => void>();
  let ready: Promise<WebSocket> | null = null;

  const setState = (s: ConnectionState) => connListeners.forEach((l) => l(s));

  function connect(quiet = false): Promise<WebSocket> {
    if (ready) return ready;
    if (!quiet) setState('connecting');
    ready = new Promise((resolve, reject) => {
      const token = options.token();
      const ws = new WebSocket(token ? `${options.url}?token=${encodeURIComponent(token)}` : options.url);
      socket = ws;
      let opened = false;
      // Set by the server's hello: it then sends new messages only as fast as we say we read them.
      let acks = false;
      ws.onopen = () => {
        opened = true;
        setState('open');
        resolve(ws);
      };
      ws.onmessage = (ev) => {
        const text = String(ev.data);
        try {
          const frame = JSON.parse(text) as ServerFrame;
          if (frame.type === 'hello') acks = frame.ack === true;
          else if (frame.type === 'reply') {
            pending.get(frame.id)?.(frame.reply);
            pending.delete(frame.id);
            unanswered.delete(frame.id);
          } else deliverFrame(frame, listeners);
        } finally {
          // Read (and handed to the page), even if a listener failed: unacknowledged, the server would count us behind for good.
          if (acks && ws.readyState === WebSocket.OPEN) ws.send(ackText(text.length));
        }
      };
      ws.onclose = (ev) => {
        ready = null;
        socket = null;
        // The app is handing over to its new version on the same port: no "connection lost", just reconnect.
        if ((opened && ev.code === CLOSE.serviceRestart) || (quiet && !opened)) {
          reject(new Error('Reconnecting to the new version.'));
          if (opened) resuming ??= resume().finally(() => (resuming = null));
          return;
        }
        unanswered.clear();
        for (const resolvePending of pending.values()) {
          resolvePending({ ok: false, error: LOST });
        }
        pending.clear();
        reject(new Error('Connection to Discord Monitor closed.'));
        if (opened) return setState('closed');
        // A refused upgrade looks the same as a server that is down; only the server can say which.
        void checkAccess(token, options.origin).then((access) => setState(access === 'unauthorized' ? 'unauthorized' : 'closed'));
      };
    });
    ready.catch(() => undefined);
    return ready;
  }

  async function resume(): Promise<void> {
    const until = Date.now() + HANDOVER_RECONNECT_MS;
    while (Date.now() < until) {
      try {
        const ws = await connect(true);
        for (const frame of unanswered.values()) ws.send(frame);
        setState('resumed');
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    for (const resolvePending of pending.values()) {
      resolvePending({ ok: false, error: LOST });
    }
    pending.clear();
    unanswered.clear();
    setState('closed');
  }

  return {
    async invoke(command: CommandName, arg: unknown): Promise<Envelope> {
      let ws: WebSocket;
      try {
        if (resuming) await resuming;
        ws = await connect();
      } catch {
        return { ok: false, error: UNREACHABLE };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        const frame = JSON.stringify({ type: 'invoke', id, command, arg });
        unanswered.set(id, frame);
        ws.send(frame);
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
    async authorize(token: string) {
      const access = await checkAccess(token, options.origin);
      if (access === 'ok') options.saveToken(token);
      return access;
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
  // Before anything else reads the address: the token leaves the address bar and history.
  let current = adoptUrlToken();
  const transport = createWsTransport({
    url: `${scheme}://${location.host}${WS_PATH}`,
    origin: location.origin,
    // sessionStorage first; memory when storage is disabled.
    token: () => storedToken() || current,
    saveToken: (token) => {
      current = token;
      saveToken(token);
    },
  });
  return { api: createApi(transport), transport };
}
