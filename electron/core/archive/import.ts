// Reads a JSON export back (a backup restored into a store, or checked by tests): validated against
// the documented schema, so a file from elsewhere is refused with the reason instead of half-read.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ChatMessage } from '../../../shared/types.js';
import { EXPORT_SCHEMA } from './formats/json.js';

const attachment = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  size: z.number(),
  contentType: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});

// Fields added to ChatMessage later (embeds, reactions…) pass through untouched.
const message = z.looseObject({
  id: z.string().regex(/^\d{1,20}$/),
  channelId: z.string(),
  author: z.looseObject({ id: z.string(), username: z.string(), displayName: z.string(), avatarUrl: z.string().nullable(), bot: z.boolean() }),
  content: z.string(),
  createdAt: z.number(),
  editedAt: z.number().nullable(),
  deleted: z.boolean(),
  attachments: z.array(attachment),
  caughtUp: z.boolean(),
});

export const exportFile = z.object({
  schema: z.literal(EXPORT_SCHEMA),
  version: z.literal(1),
  exportedAt: z.string(),
  guild: z.object({ id: z.string(), name: z.string() }).nullable(),
  channel: z.object({ id: z.string(), name: z.string() }).nullable(),
  filter: z.record(z.string(), z.unknown()),
  messages: z.array(message),
  count: z.number().int().nonnegative(),
});
export type ExportFile = z.output<typeof exportFile>;

export function readJsonExport(file: string): ExportFile & { messages: ChatMessage[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file} is not a JSON export: ${(err as Error).message}`, { cause: err });
  }
  const parsed = exportFile.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} is not a Discord Monitor export: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  if (parsed.data.count !== parsed.data.messages.length) throw new Error(`${file} is truncated: it says ${parsed.data.count} messages but holds ${parsed.data.messages.length}.`);
  return parsed.data as ExportFile & { messages: ChatMessage[] };
}
