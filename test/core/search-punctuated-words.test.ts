// Words that mix letters and punctuation (c++, node.js, e-mail, #general) were searched as their letters
// only: the index drops punctuation, so "c++" listed every message with the word "c", "#general" every
// "general", "node.js" every "node js". Discord users type them to find them; they now match as typed
// (case, accents, the apostrophe's two spellings and runs of spaces aside), at word boundaries as words
// are ("c++" is not in "abc++"), the index still narrowing.
import { describe, expect, it } from 'vitest';
import { ArchiveReader } from '../../electron/core/archive/reader.js';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import type { ChatMessage } from '../../shared/types.js';
import { CHANNEL, sampleMessage, storeWith } from '../helpers/archive-fixture.js';

const CONTENTS = [
  'I write C++ at work',
  'c is fine too',
  'c + + spaced out',
  'Node.js 24 is out',
  'node js without the dot',
  'send me an E-mail',
  'email me instead',
  'mail e-wise',
  'see #general for that',
  'general chat',
  'Don’t panic',
  'dont worry',
  'Café-crème  please',
  'abc++ is a made-up language',
];
const make = (i: number): ChatMessage => sampleMessage(i, CONTENTS[i]);

describe('words with punctuation', () => {
  const f = storeWith(CONTENTS.length, make);
  const search = new MessageSearch(f.store, new FtsIndexer(f.store.database));
  const find = (query: string) =>
    search
      .search(CHANNEL, { query, limit: 100 })
      .messages.map((m) => m.content)
      .sort();

  it.each([
    ['c++', ['I write C++ at work']],
    ['C++ work', ['I write C++ at work']],
    ['node.js', ['Node.js 24 is out']],
    ['e-mail', ['send me an E-mail']],
    ['#general', ['see #general for that']],
    ["don't", ['Don’t panic']],
    ['cafe-creme', ['Café-crème  please']],
    ['"café-crème please"', ['Café-crème  please']],
  ])('%s finds the messages that contain it', (query, want) => {
    expect(find(query)).toEqual(want);
  });

  it('words without punctuation are still whole words', () => {
    expect(find('general')).toEqual(['general chat', 'see #general for that']);
    expect(find('c')).toEqual(['I write C++ at work', 'c + + spaced out', 'c is fine too']);
  });

  it('an export filtered with the same text keeps the same messages', () => {
    const reader = new ArchiveReader(f.file);
    try {
      for (const query of ['c++', 'node.js', '#general', "don't"]) {
        const exported = [...reader.pages({ channelId: CHANNEL, query }, 3)].flatMap((p) => p.messages.map((m) => m.content)).sort();
        expect([query, exported]).toEqual([query, find(query)]);
      }
    } finally {
      reader.close();
    }
  });
});
