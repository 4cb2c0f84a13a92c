// The message view's data live, with the real discord.js against the fake Discord: a link preview's
// embed arrives by partial MESSAGE_UPDATE, reactions follow MESSAGE_REACTION_* events (the intent is
// asked for), mentions and the reply quote are resolved.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { ChatMessage } from '../../shared/types.js';
import { call } from '../helpers/core-calls.js';
import { seedDemo } from '../fake-discord/demo-data.js';
import { coreFor, nextEvent, TOKEN, coreEachWorld, startConnected } from '../helpers/world.js';

const t = coreEachWorld({});

async function post(c: Core, content: string, extra?: Record<string, unknown>): Promise<ChatMessage> {
  const created = nextEvent(c, 'message.created', (m) => m.content === content);
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content, ...(extra ? { extra } : {}) });
  return created;
}

describe('message view data, live', { timeout: 40_000 }, () => {
  it('a link preview embed arrives by partial update and keeps the mentions', async () => {
    const c = await t.connected();
    const alice = { id: t.world.userId, username: 'alice', global_name: 'Alice', discriminator: '0', avatar: null };
    const m = await post(c, `hi <@${t.world.userId}> https://example.com`, { mentions: [alice] });
    expect(m.view?.mentions.users).toEqual([{ id: t.world.userId, name: 'Alice' }]);
    const updated = nextEvent(c, 'message.updated', (u) => u.id === m.id);
    t.world.fake.addEmbed(t.world.channelId, m.id, { type: 'link', url: 'https://example.com', title: 'Example Domain', description: 'An example' });
    const u = await updated;
    expect(u.view?.embeds).toEqual([{ type: 'link', url: 'https://example.com', title: 'Example Domain', description: 'An example', color: null, fields: [], timestamp: null }]);
    expect(u.view?.mentions.users).toEqual([{ id: t.world.userId, name: 'Alice' }]);
    expect(u.editedAt).toBeNull();
  });

  it('a link preview that arrives after a restart (the message no longer in discord.js\'s cache) still shows, and the message keeps its author and text', async () => {
    const c = await t.connected();
    const m = await post(c, 'read https://example.com/late');
    await c.shutdown();
    const c2 = await t.connected();
    const updated = nextEvent(c2, 'message.updated', (u) => u.id === m.id);
    t.world.fake.addEmbed(t.world.channelId, m.id, { type: 'link', url: 'https://example.com/late', title: 'Late preview' });
    const u = await updated;
    expect(u.view?.embeds.map((e) => e.title)).toEqual(['Late preview']);
    expect([u.author.id, u.content, u.editedAt]).toEqual([m.author.id, m.content, null]);
    const stored = await call<ChatMessage[]>(c2, 'messages.list', { limit: 50 });
    expect(stored.find((s) => s.id === m.id)?.view?.embeds.map((e) => e.title)).toEqual(['Late preview']);
  });

  it("a message mentioning the application's owner (or @everyone) is marked for highlighting; others are not", async () => {
    t.world.fake.setApplicationOwner(TOKEN, t.world.userId);
    const c = await t.connected();
    const alice = { id: t.world.userId, username: 'alice', global_name: 'Alice', discriminator: '0', avatar: null };
    expect((await post(c, `ping <@${t.world.userId}>`, { mentions: [alice] })).view?.mentionsOwner).toBe(true);
    expect((await post(c, 'ping @everyone', { mention_everyone: true })).view?.mentionsOwner).toBe(true);
    expect((await post(c, 'no ping')).view?.mentionsOwner).toBe(false);
  });

  it('a reply quotes the stored message', async () => {
    const c = await t.connected();
    const original = await post(c, 'the original');
    const reply = await post(c, 'the reply', { type: 19, message_reference: { type: 0, message_id: original.id, channel_id: t.world.channelId, guild_id: t.world.guildId } });
    expect(reply.view?.reply).toEqual({ id: original.id, author: 'Alice', excerpt: 'the original' });
  });

  // An edit rebuilds the view from the update's payload: the quote must be looked up again, not dropped.
  it('an edited reply still quotes the stored message', async () => {
    const c = await t.connected();
    const original = await post(c, 'the original');
    const reply = await post(c, 'the reply', { type: 19, message_reference: { type: 0, message_id: original.id, channel_id: t.world.channelId, guild_id: t.world.guildId } });
    const updated = nextEvent(c, 'message.updated', (u) => u.id === reply.id);
    t.world.fake.editMessage(t.world.channelId, reply.id, 'the reply, edited');
    const u = await updated;
    expect([u.content, u.view?.reply]).toEqual(['the reply, edited', { id: original.id, author: 'Alice', excerpt: 'the original' }]);
    const listed = await c.dispatch('messages.list', { limit: 10 });
    expect((listed.ok ? listed.value.find((x) => x.id === reply.id) : undefined)?.view?.reply).toEqual({ id: original.id, author: 'Alice', excerpt: 'the original' });
  });

  it('a reply edited while the app was off still quotes the stored message once the edit is read back', async () => {
    const c = await t.connected();
    const original = await post(c, 'the original');
    const reply = await post(c, 'the reply', { type: 19, message_reference: { type: 0, message_id: original.id, channel_id: t.world.channelId, guild_id: t.world.guildId } });
    await c.monitor.stop();
    t.world.fake.editOffline(t.world.channelId, reply.id, 'the reply, edited offline');
    const updated = nextEvent(c, 'message.updated', (u) => u.id === reply.id, 15_000);
    await c.monitor.start();
    const u = await updated;
    expect([u.content, u.view?.reply]).toEqual(['the reply, edited offline', { id: original.id, author: 'Alice', excerpt: 'the original' }]);
  });

  it('reaction counts follow add and remove events (custom emoji with their CDN image)', async () => {
    const c = await t.connected();
    const m = await post(c, 'react to me');
    const bob = t.world.fake.addUser({ username: 'bob' });
    const counts = async (action: () => void) => {
      const updated = nextEvent(c, 'message.updated', (u) => u.id === m.id);
      action();
      return (await updated).view?.reactions.map((r) => [r.emoji.name, r.count]);
    };
    expect(await counts(() => t.world.fake.react(t.world.channelId, m.id, t.world.userId, { id: null, name: '🔥' }))).toEqual([['🔥', 1]]);
    expect(await counts(() => t.world.fake.react(t.world.channelId, m.id, bob.id, { id: null, name: '🔥' }))).toEqual([['🔥', 2]]);
    expect(await counts(() => t.world.fake.react(t.world.channelId, m.id, bob.id, { id: '41771983429993937', name: 'LUL' }))).toEqual([['🔥', 2], ['LUL', 1]]);
    expect(await counts(() => t.world.fake.react(t.world.channelId, m.id, bob.id, { id: null, name: '🔥' }, true))).toEqual([['🔥', 1], ['LUL', 1]]);
    const listed = await c.dispatch('messages.list', { limit: 10 });
    const stored = listed.ok ? listed.value.find((x) => x.id === m.id) : undefined;
    expect(stored?.view?.reactions.find((r) => r.emoji.id)?.emoji.url).toMatch(/\/emojis\/41771983429993937\.webp$/);
  });

  it('reactions added while the app was off show after it reconnects (read back over REST)', async () => {
    let c = await t.connected();
    const m = await post(c, 'react while I sleep');
    await c.shutdown();
    t.core = null;
    t.world.fake.react(t.world.channelId, m.id, t.world.userId, { id: null, name: '🔥' });
    t.world.fake.react(t.world.channelId, m.id, t.world.botId, { id: null, name: '🔥' });
    c = await t.connected();
    await expect
      .poll(async () => {
        const listed = await c.dispatch('messages.list', { limit: 10 });
        return listed.ok ? listed.value.find((x) => x.id === m.id)?.view?.reactions.map((r) => [r.emoji.name, r.count]) : undefined;
      }, { timeout: 10_000 })
      .toEqual([['🔥', 2]]);
  });

  it('the demo seeds what the view draws: a join, a bot embed with reactions, a reply quoting its message with a mention and custom emoji', async () => {
    // Without the weeks of history (demo-history.test.ts covers those): the newest 50 are the rich ones.
    const seed = seedDemo(t.world.fake, 'demo.bot-token.0123456789-abcdefghij', 0);
    t.core = await coreFor(t.world, { DISCORD_TOKEN: seed.token, DISCORD_GUILD_ID: seed.guildId, DISCORD_CHANNEL_ID: seed.channelId });
    await startConnected(t.core);
    const listed = await t.core.dispatch('messages.list', { limit: 50 });
    const views = listed.ok ? listed.value.map((m) => m.view) : [];
    expect(views.some((v) => v?.type === 7)).toBe(true);
    const report = views.find((v) => v?.embeds[0]?.title === 'Nightly backup report');
    expect(report?.embeds[0]?.fields).toHaveLength(4);
    expect(report?.embeds[0]?.thumbnail?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/embed\/avatars\/2\.png$/);
    expect(report?.reactions.map((r) => [r.emoji.name, r.count])).toEqual([['🎉', 2], ['👍', 1]]);
    const reply = views.find((v) => v?.reply);
    expect(reply?.reply).toMatchObject({ author: 'Grace (admin)', excerpt: 'can someone check the UPS battery before Saturday?' });
    expect(reply?.mentions.users).toEqual([{ id: expect.any(String), name: 'Grace (admin)' }]);
    expect(reply?.emojis[0]?.url).toMatch(/\/emojis\/41771983429993937\.webp$/);
  });
});
