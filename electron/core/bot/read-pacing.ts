// One read of the gateway socket per event-loop turn. libuv reads a busy socket up to 32 times
// (64 KiB each) in one turn and discord.js parses every frame of them before anything else runs: a
// burst stalled the event loop 40-170 ms a turn (panel, timers, our own sliced work all waiting).
// Paused after each read, the socket is read again on the next turn; the kernel holds the rest and
// TCP slows the sender, as it would for any slow reader.
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** Paces `socket`'s reads from now on: after each 'data', the next waits for a later turn. */
export function paceReads(socket: Socket): void {
  let waiting = false;
  const next = () => {
    waiting = false;
    if (!socket.destroyed) socket.resume();
  };
  socket.on('data', () => {
    // Paused already: by ws itself while its receiver is full (it resumes it once drained).
    if (waiting || socket.isPaused()) return;
    waiting = true;
    socket.pause();
    setImmediate(next);
  });
}

/** Paces the TCP socket under a ws WebSocket once it is open (ws sets it at the upgrade). */
export function paceWebSocket(ws: WebSocket): void {
  const tcp = () => (ws as unknown as { _socket: Socket | null })._socket;
  const current = tcp();
  if (current) return paceReads(current);
  ws.once('open', () => {
    const socket = tcp();
    if (socket) paceReads(socket);
  });
}
