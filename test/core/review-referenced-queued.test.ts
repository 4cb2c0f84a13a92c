// Review: the stored original wins over a reply's referenced_message also while it is only queued for
// writing (BatchWriter): original and reply posted together are handled in one slice, before any commit.
import { expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/types.js';
import { coreEachWorld } from '../helpers/world.js';

const t = coreEachWorld({});

it('a reply handled in the same slice as its original quotes the stored one (its nickname)', { timeout: 40_000 }, async () => {
  t.world.fake.setNickname(t.world.guildId, t.world.userId, 'Ally');
  const c = await t.connected();
  const created = new Map<string, ChatMessage>();
  c.bus.on('message.created', (m) => void created.set(m.content, m));
  const original = t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'the original' });
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'the reply', extra: { type: 19, message_reference: { type: 0, message_id: original.id, channel_id: t.world.channelId, guild_id: t.world.guildId } } });
  await t.world.fake.waitFor(() => created.has('the reply'), 20_000);
  expect(created.get('the original')?.author.displayName).toBe('Ally');
  expect(created.get('the reply')?.view?.reply).toEqual({ id: original.id, author: 'Ally', excerpt: 'the original' });
});
