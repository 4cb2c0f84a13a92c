// The language of the server's own answers (421, a used download link, an unbuilt panel): the browser's
// Accept-Language, French when it prefers French, else English (the default, as the log is).
import type { IncomingMessage } from 'node:http';
import { renderText, type CoreSentence } from '../../../shared/core-text.js';
import { coreFr } from '../../../shared/core-text-fr.js';

export type AnswerLanguage = 'en' | 'fr';

/** RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ). */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** The most wanted language of the header (highest q, first on a tie): 'fr' for fr / fr-*, else 'en'. */
export function requestLanguage(req: Pick<IncomingMessage, 'headers'>): AnswerLanguage {
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return 'en';
  let best = { tag: '', q: 0 };
  for (const part of header.slice(0, 500).split(',')) {
    const [tag = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    // A malformed weight counts as 1 (RFC 9110 has no rule; browsers never send one). Malformed is judged
    // by the grammar, not Number(): that took "q=2" over every 1, "q=0x1" as hex and "q=" as 0.
    const weight = qParam !== undefined && QVALUE.test(qParam.slice(2)) ? Number(qParam.slice(2)) : 1;
    if (tag && weight > best.q) best = { tag, q: weight };
  }
  return best.tag === 'fr' || best.tag.startsWith('fr-') ? 'fr' : 'en';
}

/** The sentence in `language`: its English text, or the French catalogue's rendering. */
export function sayIn(language: AnswerLanguage, sentence: CoreSentence): string {
  return (language === 'fr' && renderText(sentence.i18n, coreFr, { locale: 'fr' })) || sentence.text;
}

/** The Content-Language header of an answer in `language`. */
export const contentLanguage = (language: AnswerLanguage) => ({ 'Content-Language': language });
