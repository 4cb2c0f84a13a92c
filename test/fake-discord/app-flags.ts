// Application flags and gateway intents, and what Discord does when a bot lacks the privileged ones.
import type { FakeBot } from './model.js';

export const APP_FLAG = {
  GATEWAY_PRESENCE: 1 << 12,
  GATEWAY_PRESENCE_LIMITED: 1 << 13,
  GATEWAY_GUILD_MEMBERS: 1 << 14,
  GATEWAY_GUILD_MEMBERS_LIMITED: 1 << 15,
  GATEWAY_MESSAGE_CONTENT: 1 << 18,
  GATEWAY_MESSAGE_CONTENT_LIMITED: 1 << 19,
} as const;

export const INTENT = { GUILD_MEMBERS: 1 << 1, GUILD_PRESENCES: 1 << 8, GUILD_MESSAGE_REACTIONS: 1 << 10, MESSAGE_CONTENT: 1 << 15 } as const;

/** Bots lacking both content flags get empty message content over REST, as on Discord. */
export function hasContentPrivilege(bot: FakeBot): boolean {
  return (bot.applicationFlags & (APP_FLAG.GATEWAY_MESSAGE_CONTENT | APP_FLAG.GATEWAY_MESSAGE_CONTENT_LIMITED)) !== 0;
}

/** Privileged intents requested without the matching application flag: Discord closes with 4014. */
export function disallowedIntents(bot: FakeBot, intents: number): boolean {
  const f = bot.applicationFlags;
  const need: Array<[number, number]> = [
    [INTENT.GUILD_MEMBERS, APP_FLAG.GATEWAY_GUILD_MEMBERS | APP_FLAG.GATEWAY_GUILD_MEMBERS_LIMITED],
    [INTENT.GUILD_PRESENCES, APP_FLAG.GATEWAY_PRESENCE | APP_FLAG.GATEWAY_PRESENCE_LIMITED],
    [INTENT.MESSAGE_CONTENT, APP_FLAG.GATEWAY_MESSAGE_CONTENT | APP_FLAG.GATEWAY_MESSAGE_CONTENT_LIMITED],
  ];
  return need.some(([intent, flags]) => (intents & intent) !== 0 && (f & flags) === 0);
}
