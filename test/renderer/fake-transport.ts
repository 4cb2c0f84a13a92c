// The WebSocket bridge's connection events, driven by hand, and its token check answered from fields.
import { act } from '@testing-library/react';
import type { ConnectionState } from '../../renderer/src/bridge';
import type { Access } from '../../renderer/src/lib/access-token';

export class FakeTransport {
  private listeners = new Set<(s: ConnectionState) => void>();
  /** The token `authorize` accepts. */
  accept = '';
  /** Answer `authorize` as if the server were down. */
  unreachable = false;
  readonly tried: string[] = [];

  onConnectionChange(listener: (s: ConnectionState) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  set(state: ConnectionState) {
    act(() => this.listeners.forEach((l) => l(state)));
  }
  async authorize(token: string): Promise<Access> {
    this.tried.push(token);
    if (this.unreachable) return 'unreachable';
    return this.accept !== '' && token === this.accept ? 'ok' : 'unauthorized';
  }
}
