// The two things discord.js's API lacks: the last heartbeat ACK time, and a promise with a deadline.
import type { Client } from 'discord.js';

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
