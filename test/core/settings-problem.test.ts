// Why a settings.json is refused is said by key, so a French panel says it whole in French: whatever a
// hand-edited file holds, the reason renders in both languages with every placeholder filled, names the
// key at fault, and the French has none of the English rule words (zod's, V8's or ours).
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { problemOf } from '../../electron/core/settings/settings-problem.js';
import { DEFAULTS } from '../../electron/core/settings/schema.js';
import { checkSettings, parseObject } from '../../electron/core/settings/validated-store.js';
import { coreEn, renderText, type CoreSentence } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { KEYWORDS_MAX } from '../../shared/schemas.js';

const ENGLISH = /must|allowed|valid JSON|it holds|expected|Invalid|Too (small|big)|schema violation|a list|a string|a number|a boolean/;

/** Why `text` is refused as settings, or null when it is valid. */
function refusal(text: string): CoreSentence | null {
  const parsed = parseObject(text);
  if ('problem' in parsed) return parsed.problem;
  try {
    checkSettings(parsed.raw);
    return null;
  } catch (err) {
    return problemOf(err);
  }
}

const keys = Object.keys(DEFAULTS);
const edited = fc.oneof(
  fc.dictionary(fc.constantFrom(...keys), fc.jsonValue(), { minKeys: 1 }).map((values) => JSON.stringify({ ...DEFAULTS, ...values })),
  fc.record({ key: fc.constantFrom('highlightKeywords'), value: fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }) }).map(({ key, value }) => JSON.stringify({ [key]: value })),
  fc.json(),
  fc.string(),
);

it('any refused file: its reason renders whole in English and in French, names the key, and the French is not English', () => {
  fc.assert(
    fc.property(edited, (text) => {
      const why = refusal(text);
      if (!why) return;
      const en = renderText(why.i18n, coreEn, { locale: 'en-US' });
      const fr = renderText(why.i18n, coreFr, { locale: 'fr' });
      expect(en).toBe(why.text);
      for (const said of [en, fr]) expect(said).not.toMatch(/\{\{/);
      expect(fr).not.toMatch(ENGLISH);
      // A schema refusal names the keys at fault (never their values).
      if (why.text.includes('`')) for (const key of why.text.match(/`[^`]+`/g)!) expect(fr).toContain(key);
    }),
    { numRuns: 500 },
  );
});

it.each([
  ['{"checkIntervalMinutes": 0}', '`checkIntervalMinutes` must be at least 1', '`checkIntervalMinutes` doit valoir au moins 1'],
  ['{"checkIntervalMinutes": 1.5, "autoStartBot": "yes"}', '`autoStartBot` must be true or false; `checkIntervalMinutes` must be a whole number', '`autoStartBot` doit valoir true ou false ; `checkIntervalMinutes` doit être un nombre entier'],
  ['{"language": "de"}', '`language` must be one of "", "en", "fr"', '`language` doit valoir l’une de ces valeurs : "", "en", "fr"'],
  ['{"guildId": "12"}', '`guildId` must be empty or a Discord ID (17 to 20 digits)', '`guildId` doit être vide ou un ID Discord (17 à 20 chiffres)'],
  ['{"updateBranch": "' + 'x'.repeat(101) + '"}', '`updateBranch` must be at most 100 characters long', '`updateBranch` doit faire au plus 100 caractères'],
  ['{"backupKeep": 400, "backupDir": 5}', '`backupDir` must be text in quotes; `backupKeep` must be at most 365', '`backupDir` doit être un texte entre guillemets ; `backupKeep` doit valoir au plus 365'],
  ['{"apiUrl": "ftp://x"}', '`apiUrl` must be an http(s) URL without user, query or fragment', '`apiUrl` doit être une URL http(s) sans utilisateur, requête ni fragment'],
  ['{"highlightKeywords": ["a,b", ""]}', '`highlightKeywords.0` must not hold commas, control characters or line breaks; `highlightKeywords.1` must not be empty', '`highlightKeywords.0` ne doit contenir ni virgule, ni caractère de contrôle, ni saut de ligne ; `highlightKeywords.1` ne doit pas être vide'],
  ['{"highlightKeywords": "a"}', '`highlightKeywords` must be a list', '`highlightKeywords` doit être une liste'],
  [JSON.stringify({ highlightKeywords: Array.from({ length: KEYWORDS_MAX + 1 }, (_, i) => `k${i}`) }), `\`highlightKeywords\` must hold at most ${KEYWORDS_MAX} items`, `\`highlightKeywords\` doit contenir au plus ${KEYWORDS_MAX} éléments`],
  ['[1]', 'it holds a list, not an object of settings', 'il contient une liste et non un objet de paramètres'],
  ['null', 'it holds null, not an object of settings', 'il contient null et non un objet de paramètres'],
  ['"x"', 'it holds a string, not an object of settings', 'il contient une chaîne de caractères et non un objet de paramètres'],
  ['{"a": ', 'it is not valid JSON', 'ce n’est pas du JSON valide'],
  ['{"a" 1}', 'it is not valid JSON (at character 5)', 'ce n’est pas du JSON valide (au caractère 5)'],
])('%s is refused: %s', (text, en, fr) => {
  const why = refusal(text)!;
  expect(why.text).toBe(en);
  expect(renderText(why.i18n, coreFr, { locale: 'fr' })).toBe(fr);
});
