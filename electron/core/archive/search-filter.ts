// "Filtered like search": the search box's language (shared/search-query.ts, the history search's
// parser) applied to each exported message. Dates are UTC days, as the export's times are.
import { parseSearch } from '../../../shared/search-query.js';
import type { ChatMessage } from '../../../shared/types.js';

const DAY = 86_400_000;
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`);
const LINK = /https?:\/\/\S/i;

export interface CompiledSearch {
  match: (m: ChatMessage) => boolean;
  after: number | undefined;
  before: number | undefined;
  problems: string[];
}

/** `resolve` turns a name (alice, @Alice) into the user ids stored under it. */
export function compileSearch(text: string, resolve: (name: string) => string[]): CompiledSearch {
  const q = parseSearch(text);
  const problems = q.problems.map((p) => p.message);
  const ids = (values: string[], what: string) =>
    values.map((v) => {
      const name = v.replace(/^@/, '');
      const found = /^\d{17,20}$/.test(name) ? [name] : resolve(name);
      if (found.length === 0) problems.push(`${what}:${v} matches no stored author; use their name as shown or their user ID.`);
      return new Set(found);
    });
  const from = ids(q.from, 'from');
  const mentions = ids(q.mentions, 'mentions');
  const words = [...q.words, ...q.phrases].map((w) => w.toLowerCase());
  let after = q.after ? dayStart(q.after) + DAY : undefined;
  let before = q.before ? dayStart(q.before) : undefined;
  if (q.during) {
    after = Math.max(after ?? 0, dayStart(q.during));
    before = Math.min(before ?? Infinity, dayStart(q.during) + DAY);
  }
  const match = (m: ChatMessage): boolean => {
    const content = m.content.toLowerCase();
    if (!words.every((w) => content.includes(w))) return false;
    if (from.length && !from.some((set) => set.has(m.author.id))) return false;
    if (mentions.length && !mentions.every((set) => [...set].some((id) => m.content.includes(`<@${id}>`) || m.content.includes(`<@!${id}>`)))) return false;
    for (const h of q.has) {
      const ok = h === 'link' ? LINK.test(m.content) : h === 'embed' ? (m.view?.embeds.length ?? 0) > 0 : h === 'file' ? m.attachments.length > 0 : m.attachments.some((a) => a.contentType?.startsWith('image/'));
      if (!ok) return false;
    }
    return true;
  };
  return { match, after, before, problems };
}
