// Review: an original remembered from a reply's referenced_message (outside input) keeps only what its
// quote needs. Fields the quote never reads (its channel, its author's id) must not be kept at whatever
// size they came: 1,000 entries of an odd or hostile payload would otherwise hold megabytes each.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { quoteSource, ReferencedMessages } from '../../electron/core/bot/referenced-messages.js';
import { replyQuote } from '../../electron/core/bot/message-view.js';

const big = 'x'.repeat(200_000);

it('a referenced message with huge unquoted fields is remembered in a few hundred characters, its quote unchanged', () => {
  const raw = { id: '334385199974967042', channel_id: big, content: `${big} tail`, author: { id: big, username: 'Mason' }, attachments: [{ filename: big }] };
  const kept = quoteSource(raw)!;
  expect(JSON.stringify(kept).length).toBeLessThan(1_000);
  // One unbroken run of token characters: cut, it could be part of a secret (test/core/redact-cut), so none of it is quoted.
  expect(replyQuote(kept)).toEqual({ author: 'Mason', excerpt: '…' });
});

it('whatever the unquoted fields hold, only the quote (author name, excerpt) and the id are kept', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.jsonValue(), fc.string(), (channelId, authorId, content) => {
      const mem = new ReferencedMessages();
      mem.seen({ referenced_message: { id: '1', channel_id: channelId, content, author: { id: authorId, username: 'u' } } });
      const kept = mem.get('1')!;
      expect(kept.channelId).toBe('');
      expect(kept.author.id).toBe('');
      expect(kept.author.username).toBe('');
      expect(replyQuote(kept).author).toBe('u');
    }),
  );
});

it('originals kept beyond the cap for waiting replies go again once those are handled, oldest first', () => {
  const mem = new ReferencedMessages(3);
  const seen = (id: string, waiting: number) => mem.seen({ referenced_message: { id, content: `q${id}`, author: { username: 'u' } } }, waiting);
  for (const id of ['1', '2', '3', '4', '5', '6']) seen(id, 6);
  expect(mem.size).toBe(6);
  seen('7', 0);
  expect(mem.size).toBe(3);
  expect(['5', '6', '7'].every((id) => mem.get(id))).toBe(true);
});
