// Wire format of the headless WebSocket bridge (the same contract as Electron IPC).
import { z } from 'zod';
import type { Envelope } from './api.js';

export const WS_PATH = '/api';

export const clientFrame = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  command: z.string().max(100),
  arg: z.unknown().optional(),
});
export type ClientFrame = z.infer<typeof clientFrame>;

export type ServerFrame =
  | { type: 'reply'; id: number; reply: Envelope }
  | { type: 'event'; event: string; payload: unknown };
