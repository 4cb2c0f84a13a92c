// A server in an outage mid-session: Discord sends GUILD_DELETE with `unavailable: true` (docs/events/
// gateway-events, Guild Delete) and nothing of its channels until the GUILD_CREATE that says it is back,
// on the same session. The panel said "Connected" throughout. Now it says the server is unavailable, and
// when it is back fetches what was posted from where it was (live messages wait for that, as at a start).
import { Events, type Client } from 'discord.js';
import { coreText } from '../../../shared/core-text.js';
import { say } from '../log/say.js';
import type { ClientEventsHost } from './client-events.js';
import { statuses } from './status.js';

export interface GuildOutage {
  /** An outage that began once connected lasts: said, and caught up from where it began when it ends. */
  out: () => boolean;
  /** Discord said the server is in an outage (GUILD_DELETE `unavailable`, at login too), rather than not having sent it yet. */
  said: () => boolean;
}

/** Watches the watched server's outages. */
export function watchGuildOutage(client: Client, h: ClientEventsHost, backToConnected: () => void): GuildOutage {
  let out = false;
  let said = false;
  let from: string | null = null;
  client.on(Events.GuildUnavailable, (guild) => {
    if (guild.id === h.guildId) said = true;
    const info = h.connected();
    if (!h.isCurrent() || !info || guild.id !== h.guildId || out) return;
    out = true;
    // Held from now on: the first message heard when it is back must not move the resume point first.
    h.sink.keepHolding();
    from = h.resumePoint();
    say(h.logger, 'warn', coreText('log.guildUnavailable', { guild: info.guild.name }));
    h.setStatus(statuses.guildUnavailable(info.guild.name));
  });
  client.on(Events.GuildAvailable, (guild) => {
    if (guild.id === h.guildId) said = false;
    const info = h.connected();
    if (!h.isCurrent() || !info || guild.id !== h.guildId || !out) return;
    out = false;
    say(h.logger, 'info', coreText('log.guildBack', { guild: info.guild.name }));
    void h.catchUp(from).then(backToConnected);
  });
  return { out: () => out, said: () => said };
}
