// Originals that live replies carried as `referenced_message`, so a reply to a message the app never stored
// (older than its history, or read before a restart beyond retention) still quotes it. discord.js drops this
// object (no message cache), so it is taken from the raw packet. Outside input: anything malformed is ignored.
import type { ChatMessage } from '../../../shared/types.js';
import { replyQuote } from './message-view.js';

/** Originals remembered at most, beyond those of replies still waiting (a catch-up holds them); the oldest goes first. */
export const REFERENCED_CAP = 1_000;
const SNOWFLAKE = /^\d{1,20}$/;
/** Files named in a quote at most: Discord allows 10 per message. */
const MAX_FILES = 10;

/** The fields of a MESSAGE_CREATE/UPDATE's data read here (docs/resources/message, Message Structure). */
export interface ReplyData {
  message_reference?: unknown;
  referenced_message?: unknown;
}

type Raw = Record<string, unknown>;
const isRaw = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const text = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined);

export class ReferencedMessages {
  private readonly byId = new Map<string, ChatMessage>();

  constructor(private readonly cap = REFERENCED_CAP) {}

  get size(): number {
    return this.byId.size;
  }

  /**
   * A reply's data: its original remembered, or forgotten when Discord says it was deleted (null).
   * `waiting`: replies received but not yet handled (held by a catch-up): their originals are kept beyond the cap.
   */
  seen(d: ReplyData, waiting = 0): void {
    const raw = d.referenced_message;
    if (raw === null) {
      const ref = d.message_reference;
      if (isRaw(ref) && typeof ref.message_id === 'string') this.byId.delete(ref.message_id);
      return;
    }
    const original = quoteSource(raw);
    if (!original) return;
    // Seen again: newest again, so a much-replied-to message is the last to go.
    this.byId.delete(original.id);
    this.byId.set(original.id, original);
    while (this.byId.size > this.cap + waiting) this.byId.delete(this.byId.keys().next().value!);
  }

  get(id: string): ChatMessage | undefined {
    return this.byId.get(id);
  }
}

/**
 * A stand-in message holding only its quote (replyQuote of it gives the same quote again): the name as
 * the server shows it (member nick, else global_name, else username) and the excerpt, a few hundred
 * bytes instead of the whole original. Null when the shape is not a message's.
 */
export function quoteSource(raw: unknown): ChatMessage | null {
  if (!isRaw(raw) || typeof raw.id !== 'string' || !SNOWFLAKE.test(raw.id)) return null;
  const author = raw.author;
  if (!isRaw(author) || typeof author.username !== 'string') return null;
  const content = raw.content ?? '';
  if (typeof content !== 'string') return null;
  const member = raw.member;
  const displayName = (isRaw(member) ? text(member.nick) : undefined) ?? text(author.global_name) ?? author.username;
  const files = Array.isArray(raw.attachments) ? raw.attachments.slice(0, MAX_FILES) : [];
  const names = content === '' ? files.flatMap((a) => (isRaw(a) && typeof a.filename === 'string' ? [a.filename] : [])) : [];
  const createdAt = typeof raw.timestamp === 'string' ? Date.parse(raw.timestamp) : NaN;
  const m: ChatMessage = {
    id: raw.id,
    // Only the quote is read from a stand-in: unquoted outside strings are not kept (any size, 1,000 entries).
    channelId: '',
    author: { id: '', username: '', displayName, avatarUrl: null, bot: author.bot === true },
    content,
    createdAt: Number.isFinite(createdAt) ? createdAt : 0,
    editedAt: null,
    deleted: false,
    attachments: names.map((name) => ({ id: '', name, url: '', size: 0, contentType: null, width: null, height: null })),
    caughtUp: false,
  };
  // The same wording rules as a stored original's quote; then only the excerpt is kept.
  m.content = replyQuote(m).excerpt;
  m.attachments = [];
  return m;
}
