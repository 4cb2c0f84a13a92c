// Emoji and punctuation have no FTS token: a search for 🎉, :) or ??? listed every message, and next to
// a filter (🎉 from:alice) the term was dropped without a word (outside review). They match as typed.
import { describe, expect, it } from 'vitest';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { snowflakeAt } from '../../electron/core/messages/last-seen.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';

const CH = '1000000000000000001';
const ALICE = { id: '300000000000000001', username: 'alice', displayName: 'Ali', avatarUrl: null, bot: false };
const BOB = { id: '300000000000000002', username: 'bob', displayName: 'Bobby', avatarUrl: null, bot: false };
let seq = 0;
function msg(content: string, author = ALICE): ChatMessage {
  const at = Date.UTC(2026, 0, 1) + seq * 60_000;
  const id = (BigInt(snowflakeAt(at)) + BigInt(seq++)).toString();
  return { id, channelId: CH, author, content, createdAt: at, editedAt: null, deleted: false, attachments: [], caughtUp: false };
}

describe('search for emoji and punctuation', () => {
  const store = new MessageStore(':memory:');
  store.addMany([
    msg('plain morning message'),
    msg('release shipped 🎉'),
    msg('party 🎉 tonight', BOB),
    msg('thanks :)'),
    msg('what??? really'),
    msg('a quote with "—" and a backslash \\ in it'),
    msg('question?'),
  ]);
  const s = new MessageSearch(store, new FtsIndexer(store.database));
  const find = (query: string) => s.search(CH, { query }).messages.map((m) => m.content);

  it('lists only the messages that contain the term', () => {
    expect(find('🎉')).toEqual(['party 🎉 tonight', 'release shipped 🎉']);
    expect(find(':)')).toEqual(['thanks :)']);
    expect(find('???')).toEqual(['what??? really']);
    expect(find('"—"')).toEqual(['a quote with "—" and a backslash \\ in it']);
    expect(find('\\')).toEqual(['a quote with "—" and a backslash \\ in it']);
    expect(find('"\\"')).toEqual(['a quote with "—" and a backslash \\ in it']);
    expect(find('!!!')).toEqual([]);
  });

  it('is not dropped next to a filter or a word', () => {
    expect(find('🎉 from:alice')).toEqual(['release shipped 🎉']);
    expect(find('🎉 tonight')).toEqual(['party 🎉 tonight']);
    expect(find('🎉 morning')).toEqual([]);
  });

  it('is given back for highlighting, as words are', () => {
    expect(s.search(CH, { query: '🎉 party' }).terms).toEqual(['🎉', 'party']);
  });

  it('finds the words of layout components too, as words are found there', () => {
    const m = { ...msg(''), view: { type: 0, mentions: { users: [], roles: [], channels: [], everyone: false }, embeds: [], stickers: [], reactions: [], emojis: [], mentionsOwner: false, components: [{ type: 10, content: 'deploy done ✅' }] } } as unknown as ChatMessage;
    store.add(m);
    expect(s.search(CH, { query: '✅' }).messages.map((x) => x.id)).toEqual([m.id]);
  });
});
