// A reply's quote keeps the names Discord sent with its original for the mentions its excerpt shows:
// the reply's own mentions do not hold them, so the panel and the export showed `@<id>` or "deleted-role".
import { describe, expect, it } from 'vitest';
import { replyQuote } from '../../electron/core/bot/message-view.js';
import type { ChatMessage } from '../../shared/types.js';
import { sampleMessage } from '../helpers/archive-fixture.js';

const ROLE = '1578255161791348742';
const original = (content: string): ChatMessage => ({
  ...sampleMessage(0, content),
  view: {
    type: 0,
    mentions: { users: [{ id: '300000000000000002', name: 'Bob' }, { id: '300000000000000009', name: 'Zed' }], roles: [{ id: ROLE, name: 'admins', color: 0xff0000 }], channels: [{ id: '200000000000000009', name: 'firewall' }], everyone: false },
    embeds: [],
    stickers: [],
    reactions: [],
    emojis: [],
    mentionsOwner: false,
  },
});

describe('replyQuote', () => {
  it('keeps the names of the mentions in its excerpt, and only those', () => {
    expect(replyQuote(original(`<@&${ROLE}> please review <#200000000000000009>, <@300000000000000002>`))).toEqual({
      author: 'Alice',
      excerpt: `<@&${ROLE}> please review <#200000000000000009>, <@300000000000000002>`,
      mentions: { users: [{ id: '300000000000000002', name: 'Bob' }], roles: [{ id: ROLE, name: 'admins', color: 0xff0000 }], channels: [{ id: '200000000000000009', name: 'firewall' }] },
    });
  });

  it('adds nothing when the excerpt mentions no one it has a name for', () => {
    expect(replyQuote(original('plain words'))).toEqual({ author: 'Alice', excerpt: 'plain words' });
    expect(replyQuote(sampleMessage(0, `<@&${ROLE}> hi`))).toEqual({ author: 'Alice', excerpt: `<@&${ROLE}> hi` });
  });
});
