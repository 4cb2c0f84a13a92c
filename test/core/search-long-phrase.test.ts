// A quoted phrase longer than the index takes at once (search-words.ts, PHRASE_WORDS) is still a phrase:
// every word, in order, punctuation between them ignored as the index ignores it.
import { describe, expect, it } from 'vitest';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import { PHRASE_WORDS } from '../../electron/core/messages/search-words.js';
import type { ChatMessage } from '../../shared/types.js';
import { CHANNEL, sampleMessage, storeWith } from '../helpers/archive-fixture.js';

const words = Array.from({ length: PHRASE_WORDS + 8 }, (_, i) => `w${i}`);
const CONTENTS = [
  `Pasted: ${words.join(', ')}! Done.`,
  `${words.slice(0, PHRASE_WORDS + 4).join(' ')} then something else`,
  `${words.slice(0, PHRASE_WORDS + 4).join(' ')} W${PHRASE_WORDS + 4} ${words.slice(PHRASE_WORDS + 5).join(' ')}`.replace(`w${PHRASE_WORDS + 5}`, 'Straße'),
];

describe('a phrase longer than the index takes at once', () => {
  const f = storeWith(CONTENTS.length, (i): ChatMessage => sampleMessage(i, CONTENTS[i]));
  const search = new MessageSearch(f.store, new FtsIndexer(f.store.database));
  const find = (query: string) => search.search(CHANNEL, { query }).messages.map((m) => CONTENTS.indexOf(m.content)).sort();

  it('finds the messages holding all its words in order, and only those', () => {
    expect(find(`"${words.join(' ')}"`)).toEqual([0]);
    expect(find(`"${words.slice(0, PHRASE_WORDS + 4).join(' ')}"`)).toEqual([0, 1, 2]);
    expect(find(`"${words.slice(2, PHRASE_WORDS + 6).join(' ')}"`)).toEqual([0]);
    expect(find(`"${[...words.slice(0, PHRASE_WORDS + 5), 'STRASSE'].join(' ')}"`)).toEqual([2]);
  });
});
