// The live path's shortcuts in the message view (no mention parsing without "<", avatar URLs
// remembered): each still gives what discord.js itself gives.
import { Client, type User } from 'discord.js';
import { expect, it } from 'vitest';
import { avatarUrl } from '../../electron/core/bot/to-chat-message';
import { convert } from '../renderer/fixtures/discord-docs/convert';
import * as doc from '../renderer/fixtures/discord-docs/payloads';

it('a new avatar (a new hash) gives its new URL, not the remembered one', () => {
  const second = { ...doc.EXAMPLE_MESSAGE, id: '334385199974967043', author: { ...doc.EXAMPLE_MESSAGE.author, avatar: '0123456789abcdef0123456789abcdef' } };
  const [a, b] = convert(doc.EXAMPLE_MESSAGE, second);
  expect(a!.author.avatarUrl).toBe(`https://cdn.discordapp.com/avatars/${doc.EXAMPLE_MESSAGE.author.id}/${doc.EXAMPLE_MESSAGE.author.avatar}.gif?size=64`);
  expect(b!.author.avatarUrl).toBe(`https://cdn.discordapp.com/avatars/${doc.EXAMPLE_MESSAGE.author.id}/0123456789abcdef0123456789abcdef.webp?size=64`);
});

it('each client its own CDN: the same user and avatar on another CDN gets that CDN’s URL', () => {
  const on = (cdn: string) => (new Client({ intents: [], rest: { cdn } }).users as unknown as { _add(d: unknown): User })._add(doc.USER_NELLY);
  const first = avatarUrl(on('http://127.0.0.1:1'));
  const second = avatarUrl(on('http://127.0.0.1:2'));
  expect(first).toBe(`http://127.0.0.1:1/avatars/${doc.USER_NELLY.id}/${doc.USER_NELLY.avatar}.webp?size=64`);
  expect(second).toBe(`http://127.0.0.1:2/avatars/${doc.USER_NELLY.id}/${doc.USER_NELLY.avatar}.webp?size=64`);
});

it('without the message content intent (content empty) the mentioned user and role are still shown', () => {
  // Discord still sends mentions and mention_roles when it withholds the content.
  const [m] = convert({ ...doc.MENTIONS_MESSAGE, content: '' });
  expect(m!.view!.mentions.users).toEqual([{ id: doc.USER_NELLY.id, name: 'Nells' }]);
  expect(m!.view!.mentions.roles).toEqual([{ id: doc.ROLE_WE_DEM_BOYZZ.id, name: 'WE DEM BOYZZ!!!!!!', color: 3447003 }]);
  expect(m!.view!.emojis).toEqual([]);
});
