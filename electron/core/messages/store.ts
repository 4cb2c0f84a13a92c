// Recent messages in memory, ordered by snowflake, deduplicated by id.
import type { ChatMessage } from '../../../shared/types.js';

export const snowflakeCompare = (a: string, b: string): number => {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

export class MessageStore {
  private byId = new Map<string, ChatMessage>();

  constructor(private readonly limit = 500) {}

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): ChatMessage | undefined {
    return this.byId.get(id);
  }

  add(message: ChatMessage): boolean {
    if (this.byId.has(message.id)) return false;
    this.byId.set(message.id, message);
    if (this.byId.size > this.limit) {
      const oldest = [...this.byId.keys()].sort(snowflakeCompare)[0]!;
      this.byId.delete(oldest);
    }
    return true;
  }

  update(id: string, changes: Partial<ChatMessage>): ChatMessage | undefined {
    const current = this.byId.get(id);
    if (!current) return undefined;
    const next = { ...current, ...changes };
    this.byId.set(id, next);
    return next;
  }

  /** Oldest first; the last `limit`. */
  list(limit = 200): ChatMessage[] {
    return [...this.byId.values()].sort((a, b) => snowflakeCompare(a.id, b.id)).slice(-limit);
  }
}
