// The compact wire form of a new message (shared/live-wire.ts): whatever the message holds (content
// made of the very patterns that are cut, quotes, backslashes, nested parts), the page gets back
// exactly the message the core had; a plain live message loses about a third of its characters.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { compactMessageJson, fullMessage, type WireMessage } from '../../shared/live-wire.js';
import type { ChatMessage, ChatMessageView } from '../../shared/types.js';

const PLAIN_VIEW = '"view":{"type":0,"mentions":{"users":[],"roles":[],"channels":[],"everyone":false},"embeds":[],"stickers":[],"reactions":[],"emojis":[],"mentionsOwner":false}';
const tricky = fc.oneof(
  fc.string(),
  fc.constantFrom(',"editedAt":null', ',"deleted":false,"attachments":[],"caughtUp":false', PLAIN_VIEW, '"}', '\\', '\\"', ',"caughtUp":false}'),
  fc.array(fc.constantFrom(',"editedAt":null', '"view":{', '\\', '"', ',', '}', 'x'), { maxLength: 8 }).map((a) => a.join('')),
);
const id = fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n }).map(String);
const attachment = fc.record({ id, name: tricky, url: fc.constant('https://cdn.discordapp.com/a.png'), size: fc.nat(), contentType: fc.constantFrom(null, 'image/png'), width: fc.constantFrom(null, 10), height: fc.constantFrom(null, 10) });
const mentions = fc.oneof(
  fc.constant({ users: [], roles: [], channels: [], everyone: false }),
  fc.record({ users: fc.array(fc.record({ id, name: tricky }), { maxLength: 2 }), roles: fc.constant([]), channels: fc.constant([]), everyone: fc.boolean() }),
);
// In the order the core builds it (message-view.ts), optional parts after mentionsOwner.
const view: fc.Arbitrary<ChatMessageView> = fc
  .tuple(
    fc.constantFrom(0, 0, 19, 7),
    mentions,
    fc.constantFrom([], [{ title: 'e' }]),
    fc.constantFrom([], [{ id: '1', name: 's', url: null }]),
    fc.constantFrom([], [{ emoji: '👍', count: 2 }]),
    fc.boolean(),
    fc.option(fc.record({ id, author: fc.option(tricky), excerpt: fc.option(tricky) }), { nil: undefined }),
    fc.option(fc.record({ content: tricky, attachments: fc.constantFrom([]), embeds: fc.constantFrom([]), createdAt: fc.nat() }), { nil: undefined }),
  )
  .map(([type, m, embeds, stickers, reactions, mentionsOwner, reply, forward]) => ({
    type,
    mentions: m,
    embeds,
    stickers,
    reactions,
    emojis: [],
    mentionsOwner,
    ...(reply && { reply }),
    ...(forward && { forward }),
  }) as unknown as ChatMessageView);
const message: fc.Arbitrary<ChatMessage> = fc
  .tuple(id, id, tricky, tricky, fc.nat(), fc.option(fc.nat(), { nil: null }), fc.boolean(), fc.array(attachment, { maxLength: 2 }), fc.boolean(), fc.option(view, { nil: undefined }))
  .map(([mid, channelId, content, name, createdAt, editedAt, deleted, attachments, caughtUp, v]) => ({
    id: mid,
    channelId,
    author: { id: '1', username: name, displayName: name, avatarUrl: null, bot: false },
    content,
    createdAt,
    editedAt,
    deleted,
    attachments,
    caughtUp,
    ...(v && { view: v }),
  }));

it('a message comes back whole from its compact form, whatever it holds', () => {
  fc.assert(
    fc.property(message, (m) => {
      const compact = compactMessageJson(JSON.stringify(m));
      expect(fullMessage(JSON.parse(compact) as WireMessage)).toEqual(m);
    }),
    { numRuns: 2000 },
  );
});

it('a plain live message loses its default fields: about a third of its characters', () => {
  const m: ChatMessage = {
    id: '1445678901234567890',
    channelId: '1445678901234567891',
    author: { id: '1445678901234567892', username: 'alice', displayName: 'Alice', avatarUrl: 'http://127.0.0.1:40000/cdn/avatars/1445678901234567892/a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4.png?size=64', bot: false },
    content: 'burst message 1234 with some ordinary words in it',
    createdAt: 1764620000000,
    editedAt: null,
    deleted: false,
    attachments: [],
    caughtUp: false,
    view: JSON.parse(`{${PLAIN_VIEW}}`).view as ChatMessageView,
  };
  const json = JSON.stringify(m);
  const compact = compactMessageJson(json);
  expect(compact).toBe(json.replace(`,"editedAt":null,"deleted":false,"attachments":[],"caughtUp":false,${PLAIN_VIEW}`, ',"view":{}'));
  expect(compact.length / json.length).toBeLessThan(0.7);
});
