// The fake's world: users, bots, guilds, channels and messages, with the snowflakes that name them.
// Pure data; no sockets or HTTP here. The shapes are in model.ts, their JSON in guild-json.ts and message-json.ts.
import { AttachmentUrls } from './attachment-urls.js';
import { FakePermissions } from './permissions.js';
import { RateLimits } from './rate-limits.js';
import type { FakeBot, FakeChannel, FakeGuild, FakeMessage, FakeUser } from './model.js';

const DISCORD_EPOCH = 1420070400000n;

export class State {
  readonly users = new Map<string, FakeUser>();
  readonly bots = new Map<string, FakeBot>(); // by token
  readonly guilds = new Map<string, FakeGuild>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, FakeMessage[]>(); // by channel, oldest first, deleted kept
  readonly joinedAt = new Date().toISOString();
  /** Where attachment and avatar URLs point; set by the server once it knows its port. */
  cdnUrl = 'https://cdn.discordapp.com';
  readonly rateLimits = new RateLimits();
  /** Signs attachment URLs as they are sent and checks them at the CDN, on Discord's clock (attachment-urls.ts). */
  readonly attachmentUrls = new AttachmentUrls(() => this.now());
  /** Roles, grants and channel overwrites (permissions.ts); empty: @everyone's defaults only. */
  readonly permissions = new FakePermissions(this);
  private lastSnowflake = 0n;
  /** Discord's clock minus the local one (a skewed local clock, seen from the app). */
  private clockOffsetMs = 0;

  setClockOffset(ms: number): void {
    this.clockOffsetMs = ms;
    this.lastSnowflake = 0n;
  }

  /** Discord's clock (the local one plus the offset set by setClockOffset). */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Timestamp-based and strictly increasing, so `after=`/`before=` comparisons behave like Discord's. */
  snowflake(): string {
    const fromClock = (BigInt(this.now()) - DISCORD_EPOCH) << 22n;
    this.lastSnowflake = fromClock > this.lastSnowflake ? fromClock : this.lastSnowflake + 1n;
    return this.lastSnowflake.toString();
  }

  isMember(guildId: string, userId: string): boolean {
    return this.guilds.get(guildId)?.memberIds.includes(userId) ?? false;
  }

  guildsOf(userId: string): FakeGuild[] {
    return [...this.guilds.values()].filter((g) => g.memberIds.includes(userId));
  }
}
