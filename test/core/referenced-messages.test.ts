// The bounded memory of originals that replies carried (referenced_message): outside input, so any
// JSON value is taken without throwing and gives either nothing or a quote made only of strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReferencedMessages, REFERENCED_CAP } from '../../electron/core/bot/referenced-messages.js';
import { replyQuote } from '../../electron/core/bot/message-view.js';

// docs/resources/message, Example Message: the original as a reply's referenced_message carries it.
const EXAMPLE = {
  id: '334385199974967042',
  type: 0,
  channel_id: '290926798999357250',
  author: { username: 'Mason', discriminator: '9999', id: '53908099506183680', avatar: 'a_bab14f271d565501444b2ca3be944b25' },
  content: 'Supa Hot',
  timestamp: '2017-07-11T17:27:07.299000+00:00',
  edited_timestamp: null,
  tts: false,
  mention_everyone: false,
  mentions: [],
  mention_roles: [],
  attachments: [],
  embeds: [],
  pinned: false,
};
const replyData = (referenced: unknown, id = EXAMPLE.id) => ({ type: 19, message_reference: { type: 0, message_id: id, channel_id: EXAMPLE.channel_id }, referenced_message: referenced });
const quoteOf = (mem: ReferencedMessages, id: string) => {
  const m = mem.get(id);
  return m ? replyQuote(m) : undefined;
};

describe('ReferencedMessages', () => {
  it("quotes the docs' example message: name by nick, else global_name, else username; files when there is no text", () => {
    const mem = new ReferencedMessages();
    mem.seen(replyData(EXAMPLE));
    expect(quoteOf(mem, EXAMPLE.id)).toEqual({ author: 'Mason', excerpt: 'Supa Hot' });
    mem.seen(replyData({ ...EXAMPLE, author: { ...EXAMPLE.author, global_name: 'Mason G' } }));
    expect(quoteOf(mem, EXAMPLE.id)?.author).toBe('Mason G');
    mem.seen(replyData({ ...EXAMPLE, author: { ...EXAMPLE.author, global_name: 'Mason G' }, member: { nick: 'Big M' } }));
    expect(quoteOf(mem, EXAMPLE.id)?.author).toBe('Big M');
    mem.seen(replyData({ ...EXAMPLE, content: '', attachments: [{ id: '1', filename: 'a.png' }, { id: 2, filename: 7 }, { id: '3', filename: 'b.txt' }] }));
    expect(quoteOf(mem, EXAMPLE.id)).toEqual({ author: 'Mason', excerpt: 'a.png, b.txt' });
    mem.seen(replyData({ ...EXAMPLE, content: `  ${'word '.repeat(100)}` }));
    expect(quoteOf(mem, EXAMPLE.id)?.excerpt).toHaveLength(200);
  });

  it('a null referenced_message (the original was deleted) forgets what an earlier reply carried', () => {
    const mem = new ReferencedMessages();
    mem.seen(replyData(EXAMPLE));
    mem.seen(replyData(null));
    expect(mem.get(EXAMPLE.id)).toBeUndefined();
  });

  it('ignores malformed originals: no id, no username, content not a string', () => {
    const mem = new ReferencedMessages();
    for (const bad of [{ ...EXAMPLE, id: 42 }, { ...EXAMPLE, id: '../x' }, { ...EXAMPLE, author: { id: '1' } }, { ...EXAMPLE, author: 'Mason' }, { ...EXAMPLE, content: 5 }, [EXAMPLE], 'x']) mem.seen(replyData(bad));
    expect(mem.size).toBe(0);
  });

  it(`stays bounded: at most ${REFERENCED_CAP} originals, the oldest dropped first, one seen again kept as newest`, () => {
    const mem = new ReferencedMessages();
    const id = (i: number) => String(100_000_000_000_000_000n + BigInt(i));
    for (let i = 0; i < REFERENCED_CAP; i++) mem.seen(replyData({ ...EXAMPLE, id: id(i), content: `m${i}` }));
    mem.seen(replyData({ ...EXAMPLE, id: id(0), content: 'm0 again' }));
    for (let i = REFERENCED_CAP; i < REFERENCED_CAP + 10; i++) mem.seen(replyData({ ...EXAMPLE, id: id(i), content: `m${i}` }));
    expect(mem.size).toBe(REFERENCED_CAP);
    expect(quoteOf(mem, id(0))?.excerpt).toBe('m0 again');
    expect(mem.get(id(1))).toBeUndefined();
    expect(mem.get(id(10))).toBeUndefined();
    expect(quoteOf(mem, id(11))?.excerpt).toBe('m11');
    expect(quoteOf(mem, id(REFERENCED_CAP + 9))?.excerpt).toBe(`m${REFERENCED_CAP + 9}`);
  });

  it('any JSON value as referenced_message (or as the data around it) never throws and never gives a quote with a non-string field', () => {
    const nearValid = fc.record(
      {
        id: fc.oneof(fc.constant(EXAMPLE.id), fc.jsonValue()),
        author: fc.oneof(fc.record({ id: fc.jsonValue(), username: fc.jsonValue(), global_name: fc.jsonValue() }, { requiredKeys: [] }), fc.jsonValue()),
        member: fc.oneof(fc.record({ nick: fc.jsonValue() }, { requiredKeys: [] }), fc.jsonValue()),
        content: fc.jsonValue(),
        attachments: fc.oneof(fc.array(fc.oneof(fc.record({ filename: fc.jsonValue() }, { requiredKeys: [] }), fc.jsonValue()), { maxLength: 4 }), fc.jsonValue()),
        channel_id: fc.jsonValue(),
        timestamp: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearValid), fc.oneof(fc.jsonValue(), fc.constant(replyData(null))), (referenced, around) => {
        const mem = new ReferencedMessages();
        mem.seen(replyData(referenced));
        if (around !== null && typeof around === 'object' && !Array.isArray(around)) mem.seen(around as Record<string, unknown>);
        expect(mem.size).toBeLessThanOrEqual(2);
        for (const id of [EXAMPLE.id, typeof (referenced as { id?: unknown } | null)?.id === 'string' ? (referenced as { id: string }).id : '']) {
          const m = mem.get(id);
          if (!m) continue;
          const q = replyQuote(m);
          expect([typeof q.author, typeof q.excerpt, typeof m.id, typeof m.author.username]).toEqual(['string', 'string', 'string', 'string']);
          expect(m.attachments.every((a) => typeof a.name === 'string')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
