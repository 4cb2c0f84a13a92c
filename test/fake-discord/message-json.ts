// The JSON Discord sends for users and messages (REST objects and MESSAGE_CREATE/UPDATE dispatches).
import { discordTimestamp, type FakeAttachment, type FakeMessage, type Json } from './model.js';
import { memberJson, userJson } from './guild-json.js';
import type { State } from './state.js';

/** The REST message object: no guild_id and no member (docs/resources/message, Example Message). */
export function messageJson(state: State, m: FakeMessage, showContent: boolean): Json {
  const author = state.users.get(m.authorId);
  return {
    id: m.id,
    type: 0,
    channel_id: m.channelId,
    author: author ? userJson(author) : { id: m.authorId, username: 'unknown', discriminator: '0' },
    content: showContent ? m.content : '',
    timestamp: discordTimestamp(m.timestamp),
    edited_timestamp: m.editedTimestamp === null ? null : discordTimestamp(m.editedTimestamp),
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: showContent ? m.attachments.map((a) => attachmentJson(state.cdnUrl, m, a)) : [],
    embeds: showContent ? m.embeds : [],
    components: [],
    pinned: false,
    flags: 0,
    ...m.extra,
    // Without the content intent these are empty and a poll is left out (docs/resources/message, Message Object).
    ...(showContent ? {} : { embeds: [], attachments: [], poll: undefined }),
  };
}

/** MESSAGE_CREATE/UPDATE add guild_id and a member without `user` (docs/events/gateway-events, Message Create). */
export function messageDispatchJson(state: State, m: FakeMessage, showContent: boolean): Json {
  // `pending` is only sent in GUILD_ events (docs/resources/guild, Guild Member Object).
  const { pending: _pending, ...member } = memberJson(state, m.authorId, false, m.guildId);
  return { ...messageJson(state, m, showContent), guild_id: m.guildId, member };
}

function attachmentJson(cdnUrl: string, m: FakeMessage, a: FakeAttachment): Json {
  const url = `${cdnUrl}/attachments/${m.channelId}/${a.id}/${encodeURIComponent(a.filename)}`;
  return {
    id: a.id,
    filename: a.filename,
    size: a.size,
    url,
    proxy_url: url,
    // Optional fields: Discord leaves them out when it does not know them.
    ...(a.contentType === null ? {} : { content_type: a.contentType }),
    ...(a.width === null || a.height === null ? {} : { width: a.width, height: a.height }),
  };
}
