// Messages as they happen: posted, edited, reacted to, given a link preview, deleted; each one announced
// on the gateway as Discord does.
import type { FakeAttachment, FakeMessage, Json } from './model.js';
import { discordTimestamp } from './model.js';
import { signedEmbeds } from './signed-media.js';
import type { FakeWorld } from './world.js';

export interface NewAttachment {
  /** Chosen by the test when something else must name it (a File component's attachment_id); else a new snowflake. */
  id?: string;
  filename: string;
  size: number;
  contentType?: string;
  width?: number;
  height?: number;
}

export function postMessage(w: FakeWorld, 
  channelId: string,
  m: { authorId: string; content: string; attachments?: NewAttachment[]; extra?: Json },
): FakeMessage {
  if (!w.state.users.has(m.authorId)) throw new Error(`fake-discord: unknown author ${m.authorId}`);
  return structuredClone(createMessage(w, channelId, m.authorId, m.content, m.attachments ?? [], m.extra));
}

export function react(w: FakeWorld, channelId: string, id: string, userId: string, emoji: { id: string | null; name: string; animated?: boolean }, remove = false): void {
  const m = findMessage(w, channelId, id);
  const reactions = ((m.extra ??= {}).reactions ??= []) as { count: number; count_details: { burst: number; normal: number }; me: boolean; me_burst: boolean; emoji: Json; burst_colors: string[] }[];
  const same = (e: Json) => (emoji.id ? e.id === emoji.id : e.id === null && e.name === emoji.name);
  let r = reactions.find((x) => same(x.emoji));
  if (!r && remove) return;
  if (!r) reactions.push((r = { count: 0, count_details: { burst: 0, normal: 0 }, me: false, me_burst: false, emoji: { ...emoji }, burst_colors: [] }));
  r.count += remove ? -1 : 1;
  r.count_details.normal = r.count;
  if (r.count === 0) reactions.splice(reactions.indexOf(r), 1);
  const d = { user_id: userId, channel_id: channelId, message_id: id, guild_id: m.guildId, emoji, burst: false, type: 0 };
  w.gateway.dispatchReaction(m.guildId, remove ? 'MESSAGE_REACTION_REMOVE' : 'MESSAGE_REACTION_ADD', d);
}

export function editMessage(w: FakeWorld, channelId: string, id: string, content: string): void {
  const m = findMessage(w, channelId, id);
  m.content = content;
  m.editedTimestamp = new Date().toISOString();
  w.gateway.dispatchMessage('MESSAGE_UPDATE', m);
}

export function addEmbed(w: FakeWorld, channelId: string, id: string, embed: Record<string, unknown>): void {
  const m = findMessage(w, channelId, id);
  m.embeds.push(embed);
  w.gateway.dispatchPartialUpdate(m, { embeds: signedEmbeds(w.state, m.embeds), edited_timestamp: m.editedTimestamp === null ? null : discordTimestamp(m.editedTimestamp) });
}

export function deleteMessage(w: FakeWorld, channelId: string, id: string): void {
  const m = findMessage(w, channelId, id);
  m.deleted = true;
  w.gateway.dispatchDelete(m);
}

export function createMessage(w: FakeWorld, channelId: string, authorId: string, content: string, files: NewAttachment[], extra?: Json): FakeMessage {
  const channel = w.state.channels.get(channelId);
  const list = w.state.messages.get(channelId);
  if (!channel || !list || channel.type === 4) throw new Error(`fake-discord: no text channel ${channelId}`);
  const attachments: FakeAttachment[] = files.map((f) => ({
    id: f.id ?? w.state.snowflake(),
    filename: f.filename,
    size: f.size,
    contentType: f.contentType ?? null,
    width: f.width ?? null,
    height: f.height ?? null,
  }));
  const message: FakeMessage = {
    id: w.state.snowflake(),
    channelId,
    guildId: channel.guildId,
    authorId,
    content,
    timestamp: new Date().toISOString(),
    editedTimestamp: null,
    attachments,
    embeds: [],
    deleted: false,
    ...(extra ? { extra: structuredClone(extra) } : {}),
  };
  list.push(message);
  w.gateway.dispatchMessage('MESSAGE_CREATE', message);
  return message;
}

export function findMessage(w: FakeWorld, channelId: string, id: string): FakeMessage {
  const m = w.state.messages.get(channelId)?.find((x) => x.id === id && !x.deleted);
  if (!m) throw new Error(`fake-discord: no message ${id} in channel ${channelId}`);
  return m;
}
