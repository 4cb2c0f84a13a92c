// Handover of the panel to the new version: stop taking commands, answer every one already taken,
// then ask each panel to reconnect (close 1012). A command with no reply at that point was never
// run, so the panel can safely send it again to the new process on the same port.
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { WebSocket, WebSocketServer } from 'ws';
import { CLOSE } from '../../../shared/ws-protocol.js';

export const HANDOVER_REASON = 'The new version is taking over: reconnect.';

/**
 * Stops accepting without cutting idle keep-alive connections: Node's server.close() would, racing a
 * request the client is just sending on one (a failed request). Each gets its answers marked
 * Connection: close, or expires on the client's side (Keep-Alive: timeout=5); what remains after the
 * grace is closed.
 */
export async function retireHttp(server: Server, graceMs = server.keepAliveTimeout + 1000): Promise<void> {
  server.prependListener('request', (_req, res) => {
    res.shouldKeepAlive = false;
  });
  let timer: NodeJS.Timeout | undefined;
  const drained = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
  await Promise.race([drained, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
  clearTimeout(timer);
  server.closeAllConnections();
}

export class BridgeDrain {
  private draining = false;
  private readonly inflight = new Set<Promise<unknown>>();

  /** False once the handover began: frames are then dropped unanswered (the client re-sends them). */
  get accepting(): boolean {
    return !this.draining;
  }

  /** Keeps `reply` (dispatch and send) in view until it settles. */
  track(reply: Promise<unknown>): void {
    this.inflight.add(reply);
    void reply.finally(() => this.inflight.delete(reply));
  }

  /** A socket that arrived once the handover began: sent on to the new process at once. */
  redirect(ws: WebSocket): void {
    ws.close(CLOSE.serviceRestart, HANDOVER_REASON);
  }

  /** Stops taking commands, waits for the replies of those taken (up to `deadlineMs`), then closes every socket with 1012. */
  async drain(wss: WebSocketServer, deadlineMs = 5000): Promise<void> {
    this.draining = true;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)));
    await Promise.race([Promise.allSettled([...this.inflight]), late]);
    clearTimeout(timer);
    const closed = [...wss.clients].map((ws: WebSocket) => new Promise<void>((resolve) => {
      if (ws.readyState === ws.CLOSED) return resolve();
      ws.once('close', () => resolve());
      ws.close(CLOSE.serviceRestart, HANDOVER_REASON);
    }));
    // The close handshake normally takes a round trip; a client that never answers is cut off.
    await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, 1000).unref())]);
    for (const ws of wss.clients) ws.terminate();
  }
}
