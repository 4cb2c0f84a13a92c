// A fake systemd NOTIFY_SOCKET: a unix datagram socket that records every message sent to it.
// Node has no unix datagram sockets, so a tiny python3 child binds it and prints each datagram as JSON.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const RECEIVER = `
import json, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print(json.dumps("bound"), flush=True)
while True:
    data = s.recv(65536)
    print(json.dumps(data.decode("utf-8", "replace")), flush=True)
`;

export interface NotifySocket {
  path: string;
  /** Every datagram received so far, as text (e.g. "MAINPID=123\\nREADY=1"). */
  messages: string[];
  waitFor(predicate: (messages: string[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function fakeNotifySocket(dir: string): Promise<NotifySocket> {
  const path = join(dir, 'notify.sock');
  const child = spawn('python3', ['-c', RECEIVER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const messages: string[] = [];
  const waiters = new Set<() => void>();
  let buffered = '';
  await new Promise<void>((resolve, reject) => {
    child.once('error', (err) => reject(new Error(`python3 is needed for the fake NOTIFY_SOCKET: ${err.message}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const text = JSON.parse(line) as string;
        if (text === 'bound') resolve();
        else messages.push(text);
      }
      waiters.forEach((w) => w());
    });
  });
  return {
    path,
    messages,
    waitFor: (predicate, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`notify socket: condition not met within ${timeoutMs} ms; got ${JSON.stringify(messages)}`)), timeoutMs);
        const check = () => {
          if (!predicate(messages)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
    close: () => void child.kill('SIGTERM'),
  };
}
