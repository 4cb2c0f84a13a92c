// A minimal client of the headless WebSocket bridge, as the panel uses it.
import WebSocket from 'ws';
import type { Envelope } from '../../shared/api.js';
import type { ServerFrame } from '../../shared/ws-protocol.js';
import { fromWire } from '../../shared/live-wire.js';

export interface PanelClient {
  invoke<T = unknown>(command: string, arg?: unknown): Promise<Envelope<T>>;
  onEvent(listener: (event: string, payload: unknown) => void): void;
  close(): void;
}

export function panelClient(panelUrl: string): Promise<PanelClient> {
  const url = new URL(panelUrl);
  const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`);
  let next = 1;
  const pending = new Map<number, (e: Envelope) => void>();
  const listeners: Array<(event: string, payload: unknown) => void> = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as ServerFrame;
    if (frame.type === 'hello') return;
    if (frame.type === 'reply') pending.get(frame.id)?.(frame.reply);
    // The events of one server turn come as one batch frame.
    // New messages come without their default fields, as the page's bridge gets them: made whole the same way.
    else for (const f of frame.type === 'batch' ? frame.frames : [frame]) listeners.forEach((l) => l(f.event, fromWire(f.event, f.payload)));
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        invoke: (command, arg) =>
          new Promise((res) => {
            const id = next++;
            pending.set(id, res as (e: Envelope) => void);
            ws.send(JSON.stringify({ type: 'invoke', id, command, arg }));
          }),
        onEvent: (l) => listeners.push(l),
        close: () => ws.close(),
      }),
    );
  });
}
