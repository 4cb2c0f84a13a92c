// What a burst leaves alive: discord.js caches the last 200 messages of a channel by default, each
// about 6 KB with its raw payload. In a burst those copies outlived V8's scavenges and were promoted
// (a third of what a 10,000-message burst promoted, bench/live-ingest), while the app never reads
// them: the store has every message, and edits, deletions and reactions are handled from the
// gateway's payloads (partials). Edits of a message just received must still land whole.
import { expect, it, vi } from 'vitest';
import type { Message } from 'discord.js';
import { MessageSink } from '../../electron/core/bot/message-sink.js';
import type { ChatMessage } from '../../shared/types.js';
import { until } from '../helpers/turn-counter.js';
import { coreEachWorld } from '../helpers/world.js';

const t = coreEachWorld();
const connectedCore = () => t.connected(30_000);

it('discord.js keeps no copy of live messages, and an edit of one just received still lands with its content', { timeout: 60_000 }, async () => {
  const c = await connectedCore();
  const live = vi.spyOn(MessageSink.prototype, 'live');
  const created: string[] = [];
  const updated: ChatMessage[] = [];
  c.bus.on('message.created', (m: ChatMessage) => created.push(m.id));
  c.bus.on('message.updated', (m: ChatMessage) => updated.push(m));
  const posted: string[] = [];
  for (let i = 0; i < 300; i++) posted.push(t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: `burst ${i}` }).id);
  await until(() => created.length >= 300, '300 message.created events');
  const received = live.mock.calls.map(([m]) => m as Message);
  live.mockRestore();
  expect(created).toEqual(posted);
  expect(received.length).toBe(300);
  // The channel's message cache: empty (it held the last 200 before).
  expect(received[0]!.channel.messages.cache.size).toBe(0);

  t.world.fake.editMessage(t.world.channelId, posted.at(-1)!, 'burst 299, edited');
  await until(() => updated.length > 0, 'message.updated');
  expect(updated[0]).toMatchObject({ id: posted.at(-1), content: 'burst 299, edited', author: { id: t.world.userId } });
  expect(updated[0]!.editedAt).not.toBeNull();
});
