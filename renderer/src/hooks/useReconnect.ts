import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api-context';
import type { ConnectionState } from '../bridge';
import type { Access } from '../lib/access-token';
import { reconnect, RECONNECT_ATTEMPTS } from '../lib/reconnect';

export type ReconnectPhase =
  | { kind: 'online' }
  | { kind: 'reconnecting'; attempt: number; total: number }
  | { kind: 'reloading' }
  | { kind: 'failed' }
  /** The server is up but refuses this page's access token: the token screen, not the banner. */
  | { kind: 'unauthorized' };

export interface ConnectionSource {
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  authorize(token: string): Promise<Access>;
}

/**
 * When the WebSocket drops, probe the server on the reconnect schedule and reload the page once it
 * answers (it may have been updated and restarted, so the page itself may be stale).
 */
export function useReconnect(source: ConnectionSource | null, probe: () => Promise<unknown>, reload: () => void): ReconnectPhase {
  const [phase, setPhase] = useState<ReconnectPhase>({ kind: 'online' });

  useEffect(() => {
    if (!source) return;
    let controller: AbortController | null = null;
    const off = source.onConnectionChange((state) => {
      if (state === 'unauthorized') {
        // Probing again cannot help: only a new token can.
        controller?.abort();
        controller = null;
        setPhase({ kind: 'unauthorized' });
        return;
      }
      if (state === 'resumed') {
        // A handover: the server answers already, but with a new version whose panel may differ.
        setPhase({ kind: 'reloading' });
        reload();
        return;
      }
      // Each failed probe closes its own socket too: one schedule at a time.
      if (state !== 'closed' || controller) return;
      const run = new AbortController();
      controller = run;
      setPhase({ kind: 'reconnecting', attempt: 0, total: RECONNECT_ATTEMPTS });
      void reconnect({
        probe,
        signal: run.signal,
        onAttempt: (attempt, total) => setPhase({ kind: 'reconnecting', attempt, total }),
      }).then((ok) => {
        if (run.signal.aborted) return;
        if (!ok) return setPhase({ kind: 'failed' });
        setPhase({ kind: 'reloading' });
        reload();
      });
    });
    return () => {
      off();
      controller?.abort();
    };
  }, [source, probe, reload]);

  return phase;
}

/**
 * The page's link to the server, for everything that must react to it (the banner, and the update
 * overlay, which stays up while a restart drops the socket). Always online without a socket (Electron).
 */
export function useConnection(source: ConnectionSource | null, reload: () => void): ReconnectPhase {
  const api = useApi();
  // A fresh command makes the bridge open a new socket, so it doubles as the reconnection.
  const probe = useCallback(() => api.app.info(), [api]);
  return useReconnect(source, probe, reload);
}
