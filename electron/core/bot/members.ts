// Display names as the server shows them (nickname, else global name, else username), the same
// whichever way a message arrived: gateway messages carry `member`, REST messages do not, and
// after a restart discord.js has no member cached. Names are learnt from the gateway, fetched
// once per unknown author (GET /guilds/:id/members/:user, queued by discord.js's rate limiter),
// and persisted next to the messages.
import type { Guild, Message, PartialMessage } from 'discord.js';
import type { Logger } from 'pino';

export interface NameStore {
  memberName(guildId: string, userId: string): string | undefined;
  setMemberName(guildId: string, userId: string, displayName: string): void;
}

export class MemberNames {
  private readonly known = new Map<string, string>();
  /** Authors whose member fetch failed (left the server): not asked again this run. */
  private readonly notMembers = new Set<string>();

  constructor(
    private readonly store: NameStore,
    private readonly logger: Logger,
  ) {}

  /** Remembers the name a message's member carries (gateway messages, or ones already resolved). */
  learn(m: Message | PartialMessage): void {
    const member = m.member;
    if (!member || !m.guildId || !m.author) return;
    this.remember(m.guildId, m.author.id, member.displayName);
  }

  /** Fetches the members of these authors that no cache knows yet, one request each. */
  async resolve(guild: Guild, authorIds: Iterable<string>): Promise<void> {
    for (const id of new Set(authorIds)) {
      const key = `${guild.id}:${id}`;
      if (guild.members.cache.has(id) || this.notMembers.has(key) || this.stored(guild.id, id) !== undefined) continue;
      try {
        const member = await guild.members.fetch({ user: id, cache: true });
        this.remember(guild.id, id, member.displayName);
      } catch (err) {
        // 10007 Unknown Member: the author left; their global name is what Discord shows too.
        this.notMembers.add(key);
        this.logger.debug(`No member ${id} on ${guild.name}: ${String(err)}`);
      }
    }
  }

  displayName(m: Message | PartialMessage): string {
    const author = m.author;
    if (!author) return '';
    const fromMember = m.member?.displayName;
    if (fromMember && m.guildId) this.remember(m.guildId, author.id, fromMember);
    return fromMember ?? (m.guildId ? this.stored(m.guildId, author.id) : undefined) ?? author.globalName ?? author.username;
  }

  private stored(guildId: string, userId: string): string | undefined {
    const key = `${guildId}:${userId}`;
    const cached = this.known.get(key);
    if (cached !== undefined) return cached;
    let name: string | undefined;
    try {
      name = this.store.memberName(guildId, userId);
    } catch {
      name = undefined; // a storage fault is reported by the message sink; names fall back meanwhile
    }
    if (name !== undefined) this.known.set(key, name);
    return name;
  }

  private remember(guildId: string, userId: string, name: string): void {
    const key = `${guildId}:${userId}`;
    if (this.known.get(key) === name) return;
    this.known.set(key, name);
    try {
      this.store.setMemberName(guildId, userId, name);
    } catch {
      // Kept in memory; persisting it again happens on the next name change or restart.
    }
  }
}
