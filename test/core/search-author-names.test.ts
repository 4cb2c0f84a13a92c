// from: and mentions: compare names with Unicode case and accents folded: SQLite's lower() and LIKE
// fold ASCII only, so `from:élodie` did not find "Élodie" (outside review).
import { describe, expect, it } from 'vitest';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { snowflakeAt } from '../../electron/core/messages/last-seen.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';

const CH = '1000000000000000001';
const ELODIE = { id: '300000000000000077', username: 'elo', displayName: 'Élodie', avatarUrl: null, bot: false };
const ZOE = { id: '300000000000000078', username: 'zoë_ßtraße', displayName: 'ZOË (admin)', avatarUrl: null, bot: false };
const ALICE = { id: '300000000000000001', username: 'alice', displayName: 'Ali', avatarUrl: null, bot: false };
let seq = 0;
function msg(content: string, author: ChatMessage['author']): ChatMessage {
  const at = Date.UTC(2026, 0, 2) + seq * 60_000;
  return { id: (BigInt(snowflakeAt(at)) + BigInt(seq++)).toString(), channelId: CH, author, content, createdAt: at, editedAt: null, deleted: false, attachments: [], caughtUp: false };
}

describe('author names in any case and accents', () => {
  const store = new MessageStore(':memory:');
  store.addMany([msg('bonjour', ELODIE), msg('salut <@300000000000000077>', ZOE), msg('hello', ALICE)]);
  const s = new MessageSearch(store, new FtsIndexer(store.database));
  const find = (query: string) => {
    const r = s.search(CH, { query });
    expect(r.problems, query).toEqual([]);
    return r.messages.map((m) => m.content);
  };

  it('from: finds Élodie typed élodie, ÉLODIE or elodie, and by the start of her name', () => {
    for (const name of ['Élodie', 'élodie', 'ÉLODIE', 'elodie', 'élo', 'ELOD']) expect(find(`from:${name}`), name).toEqual(['bonjour']);
  });

  it('a server name with accents and its own capitals, by its start; mentions: alike', () => {
    expect(find('from:zoe')).toEqual(['salut <@300000000000000077>']);
    expect(find('from:"zoë (ADMIN)"')).toEqual(['salut <@300000000000000077>']);
    expect(find('mentions:elodie')).toEqual(['salut <@300000000000000077>']);
    expect(find('from:@alice')).toEqual(['hello']);
  });

  // Case folding, not lower-casing: JS lower-cases a Σ ending a word to ς (so from:ΟΔΥΣ was "οδυς", the
  // start of no "οδυσσευς"), and ß stays ß where its capital is SS.
  it('Greek names typed in capitals by their start, and ß as SS', () => {
    const store2 = new MessageStore(':memory:');
    const ODYSSEAS = { id: '300000000000000090', username: 'odysseas', displayName: 'Οδυσσέας', avatarUrl: null, bot: false };
    const STRASSE = { id: '300000000000000091', username: 'strasse', displayName: 'Jürgen Straße', avatarUrl: null, bot: false };
    store2.addMany([msg('γεια', ODYSSEAS), msg('moin', STRASSE)]);
    const s2 = new MessageSearch(store2, new FtsIndexer(store2.database));
    const find2 = (query: string) => s2.search(CH, { query }).messages.map((m) => m.content);
    for (const name of ['ΟΔΥΣ', 'οδυσ', 'ΟΔΥΣΣΕΑΣ', 'οδυσσεας', 'Οδυσσέας']) expect(find2(`from:${name}`), name).toEqual(['γεια']);
    for (const name of ['"JÜRGEN STRASSE"', '"jurgen strasse"', '"Jürgen Straße"']) expect(find2(`from:${name}`), name).toEqual(['moin']);
  });

  it('still says when nobody has that name', () => {
    expect(s.search(CH, { query: 'from:élodine' }).problems.map((p) => p.code)).toEqual(['nobody']);
    // Only accents: folded to nothing, which starts every name (it listed the first 25 authors' messages).
    for (const name of ['\u0301', '"\u0301\u0308"', '\u0308']) {
      expect(s.search(CH, { query: `from:${name}` }).problems.map((p) => p.code), name).toEqual(['nobody']);
      expect(s.search(CH, { query: `mentions:${name}` }).problems.map((p) => p.code), name).toEqual(['nobody']);
    }
  });
});
