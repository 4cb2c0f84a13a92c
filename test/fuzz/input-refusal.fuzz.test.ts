// Command arguments as a fuzzing client sends them, through the dispatcher: a refusal by a schema never
// throws, its sentence and every field note render in English and in French (no key missing, no
// {{placeholder}} left; no schema English in the French), and no value the client sent is said back
// (names of unknown keys are, clipped).
import fc from 'fast-check';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../electron/core/dispatch.js';
import { commandNames, commands } from '../../shared/contract.js';
import { coreEn, renderText, type I18nText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';

const handlers = Object.fromEntries(
  Object.entries(commands).map(([ns, defs]) => [ns, Object.fromEntries(Object.keys(defs).map((m) => [m, async () => null]))]),
) as unknown as Handlers;
const dispatch = createDispatcher(handlers, pino({ level: 'silent' }));

// A space: a value of a zone name's shape may be named (an unknown zone), nothing else.
const MARK = 'Qz7 echo';
const FIELDS = [...Object.keys(coreEn).flatMap((k) => (k.startsWith('field.') ? [k.slice(6)] : [])), 'query', 'timeZone', 'tzOffsetMinutes', 'limit', 'before', 'after', 'from', 'to', 'channelId', 'id', 'ids', 'format', 'authorIds', 'includeDeleted', 'messageId', 'period', 'keep', 'topAuthors'];
const marked = fc.string({ unit: 'binary', maxLength: 30 }).map((s) => `${MARK}${s}`);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    marked,
    fc.constantFrom('', ' ', 'Europe/Paris', 'Mars/Olympus', 'UTC', '../etc', '\u0000', '1'.repeat(25), 'https://x', '12345678901234567'),
    fc.integer(),
    fc.double(),
    fc.bigInt().map(String),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 })), tie('v'), { maxKeys: 5 }),
  ),
})).v;
const arg = fc.oneof(value, fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 }), fc.constant(undefined));

const say = (text: I18nText) => [renderText(text, coreEn, { locale: 'en-US' }), renderText(text, coreFr, { locale: 'fr' })];

describe('input refusals under fuzzed arguments', () => {
  it('render in both languages and never say a value back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commandNames), arg, async (command, input) => {
        const reply = await dispatch(command, input);
        if (reply.ok || reply.error.code !== 'invalid-input') return;
        const { error } = reply;
        const texts = [error.message, ...Object.values(error.fields ?? {})];
        for (const t of [error.i18n!, ...Object.values(error.fieldsI18n ?? {})]) {
          for (const s of say(t)) {
            expect(s, JSON.stringify(t)).not.toBeNull();
            expect(s).not.toMatch(/\{\{/);
            texts.push(s!);
          }
        }
        for (const t of texts) expect(t).not.toContain(MARK);
        // The French sentence has no schema English left in it (zod's type names aside: "attendu : string").
        expect(say(error.i18n!)[1]).not.toMatch(/\b(must|is not|may only|sticker ID|and \d+ more|Invalid|Too (big|small))\b/);
      }),
      { numRuns: 3000 },
    );
  });
});
