// Emoji searches narrowed by the index give what the row-by-row reading gave, at every point of a
// store's upgrade: before the emoji words' redo, at any point of it (with edits queued meanwhile), after.
// References: the plan as it was (the index without emoji words, the text deciding), and for emoji-only
// queries the plain definition (every term in the text, as typed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redoStep } from '../../electron/core/messages/emoji-redo.js';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { planSearch } from '../../electron/core/messages/search-plan.js';
import { planRows } from '../../electron/core/messages/search-rows.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { UTC } from '../../electron/core/messages/time-zone.js';
import type { ChatMessage } from '../../shared/types.js';
import { writeLayout3Store } from '../helpers/layout3-store.js';
import { CHANNEL, chatMessage } from '../helpers/store-fixtures.js';

const EMOJI = ['🎉', '👍', '👍🏽', '👍🏿', '🏽', '👨‍👩‍👧', '👨', '👩', '\u200d', '🇫🇷', '🇪🇸', '🇫', '#️⃣', '1️⃣', '⃣', '❤️', '❤', '\ufe0f', '©', '™', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '✅', ':)', '…'];
const WORDS = ['party', 'deploy', 'ok', 'café', 'c++'];
const piece = fc.constantFrom(...EMOJI, ...WORDS);
const text = fc.array(fc.tuple(piece, fc.constantFrom('', ' ', 'x')), { maxLength: 6 }).map((ps) => ps.map(([p, sep]) => p + sep).join(''));
const message = fc.record({ content: text, component: fc.option(text, { freq: 4 }), other: fc.boolean() });
const term = fc.oneof(piece, fc.tuple(piece, piece).map(([a, b]) => a + b));
const query = fc.array(term, { minLength: 1, maxLength: 3 }).map((ts) => ts.join(' '));

function chat(i: number, m: { content: string; component: string | null; other: boolean }): ChatMessage {
  const view = m.component === null ? {} : { view: { embeds: [], components: [{ type: 10, content: m.component }] } };
  return { ...chatMessage(i, { content: m.content }), ...(m.other ? { channelId: '1000000000000000002' } : {}), ...view } as ChatMessage;
}
const textOf = (m: ChatMessage) => m.content + ((m as { view?: { components?: Array<{ content: string }> } }).view?.components?.map((c) => `\n${c.content}`).join('') ?? '');

describe('emoji search during the store’s upgrade', () => {
  it('gives the row-by-row results before, during and after the redo', () => {
    const run = fc.property(
      fc.array(message, { minLength: 1, maxLength: 40 }),
      fc.array(query, { minLength: 1, maxLength: 6 }),
      fc.nat(50),
      fc.integer({ min: 1, max: 7 }),
      fc.array(fc.tuple(fc.nat(), text), { maxLength: 4 }),
      (specs, queries, steps, chunk, edits) => {
        const dir = mkdtempSync(join(tmpdir(), 'dm-emoji-fuzz-'));
        const file = join(dir, 'messages.sqlite');
        try {
          const messages = specs.map((m, i) => chat(i * 3, m));
          writeLayout3Store(file, messages.slice(0, Math.ceil(messages.length / 2)));
          const store = new MessageStore(file);
          try {
            // The rest arrives after the upgrade, indexed with their words.
            store.addMany(messages.slice(Math.ceil(messages.length / 2)));
            const db = store.database;
            const indexer = new FtsIndexer(db);
            indexer.catchUp();
            const current = new Map(messages.map((m) => [m.id, m]));
            const compare = (stage: string) => {
              indexer.catchUp();
              for (const q of queries) {
                const plan = planSearch(db, q, UTC);
                const today = { ...plan, match: plan.bare };
                for (const [order, limit] of [['DESC', -1], ['DESC', 3], ['ASC', -1], ['ASC', 2]] as const) {
                  const got = planRows(db, plan, CHANNEL, order, 'id')(0n, 9223372036854775807n, limit);
                  const want = planRows(db, today, CHANNEL, order, 'id')(0n, 9223372036854775807n, limit);
                  expect(got, `${stage}: ${q} ${order} ${limit}`).toEqual(want);
                }
                const terms = plan.terms;
                if (plan.problems.length === 0 && terms.every((t) => !/[\p{L}\p{N}]/u.test(t))) {
                  const want = [...current.values()].filter((m) => m.channelId === CHANNEL && terms.every((t) => textOf(m).includes(t))).map((m) => m.id).sort((a, b) => (BigInt(a) < BigInt(b) ? 1 : -1));
                  expect(planRows(db, plan, CHANNEL, 'DESC', 'id')(0n, 9223372036854775807n, -1), `${stage}: ${q}`).toEqual(want);
                }
              }
            };
            compare('before');
            const step = redoStep(db, chunk);
            for (let i = 0; i < steps && step() > 0; i++);
            for (const [n, content] of edits) {
              const m = messages[n % messages.length]!;
              current.set(m.id, { ...current.get(m.id)!, content });
              store.update(m.id, { content });
            }
            compare('during');
            while (step() > 0);
            compare('after');
            expect(db.prepare('SELECT emoji_below AS b, (SELECT count(*) FROM fts_emoji_pending) AS q FROM fts_progress').get()).toEqual({ b: 0, q: 0 });
          } finally {
            store.close();
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
    fc.assert(run, { numRuns: 120 });
  }, 120_000);
});
