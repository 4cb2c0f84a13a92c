// Roles, role grants and channel permission overwrites, computed as Discord documents it
// (docs/topics/permissions, "Permission Overwrites"): base = @everyone | roles; ADMINISTRATOR or
// owner = all; then @everyone overwrite, role overwrites (deny then allow), member overwrite.
// Set them before the bot connects: the fake sends no GUILD_ROLE_* / CHANNEL_UPDATE events.
import type { FakeChannel, FakeGuild, Json } from './model.js';
import type { State } from './state.js';

export const PERMISSION = {
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  MANAGE_MESSAGES: 1n << 13n,
  EMBED_LINKS: 1n << 14n,
  ATTACH_FILES: 1n << 15n,
  READ_MESSAGE_HISTORY: 1n << 16n,
  ADMINISTRATOR: 1n << 3n,
} as const;
const ALL = (1n << 53n) - 1n;

// VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY, as in state.ts.
export const EVERYONE_DEFAULT = PERMISSION.VIEW_CHANNEL | PERMISSION.SEND_MESSAGES | PERMISSION.EMBED_LINKS | PERMISSION.ATTACH_FILES | PERMISSION.READ_MESSAGE_HISTORY;

export interface FakeRole {
  id: string;
  name: string;
  permissions: bigint;
  /** 0xRRGGBB, 0 for none (docs/topics/permissions, Role Object `color`). */
  color: number;
}

/** type 0: role (the guild id is @everyone), 1: member. */
export interface FakeOverwrite {
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

interface GuildExtra {
  roles: FakeRole[];
  memberRoles: Map<string, string[]>;
}

export class FakePermissions {
  private readonly guilds = new Map<string, GuildExtra>();
  private readonly overwrites = new Map<string, FakeOverwrite[]>();

  constructor(private readonly state: State) {}

  private extra(guildId: string): GuildExtra {
    let e = this.guilds.get(guildId);
    if (!e) this.guilds.set(guildId, (e = { roles: [], memberRoles: new Map() }));
    return e;
  }

  addRole(guildId: string, name: string, permissions: bigint, color = 0): string {
    if (!this.state.guilds.has(guildId)) throw new Error(`fake-discord: no guild ${guildId}`);
    const id = this.state.snowflake();
    this.extra(guildId).roles.push({ id, name, permissions, color });
    return id;
  }

  grantRole(guildId: string, userId: string, roleId: string): void {
    const e = this.extra(guildId);
    e.memberRoles.set(userId, [...(e.memberRoles.get(userId) ?? []), roleId]);
  }

  setOverwrite(channelId: string, o: FakeOverwrite): void {
    this.overwrites.set(channelId, [...(this.overwrites.get(channelId) ?? []).filter((x) => x.id !== o.id), o]);
  }

  // ---- what the JSON of state.ts carries ----

  rolesJson(guild: FakeGuild): Json[] {
    return (this.guilds.get(guild.id)?.roles ?? []).map((r, i) => ({
      id: r.id, name: r.name, permissions: r.permissions.toString(), position: i + 1, color: r.color, hoist: false, managed: false, mentionable: false, icon: null, unicode_emoji: null, flags: 0,
    }));
  }

  memberRoles(guildId: string, userId: string): string[] {
    return [...(this.guilds.get(guildId)?.memberRoles.get(userId) ?? [])];
  }

  overwritesJson(channel: FakeChannel): Json[] {
    return (this.overwrites.get(channel.id) ?? []).map((o) => ({ id: o.id, type: o.type, allow: o.allow.toString(), deny: o.deny.toString() }));
  }

  /** The user's permissions in the channel. */
  inChannel(channel: FakeChannel, userId: string): bigint {
    const guild = this.state.guilds.get(channel.guildId);
    if (!guild) return 0n;
    if (guild.ownerId === userId) return ALL;
    const e = this.guilds.get(guild.id);
    const mine = new Set(e?.memberRoles.get(userId) ?? []);
    let perms = EVERYONE_DEFAULT;
    for (const r of e?.roles ?? []) if (mine.has(r.id)) perms |= r.permissions;
    if (perms & PERMISSION.ADMINISTRATOR) return ALL;
    const list = this.overwrites.get(channel.id) ?? [];
    const everyone = list.find((o) => o.type === 0 && o.id === guild.id);
    if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
    let allow = 0n;
    let deny = 0n;
    for (const o of list) {
      if (o.type !== 0 || !mine.has(o.id)) continue;
      allow |= o.allow;
      deny |= o.deny;
    }
    perms = (perms & ~deny) | allow;
    const member = list.find((o) => o.type === 1 && o.id === userId);
    if (member) perms = (perms & ~member.deny) | member.allow;
    return perms;
  }
}
