// The WebSocket bridge's connection events, driven by hand.
import { act } from '@testing-library/react';
import type { ConnectionState } from '../../renderer/src/bridge';

export class FakeTransport {
  private listeners = new Set<(s: ConnectionState) => void>();
  onConnectionChange(listener: (s: ConnectionState) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  set(state: ConnectionState) {
    act(() => this.listeners.forEach((l) => l(state)));
  }
}
