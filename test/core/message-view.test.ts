// The message view's data from the documentation's payloads, through real discord.js structures and
// the real toChatMessage (test/renderer/fixtures/discord-docs).
import { describe, expect, it } from 'vitest';
import { convert } from '../renderer/fixtures/discord-docs/convert';
import * as doc from '../renderer/fixtures/discord-docs/payloads';

describe('toChatMessage view fields (Discord documentation payloads)', () => {
  it('Example Message: its 🔥 reaction with count', () => {
    const [m] = convert(doc.EXAMPLE_MESSAGE);
    expect(m!.view!.type).toBe(0);
    expect(m!.view!.reactions).toEqual([{ emoji: { id: null, name: '🔥', animated: false, url: null }, count: 1 }]);
  });

  it('mentions: the member by server nickname, the role with name and colour, @everyone, the owner', () => {
    const [m] = convert(doc.MENTIONS_MESSAGE);
    expect(m!.view!.mentions).toEqual({
      users: [{ id: doc.USER_NELLY.id, name: 'Nells' }],
      roles: [{ id: doc.ROLE_WE_DEM_BOYZZ.id, name: 'WE DEM BOYZZ!!!!!!', color: 3447003 }],
      channels: [],
      everyone: true,
    });
    expect(m!.view!.mentionsOwner).toBe(true);
    expect(m!.view!.emojis).toEqual([
      { id: '41771983429993937', name: 'LUL', animated: false, url: 'https://cdn.discordapp.com/emojis/41771983429993937.webp' },
      { id: '41771983429993938', name: 'LUL', animated: true, url: 'https://cdn.discordapp.com/emojis/41771983429993938.gif' },
    ]);
  });

  it('Example Crossposted Message: the channel mention by name', () => {
    const [m] = convert(doc.EXAMPLE_CROSSPOSTED);
    expect(m!.view!.mentions.channels).toEqual([{ id: '278325129692446722', name: 'big-news' }]);
    expect(m!.view!.mentionsOwner).toBe(false);
  });

  it('embed: every field of the Embed Structure, media from the proxy', () => {
    const [m] = convert(doc.EMBED_MESSAGE);
    expect(m!.view!.embeds).toEqual([
      {
        type: 'rich',
        color: 3447003,
        title: 'Supa Hot release',
        url: doc.RICH_EMBED.url,
        description: doc.RICH_EMBED.description,
        author: { name: 'Mason', url: 'https://discord.com', iconUrl: 'https://media.discordapp.net/embed/avatars/1.png' },
        fields: doc.RICH_EMBED.fields,
        thumbnail: { url: 'https://media.discordapp.net/attachments/1/3/thumb.png', width: 80, height: 80 },
        image: { url: 'https://media.discordapp.net/attachments/1/2/image.png', width: 400, height: 300 },
        footer: { text: 'Footer text', iconUrl: 'https://media.discordapp.net/embed/avatars/0.png' },
        provider: { name: 'Discord', url: 'https://discord.com' },
        timestamp: Date.parse('2017-07-11T17:27:07.299Z'),
      },
    ]);
  });

  it('reply: the quoted message from the store (author and excerpt)', () => {
    const [, reply] = convert(doc.EXAMPLE_MESSAGE, doc.REPLY_MESSAGE);
    expect(reply!.view!.reply).toEqual({ id: doc.EXAMPLE_MESSAGE.id, author: 'Mason', excerpt: 'Supa Hot' });
  });

  it('reply to a message not stored: the replied author from the mentions, no excerpt', () => {
    const [reply] = convert(doc.REPLY_MESSAGE);
    expect(reply!.view!.reply).toEqual({ id: doc.EXAMPLE_MESSAGE.id, author: 'Mason', excerpt: null });
  });

  it('stickers: their format and CDN file (docs: CDN Endpoints, Sticker), the Lottie one as .json', () => {
    const [m] = convert(doc.STICKER_MESSAGE);
    expect(m!.view!.stickers).toEqual([
      { id: '749054660769218631', name: 'Wave', format: 3, url: 'https://cdn.discordapp.com/stickers/749054660769218631.json' },
      { id: '749054660769218632', name: 'Hello', format: 1, url: 'https://cdn.discordapp.com/stickers/749054660769218632.png' },
    ]);
  });

  it('poll: question, answers with votes, expiry, not finalized', () => {
    const [m] = convert(doc.POLL_MESSAGE);
    expect(m!.view!.poll).toEqual({
      question: 'Best pizza?',
      answers: [
        { id: 1, text: 'Margherita', emoji: '🍕', votes: 7 },
        { id: 2, text: 'Hawaiian', emoji: null, votes: 2 },
      ],
      expiresAt: Date.parse('2030-01-01T00:00:00Z'),
      finalized: false,
      multiselect: false,
    });
  });

  it('thread starter: the thread name and message count', () => {
    const [m] = convert(doc.THREAD_STARTER);
    expect(m!.view!.thread).toEqual({ id: doc.THREAD_STARTER.thread.id, name: 'Discussion', messageCount: 12 });
  });

  it('embed media from outside the CDN hosts is dropped (the panel loads images only from Discord)', () => {
    const [m] = convert({ ...doc.EMBED_MESSAGE, embeds: [{ ...doc.RICH_EMBED, image: { url: 'https://tracker.example/pixel.png' }, thumbnail: { url: 'http://cdn.discordapp.com/a.png' } }] });
    expect(m!.view!.embeds[0]!.image).toBeUndefined();
    expect(m!.view!.embeds[0]!.thumbnail).toBeUndefined();
  });

  it('a forward carries the snapshot: its content, attachments and embeds, and when it was first posted', () => {
    const [m] = convert(doc.FORWARD_MESSAGE);
    // When the original was posted: its snowflake (discord.js reads the time from the referenced id).
    const postedAt = Number((BigInt(doc.FORWARD_MESSAGE.message_reference.message_id) >> 22n) + 1420070400000n);
    expect(m!.view!.forward).toEqual({ content: 'Big news! **Supa Hot** is out', attachments: [], embeds: [], createdAt: postedAt });
  });

  it('system messages keep their type', () => {
    const ms = convert(...Object.values(doc.SYSTEM_TYPES).map((t) => doc.systemMessage(t)));
    expect(ms.map((m) => m.view!.type)).toEqual(Object.values(doc.SYSTEM_TYPES));
  });
});
