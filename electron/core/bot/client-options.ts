// The options every discord.js client of the monitor is created with.
import { GatewayIntentBits, Options, Partials, type ClientOptions, type RateLimitData } from 'discord.js';

// GuildMessageReactions: reaction counts in the message view update live.
const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.GuildMessageReactions];

/**
 * No message cache in discord.js (its default keeps 200 per channel, ~6 KB each with the raw payload):
 * the store has every message and edits, deletions and reactions are handled from the gateway's
 * payloads (Partials.Message). In a burst those copies outlived V8's scavenges and were promoted: a
 * third of what a 10,000-message burst promoted, longer scavenge pauses (test/core/live-retention).
 */
const CACHE = Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 });

/**
 * How long discord.js waits after READY without any server's GUILD_CREATE before it is ready (its default
 * 15 s; each GUILD_CREATE restarts the wait). The watched server is waited for on its own (the monitor's
 * guildBack), so a server Discord has not sent is said after 5 s of silence rather than 15 s of "Connecting…".
 */
const GUILD_WAIT_MS = 5_000;

export function clientOptions(target: { apiUrl: string; cdnUrl?: string | null }, rateLimited: (info: RateLimitData) => void): ClientOptions {
  return {
    intents: INTENTS,
    partials: [Partials.Message],
    makeCache: CACHE,
    waitGuildTimeout: GUILD_WAIT_MS,
    // Never rejects (false): the only way @discordjs/rest tells of a 429 it waits out (its event misses sub-limits).
    rest: { api: target.apiUrl, ...(target.cdnUrl ? { cdn: target.cdnUrl } : {}), rejectOnRateLimit: (info) => (rateLimited(info), false) },
  };
}
