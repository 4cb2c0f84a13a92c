// The JSON Discord sends for users and messages (REST objects and MESSAGE_CREATE/UPDATE dispatches).
import { discordTimestamp, type FakeAttachment, type FakeMessage, type Json } from './model.js';
import { memberJson, userJson } from './guild-json.js';
import { signedComponents, signedEmbeds } from './signed-media.js';
import type { State } from './state.js';

/** The REST message object: no guild_id and no member (docs/resources/message, Example Message). */
export function messageJson(state: State, m: FakeMessage, showContent: boolean): Json {
  const author = state.users.get(m.authorId);
  const json: Json = {
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
    attachments: showContent ? m.attachments.map((a) => attachmentJson(state, m, a)) : [],
    embeds: showContent ? m.embeds : [],
    components: [],
    pinned: false,
    flags: 0,
    ...m.extra,
    // Without the content intent these are empty and a poll is left out (docs/resources/message, Message Object).
    ...(showContent ? {} : { embeds: [], attachments: [], poll: undefined }),
  };
  // Their files of the attachment CDN signed anew, as attachments are (signed-media.ts).
  return { ...json, embeds: signedEmbeds(state, json.embeds), components: signedComponents(state, json.components) };
}

/**
 * MESSAGE_CREATE/UPDATE add guild_id and a member without `user` (docs/events/gateway-events, Message Create);
 * `sees` says whether the session reads a message's content (its intent, or the bot's own message).
 */
export function messageDispatchJson(state: State, m: FakeMessage, sees: (x: FakeMessage) => boolean): Json {
  // `pending` is only sent in GUILD_ events (docs/resources/guild, Guild Member Object).
  const { pending: _pending, ...member } = memberJson(state, m.authorId, false, m.guildId);
  return { ...messageJson(state, m, sees(m)), guild_id: m.guildId, member, ...referencedJson(state, m, sees) };
}

/**
 * A reply (type 19) carries its original as `referenced_message`, null once deleted (docs/resources/message,
 * Message Structure note [4]); as a REST message: no guild_id, no member (discord-api-docs#5095), no nested
 * reference. Left out when the test set one itself (the demo) or the original is unknown to the fake.
 */
function referencedJson(state: State, m: FakeMessage, sees: (x: FakeMessage) => boolean): Json {
  const extra = m.extra ?? {};
  const ref = extra.message_reference as { message_id?: unknown; channel_id?: unknown } | undefined;
  if (extra.type !== 19 || Object.hasOwn(extra, 'referenced_message') || typeof ref?.message_id !== 'string') return {};
  const channelId = typeof ref.channel_id === 'string' ? ref.channel_id : m.channelId;
  const original = state.messages.get(channelId)?.find((x) => x.id === ref.message_id);
  if (!original) return {};
  if (original.deleted) return { referenced_message: null };
  const { referenced_message: _nested, ...json } = messageJson(state, original, sees(original));
  return { referenced_message: json };
}

/** Its URL signed at each sending, valid for a while (docs/reference.mdx, Signed Attachment CDN URLs). */
function attachmentJson(state: State, m: FakeMessage, a: FakeAttachment): Json {
  const url = state.attachmentUrls.sign(state.cdnUrl, `/attachments/${m.channelId}/${a.id}/${encodeURIComponent(a.filename)}`);
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
