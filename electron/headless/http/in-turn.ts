// HTTP/1.1 lets a client send many requests before reading any answer (pipelining), and Node hands
// them all over at once: each opened its file and buffered it behind the previous answers (2,000 on
// one connection held 2,000 files and ~300 MiB). Here a connection's requests are handled one at a
// time, after the previous answer is written; a few may wait, one more closes the connection.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

interface Line {
  busy: boolean;
  waiting: Array<() => void>;
}

const lines = new WeakMap<Socket, Line>();

/** Runs `handle` now, or once this connection's earlier answers are done; false: too many waited (the connection is closed). */
export function inTurn(req: IncomingMessage, res: ServerResponse, depth: number, handle: () => void): boolean {
  const socket = req.socket;
  let line = lines.get(socket);
  if (!line) lines.set(socket, (line = { busy: false, waiting: [] }));
  const run = (next: () => void) => {
    line.busy = true;
    // 'close': answered, or the connection is gone (then nothing more is handled on it).
    res.once('close', () => {
      line.busy = false;
      const queued = line.waiting.shift();
      if (queued && !socket.destroyed) queued();
      else line.waiting.length = 0;
    });
    next();
  };
  if (!line.busy) {
    run(handle);
    return true;
  }
  if (line.waiting.length >= depth) {
    line.waiting.length = 0;
    socket.destroy();
    return false;
  }
  line.waiting.push(() => run(handle));
  return true;
}
