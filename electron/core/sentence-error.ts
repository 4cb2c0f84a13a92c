// An error whose message is a sentence for the user: it carries the key and parameters beside the
// English, so whoever shows it (an update step, a run's closing sentence) can say it in the panel's language.
import type { CoreSentence } from '../../shared/core-text.js';

export class SentenceError extends Error {
  constructor(readonly sentence: CoreSentence) {
    super(sentence.text);
    this.name = 'SentenceError';
  }
}
