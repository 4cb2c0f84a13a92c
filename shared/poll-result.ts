// The "poll_result" embed of a POLL_RESULT message (type 46): Discord carries the outcome as named
// fields (docs/resources/message.mdx, "Poll Result Embed Fields"), which its client draws as a card.
import type { ChatEmbed } from './types.js';

export interface PollOutcome {
  question: string;
  total: number;
  /** Null when nobody won (no votes, or a tie, where Discord sends no victor fields). */
  winner: { text: string; emoji: string | null; votes: number } | null;
}

export function pollOutcome(embeds: ChatEmbed[] | undefined): PollOutcome | null {
  const e = embeds?.find((x) => x.type === 'poll_result');
  if (!e) return null;
  const field = new Map(e.fields.map((f) => [f.name, f.value]));
  const num = (name: string) => {
    const n = Number(field.get(name));
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  };
  const text = field.get('victor_answer_text') ?? '';
  const emoji = field.get('victor_answer_emoji_name') || null;
  const votes = num('victor_answer_votes');
  return {
    question: field.get('poll_question_text') ?? '',
    total: num('total_votes'),
    winner: (text || emoji) && votes > 0 ? { text, emoji, votes } : null,
  };
}
