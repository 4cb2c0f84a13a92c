// Flow control of live messages to a WebSocket panel (headless mode; Electron's IPC has no such
// link). A panel that falls behind is sent one notice for the new messages it was not sent, with the
// newest of them, instead of each one: the app never buffers a burst for a slow or busy panel.
import { z } from 'zod';
import type { ChatMessage } from './types.js';

/**
 * Characters a panel may have unacknowledged (sent, not yet confirmed read) before new messages are
 * counted instead of sent: about two frames of a burst (256 messages of ~540 characters each).
 */
export const PANEL_WINDOW_CHARS = 128 * 1024;

/** The newest skipped messages sent with the notice: a page following the present shows them at once. */
export const SKIPPED_NEWEST = 100;

/** `message.skipped`: `count` new messages, `firstId` to `lastId` in order, were not sent one by one; `newest` are the last of them. */
// Digits only: checked without the settings' BigInt range check (this is the server's own output).
const messageId = z.string().regex(/^[0-9]{1,20}$/);

export const messagesSkipped = z.object({
  count: z.number().int().positive(),
  firstId: messageId,
  lastId: messageId,
  newest: z.array(z.custom<ChatMessage>((m) => typeof m === 'object' && m !== null && typeof (m as { id?: unknown }).id === 'string')).max(SKIPPED_NEWEST),
});
export type MessagesSkipped = z.infer<typeof messagesSkipped>;
