// Accept-Language as any client may send it: whatever the bytes (garbage, 10 KB, q-values out of the
// grammar), the language is chosen without throwing, and for a list of tags it is the one with the
// highest weight, first on a tie, a weight outside RFC 9110's qvalue grammar counting as 1 as the parser
// says: "en, fr;q=2" answered French, "en;q=0.5, fr;q=0x1" too (Number() took 2 and hex).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestLanguage } from '../../electron/headless/http/language.js';

const lang = (header: unknown) => requestLanguage({ headers: { 'accept-language': header } } as never);

/** RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ). */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

describe('Accept-Language', () => {
  it('any header bytes, up to 10 KB, choose a language without throwing', () => {
    const bytes = fc.string({ unit: 'binary', maxLength: 10_240 });
    const latin1 = fc.uint8Array({ maxLength: 10_240 }).map((b) => Buffer.from(b).toString('latin1'));
    fc.assert(
      fc.property(fc.oneof(bytes, latin1), (header) => {
        expect(['en', 'fr']).toContain(lang(header));
      }),
      { numRuns: 300 },
    );
    for (const header of [undefined, '', ',', ';', 'q=1', '*', ';q=0.5', 'fr;q', 'fr;q=', `${'x-'.repeat(5000)},fr`]) expect(['en', 'fr']).toContain(lang(header));
  });

  it('a list of tags: the heaviest, first on a tie; a weight out of the grammar counts as 1', () => {
    const tag = fc.constantFrom('fr', 'fr-FR', 'FR-ca', 'en', 'en-US', 'de', '*', 'fr_FR', 'french');
    const weight = fc.oneof(fc.constant(undefined), fc.constantFrom('0', '0.5', '0.9', '1', '1.000', '0.001', '2', '10', '-1', '0x1', '1e0', 'abc', '', '.5', 'Infinity', '0.5000'));
    const entries = fc.array(fc.tuple(tag, weight), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(entries, (list) => {
        const header = list.map(([t, q]) => (q === undefined ? t : `${t};q=${q}`)).join(', ');
        let best = { tag: '', q: 0 };
        for (const [t, q] of list) {
          const w = q === undefined || !QVALUE.test(q) ? 1 : Number(q);
          if (w > best.q) best = { tag: t.toLowerCase(), q: w };
        }
        const want = best.tag === 'fr' || best.tag.startsWith('fr-') ? 'fr' : 'en';
        expect([header, lang(header)]).toEqual([header, want]);
      }),
      { numRuns: 2000 },
    );
  });
});
