// unicode61 drops emoji (neither letters nor digits), so a search for 🎉 read every row's text. Each
// emoji codepoint of a row's text is indexed as a word of its "has" column ("em1f389"): a search for an
// emoji asks the index for its codepoints, then checks the rows found as before (search_has, as typed).
// A sequence (👍🏽, 👨‍👩‍👧, 🇫🇷, #️⃣) gives a word per codepoint it holds here; joiners and variation
// selectors are in nearly every sequence and narrow nothing, so they are left out.
import type Database from 'better-sqlite3';

/**
 * The codepoints indexed, as a pattern source: the write thread builds its own copy from it (its
 * script cannot import this module). Skin tones and flag letters are not pictographs; U+20E3 is the keycap.
 */
export const EMOJI_PATTERN = '[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\p{Emoji_Modifier}\\u20e3]';
const EMOJI = new RegExp(EMOJI_PATTERN, 'gu');

/** The index words of the emoji in `text`, each once. */
export function emojiWords(text: string): string[] {
  const seen = new Set<number>();
  for (const [c] of text.matchAll(EMOJI)) seen.add(c.codePointAt(0)!);
  return [...seen].map((cp) => `em${cp.toString(16)}`);
}

const ready = new WeakSet<Database.Database>();

/**
 * Registers emoji_words(text) on a connection that writes index rows (the store's, an export's
 * catch-up). Another program's connection has no such function: the edit trigger does not call it.
 */
export function withEmojiWords(db: Database.Database): void {
  if (ready.has(db)) return;
  db.function('emoji_words', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? emojiWords(text).join(' ') : ''));
  ready.add(db);
}
