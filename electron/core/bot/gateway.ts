// Reaches the gateway sockets under discord.js, for the one thing its API lacks:
// terminating a socket whose close handshake never completes.
import type { Client } from 'discord.js';

interface RawSocket {
  readyState: number;
  terminate?: () => void;
}

export function gatewaySockets(client: Client): RawSocket[] {
  const manager = (client.ws as unknown as { _ws?: { strategy?: { shards?: Map<number, { connection?: RawSocket | null }> } } })._ws;
  const shards = manager?.strategy?.shards;
  if (!shards) return [];
  return [...shards.values()].map((s) => s.connection).filter((c): c is RawSocket => Boolean(c));
}

/** Time of the last heartbeat ACK, or -1. */
export function lastAckAt(client: Client): number {
  return client.ws.shards.first()?.lastPingTimestamp ?? -1;
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<{ value?: T; timedOut: boolean }> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<{ timedOut: true }>((resolve) => {
    timer = setTimeout(() => resolve({ timedOut: true }), ms);
  });
  return Promise.race([promise.then((value) => ({ value, timedOut: false })), timeout]).finally(() => clearTimeout(timer));
}
