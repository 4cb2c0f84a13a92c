// A live reply quotes its original even when the app never stored it, from the `referenced_message`
// Discord sends with the reply (docs/resources/message, Message Structure note [4]), with the real
// discord.js against the fake Discord. A stored original still wins; a null one (deleted) quotes nothing.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { ChatMessage } from '../../shared/types.js';
import { call } from '../helpers/core-calls.js';
import { coreEachWorld, nextEvent } from '../helpers/world.js';

const t = coreEachWorld({});
const HOUR = 3_600_000;

async function post(c: Core, content: string, extra?: Record<string, unknown>): Promise<ChatMessage> {
  const created = nextEvent(c, 'message.created', (m) => m.content === content);
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content, ...(extra ? { extra } : {}) });
  return created;
}

const replyTo = (id: string) => ({ type: 19, message_reference: { type: 0, message_id: id, channel_id: t.world.channelId, guild_id: t.world.guildId } });

/** Messages posted before the app was there: on Discord, never announced, so never stored. */
function unstored(items: Parameters<typeof t.world.fake.postPast>[1]) {
  return t.world.fake.postPast(t.world.channelId, items);
}

describe('reply quotes from referenced_message, live', { timeout: 40_000 }, () => {
  it("quotes an original the app never stored: its author's display name and its excerpt (else its files' names), also after the reply is edited", async () => {
    const bob = t.world.fake.addUser({ username: 'bob', globalName: 'Bobby' });
    const carol = t.world.fake.addUser({ username: 'carol' });
    const c = await t.connected();
    const [question, files] = unstored([
      { at: Date.now() - 2 * HOUR, authorId: bob.id, content: '  is the   backup\n running tonight?  ' },
      { at: Date.now() - HOUR, authorId: carol.id, content: '', attachments: [{ filename: 'ups.png', size: 10 }, { filename: 'log.txt', size: 5 }] },
    ]);
    const stored = await call<ChatMessage[]>(c, 'messages.list', { limit: 50 });
    expect(stored.map((m) => m.id)).not.toContain(question!.id);

    const reply = await post(c, 'yes', replyTo(question!.id));
    expect(reply.view?.reply).toEqual({ id: question!.id, author: 'Bobby', excerpt: 'is the backup running tonight?' });
    const toFiles = await post(c, 'thanks for the files', replyTo(files!.id));
    expect(toFiles.view?.reply).toEqual({ id: files!.id, author: 'carol', excerpt: 'ups.png, log.txt' });

    const updated = nextEvent(c, 'message.updated', (u) => u.id === reply.id);
    t.world.fake.editMessage(t.world.channelId, reply.id, 'yes, at 2am');
    expect((await updated).view?.reply).toEqual({ id: question!.id, author: 'Bobby', excerpt: 'is the backup running tonight?' });
    const listed = await call<ChatMessage[]>(c, 'messages.list', { limit: 50 });
    expect(listed.find((m) => m.id === reply.id)?.view?.reply).toEqual({ id: question!.id, author: 'Bobby', excerpt: 'is the backup running tonight?' });
  });

  // After a restart the memory is empty: the edit's own referenced_message (MESSAGE_UPDATE) keeps the quote.
  it('a reply edited after a restart keeps quoting its never-stored original', async () => {
    const c = await t.connected();
    const [question] = unstored([{ at: Date.now() - HOUR, authorId: t.world.userId, content: 'who has the key?' }]);
    const reply = await post(c, 'me', replyTo(question!.id));
    expect(reply.view?.reply).toEqual({ id: question!.id, author: 'Alice', excerpt: 'who has the key?' });
    await c.shutdown();
    const c2 = await t.connected();
    const updated = nextEvent(c2, 'message.updated', (u) => u.id === reply.id);
    t.world.fake.editMessage(t.world.channelId, reply.id, 'me, at the desk');
    expect(await updated).toMatchObject({ content: 'me, at the desk', view: { reply: { id: question!.id, author: 'Alice', excerpt: 'who has the key?' } } });
  });

  it('a stored original wins over the referenced one (its server nickname, which referenced_message does not carry)', async () => {
    t.world.fake.setNickname(t.world.guildId, t.world.userId, 'Ally');
    const c = await t.connected();
    const original = await post(c, 'the original');
    expect(original.author.displayName).toBe('Ally');
    const reply = await post(c, 'the reply', replyTo(original.id));
    expect(reply.view?.reply).toEqual({ id: original.id, author: 'Ally', excerpt: 'the original' });
  });

  it('a reply whose original was deleted (referenced_message null) quotes nothing, even if an earlier reply quoted it', async () => {
    const c = await t.connected();
    const [original] = unstored([{ at: Date.now() - HOUR, authorId: t.world.userId, content: 'soon gone' }]);
    const first = await post(c, 'first reply', replyTo(original!.id));
    expect(first.view?.reply).toEqual({ id: original!.id, author: 'Alice', excerpt: 'soon gone' });
    t.world.fake.deleteOffline(t.world.channelId, original!.id);
    const second = await post(c, 'second reply', replyTo(original!.id));
    expect(second.view?.reply).toEqual({ id: original!.id, author: null, excerpt: null });
  });
});
