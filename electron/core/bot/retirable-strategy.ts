// Makes a discord.js client killable for good. @discordjs/ws reconnects on its own: 500 ms after a
// close, and again after every failed attempt, and WebSocketShard.destroy() is a no-op during that
// sleep ("shard was idle"), so a destroyed client can IDENTIFY again seconds later. This strategy
// wraps the default one: once retired no shard may open a socket, and every socket it ever opened is
// kept so that its closure can be proven.
import { createRequire } from 'node:module';
import type { IShardingStrategy, WebSocketManager, WebSocketShard } from '@discordjs/ws';
import { WebSocket } from 'ws';
import { paceWebSocket } from './read-pacing.js';

// The CommonJS build, the one discord.js itself requires: an ESM import would load a second copy of
// @discordjs/ws and its dependencies (≈2 MiB of idle RSS, bench/idle-memory).
const { SimpleShardingStrategy } = createRequire(import.meta.url)('@discordjs/ws') as typeof import('@discordjs/ws');

interface ShardInternals {
  internalConnect(): Promise<void>;
  connection: WebSocket | null;
}

export class RetirableStrategy extends SimpleShardingStrategy implements IShardingStrategy {
  private readonly sockets = new Set<WebSocket>();
  private readonly retiredController = new AbortController();

  /** Aborted once the client is retired. */
  get retired(): AbortSignal {
    return this.retiredController.signal;
  }

  override async spawn(shardIds: number[]): Promise<void> {
    if (this.retired.aborted) throw new Error('This Discord client was retired.');
    await super.spawn(shardIds);
    const shards = (this as unknown as { shards: Map<number, WebSocketShard> }).shards;
    for (const shard of shards.values()) this.guard(shard as unknown as ShardInternals);
  }

  override async connect(): Promise<void> {
    if (this.retired.aborted) throw new Error('This Discord client was retired.');
    // A shard waits for READY with no way out: retired mid-login, client.login() would never settle.
    let onRetired = () => undefined as void;
    const retired = new Promise<never>((_, reject) => {
      onRetired = () => reject(this.retired.reason as Error);
      this.retired.addEventListener('abort', onRetired, { once: true });
    });
    try {
      await Promise.race([super.connect(), retired]);
    } finally {
      this.retired.removeEventListener('abort', onRetired);
    }
  }

  /** From now on no shard connects again. Returns the sockets not yet closed. */
  retire(): WebSocket[] {
    this.retiredController.abort(new Error('This Discord client was retired.'));
    return this.openSockets();
  }

  openSockets(): WebSocket[] {
    return [...this.sockets].filter((s) => s.readyState !== WebSocket.CLOSED);
  }

  private guard(shard: ShardInternals): void {
    const connect = shard.internalConnect.bind(shard);
    // The reconnect scheduled by destroy({ recover }) lands here: refuse it once retired.
    shard.internalConnect = async () => {
      if (!this.retired.aborted) return connect();
    };
    let current = shard.connection;
    Object.defineProperty(shard, 'connection', {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (socket: WebSocket | null) => {
        current = socket;
        if (!socket) return;
        this.sockets.add(socket);
        // destroy() clears the shard's own handlers; an error after that must not crash the process.
        socket.on('error', () => undefined);
        socket.once('close', () => this.sockets.delete(socket));
        paceWebSocket(socket);
        if (this.retired.aborted) socket.terminate();
      },
    });
  }
}

/** Resolves once the socket has emitted 'close' (immediately if it already has). */
export function closed(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => socket.once('close', () => resolve()));
}

export function retirableStrategy(onCreate: (s: RetirableStrategy) => void): (manager: WebSocketManager) => IShardingStrategy {
  return (manager) => {
    const strategy = new RetirableStrategy(manager);
    onCreate(strategy);
    return strategy;
  };
}
