// Wire format of the headless WebSocket bridge (the same contract as Electron IPC).
import { z } from 'zod';
import type { Envelope } from './api.js';

export const WS_PATH = '/api';

/**
 * `GET /api/auth` with `Authorization: Bearer <access token>`: 204 when the token is right,
 * 401 with `{ error }` otherwise. Lets the page tell "wrong token" from "server down".
 */
export const AUTH_PATH = '/api/auth';

/** Close codes the server uses (RFC 6455 §7.4.1). */
export const CLOSE = {
  protocolError: 1002,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policy: 1008,
  tooBig: 1009,
  /** The app is handing over to its new version on the same port: reconnect and re-send what got no reply. */
  serviceRestart: 1012,
} as const;

export const clientFrame = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  command: z.string().max(100),
  arg: z.unknown().optional(),
});
export type ClientFrame = z.infer<typeof clientFrame>;

export type EventFrame = { type: 'event'; event: string; payload: unknown };

/**
 * `hello`: the server's first message; `ack: true` asks the page to acknowledge every message it reads
 * (live-flow.ts). `batch`: the events of one server turn (a burst) in one WebSocket message, oldest first.
 */
export type ServerFrame = { type: 'hello'; ack: boolean } | { type: 'reply'; id: number; reply: Envelope } | EventFrame | { type: 'batch'; frames: EventFrame[] };

export const HELLO_TEXT = JSON.stringify({ type: 'hello', ack: true } satisfies ServerFrame);

/** The page's acknowledgement of one server message it has read: that message's length (String.length). */
export const ackText = (chars: number): string => `{"type":"ack","chars":${chars}}`;

// Exactly what ackText writes: no JSON.parse (and no zod) for the most frequent client frame.
const ACK = /^\{"type":"ack","chars":(0|[1-9][0-9]{0,9})\}$/;

/** The length an ack frame acknowledges, or null when `text` is not an ack. */
export function parseAck(text: string): number | null {
  const m = ACK.exec(text);
  return m ? Number(m[1]) : null;
}
