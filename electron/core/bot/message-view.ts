// What the panel's message view needs beyond the text, read from a discord.js Message on the core
// side (names, role colours, CDN URLs) so the panel never has to ask Discord. Every list is capped:
// a message carries at most what Discord allows (10 embeds, 20 reactions shown…), and no more.
import type { Message, PartialMessage } from 'discord.js';
import type { APIEmbed } from 'discord-api-types/v10';
import type { ChatAttachment, ChatEmbed, ChatEmbedMedia, ChatMessage, ChatMessageView, ChatReaction, ChatReply } from '../../../shared/types.js';
import { componentsText, toComponents } from './message-components.js';
import { cutText } from '../log/cut-text.js';

const MAX_MENTIONS = 50;
const MAX_REACTIONS = 40;
const MAX_EMOJIS = 50;
const EXCERPT_CHARS = 200;
const CUSTOM_EMOJI = /<(a?):(\w{2,32}):(\d{17,20})>/g;

/** A stored message by id: the replied-to message is usually already in the store. */
export type StoredLookup = (id: string) => ChatMessage | undefined;

export function emojiUrl(m: Pick<Message, 'client'>, id: string, animated: boolean): string {
  return m.client.rest.cdn.emoji(id, { extension: animated ? 'gif' : 'webp' });
}

export function messageView(m: Message | PartialMessage, lookup?: StoredLookup): ChatMessageView {
  const content = m.content ?? '';
  const guild = m.guild;
  const nameOf = (id: string, fallback: string) => guild?.members.cache.get(id)?.displayName ?? fallback;
  const mentioned = m.mentions.users;
  const users = mentioned.size === 0 ? [] : [...mentioned.values()].slice(0, MAX_MENTIONS).map((u) => ({ id: u.id, name: nameOf(u.id, u.globalName ?? u.username) }));
  // Every mention in content starts with "<": most live messages have none, so no regex and no Collection (mentions.channels builds one per message).
  const tagged = content.includes('<');
  // Roles that are not mentionable are absent from mention_roles yet still shown by name: resolve from the cache too.
  const roleIds = tagged || m.mentions.roles.size > 0 ? new Set([...m.mentions.roles.keys(), ...[...content.matchAll(/<@&(\d{17,20})>/g)].map((x) => x[1]!)]) : [];
  const roles = [...roleIds].slice(0, MAX_MENTIONS).flatMap((id) => {
    const r = guild?.roles.cache.get(id);
    return r ? [{ id, name: r.name, color: r.color }] : [];
  });
  // discord.js reads channel mentions from the content alone (<#id>).
  const channels = !content.includes('<#') ? [] : [...m.mentions.channels.values()].slice(0, MAX_MENTIONS).flatMap((c) => ('name' in c && c.name ? [{ id: c.id, name: c.name }] : []));
  const ownerId = ownerOf(m);
  const view: ChatMessageView = {
    type: m.type ?? 0,
    mentions: { users, roles, channels, everyone: m.mentions.everyone },
    embeds: m.embeds.slice(0, 10).map((e) => toEmbed(e.data, cdnOf(m))),
    // The CDN file per the docs' Sticker endpoint: PNG (also APNG), GIF from the media proxy, Lottie JSON (played by the panel).
    stickers: m.stickers.size === 0 ? [] : [...m.stickers.values()].slice(0, 3).map((s) => ({ id: s.id, name: s.name, url: s.url, format: s.format })),
    reactions: reactionsOf(m),
    emojis: tagged ? customEmojis(m, content) : [],
    mentionsOwner: ownerId !== null && (m.mentions.everyone || mentioned.has(ownerId)),
  };
  const ref = m.reference?.messageId;
  if (ref && m.type === 19) {
    const stored = lookup?.(ref);
    const replied = m.mentions.repliedUser;
    view.reply = stored ? { id: ref, ...replyQuote(stored) } : { id: ref, author: replied ? nameOf(replied.id, replied.globalName ?? replied.username) : null, excerpt: null };
  }
  const snapshot = m.messageSnapshots?.first();
  if (snapshot) {
    view.forward = {
      content: snapshot.content ?? '',
      attachments: attachmentsOf(snapshot),
      embeds: snapshot.embeds.slice(0, 10).map((e) => toEmbed(e.data, cdnOf(m))),
      createdAt: snapshot.createdTimestamp,
    };
  }
  const components = !m.components?.length ? [] : toComponents(m.components.map((c) => c.toJSON()), { emojiUrl: (id, animated) => emojiUrl(m, id, animated), media: (x) => media(x, cdnOf(m)) });
  if (components.length) view.components = components;
  if (m.thread) view.thread = { id: m.thread.id, name: m.thread.name, messageCount: m.thread.messageCount ?? null };
  if (m.poll) {
    view.poll = {
      question: m.poll.question.text ?? '',
      answers: [...m.poll.answers.values()].slice(0, 10).map((a) => ({
        id: a.id,
        text: a.text ?? '',
        emoji: a.emoji?.name ?? null,
        ...(a.emoji?.id ? { emojiUrl: emojiUrl(m, a.emoji.id, a.emoji.animated ?? false) } : {}),
        votes: a.voteCount,
      })),
      multiselect: m.poll.allowMultiselect === true,
      expiresAt: m.poll.expiresTimestamp ?? null,
      finalized: m.poll.resultsFinalized,
    };
  }
  return view;
}

const cdnOf = (m: Message | PartialMessage) => m.client.options.rest?.cdn ?? 'https://cdn.discordapp.com';

/** Files of a message, as the panel lists them (the same shape toChatMessage gives the message's own). */
export function attachmentsOf(m: Pick<Message, 'attachments'>): ChatAttachment[] {
  return [...m.attachments.values()].map((a) => ({ id: a.id, name: a.name, url: a.url, size: a.size, contentType: a.contentType ?? null, width: a.width ?? null, height: a.height ?? null }));
}

/** The reactions as discord.js has them (a REST message carries them all, with counts). */
export function reactionsOf(m: Message | PartialMessage): ChatReaction[] {
  if (m.reactions.cache.size === 0) return [];
  return [...m.reactions.cache.values()].slice(0, MAX_REACTIONS).map((r) => ({
    emoji: { id: r.emoji.id, name: r.emoji.name ?? '?', animated: r.emoji.animated ?? false, url: r.emoji.id ? emojiUrl(m, r.emoji.id, r.emoji.animated ?? false) : null },
    count: r.count ?? 1,
  }));
}

/**
 * What a reply shows of its original: the author's name, the start of its text (or its files' names) and
 * the names Discord sent with the original for the mentions in that start: the reply's own mentions do
 * not hold them (its quote showed a role as "deleted-role" in the panel, as its id in the export).
 */
export function replyQuote(original: ChatMessage): Pick<ChatReply, 'mentions'> & { author: string; excerpt: string } {
  const text = excerpt(original.content || componentsText(original.view?.components) || original.attachments.map((a) => a.name).join(', '));
  const quote = { author: original.author.displayName, excerpt: text };
  const named = original.view?.mentions;
  if (!named || !text.includes('<')) return quote;
  const ids = (re: RegExp) => new Set([...text.matchAll(re)].map((x) => x[1]!));
  const [users, roles, channels] = [ids(/<@!?(\d{17,20})>/g), ids(/<@&(\d{17,20})>/g), ids(/<#(\d{17,20})>/g)];
  const mentions = { users: named.users.filter((u) => users.has(u.id)), roles: named.roles.filter((r) => roles.has(r.id)), channels: named.channels.filter((c) => channels.has(c.id)) };
  return mentions.users.length + mentions.roles.length + mentions.channels.length ? { ...quote, mentions } : quote;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${cutText(flat, EXCERPT_CHARS - 1).trimEnd()}…` : flat;
}

/** The application's owner (or its team's owner), known once the application was fetched. */
function ownerOf(m: Message | PartialMessage): string | null {
  const owner = m.client.application?.owner;
  if (!owner) return null;
  return 'ownerId' in owner ? owner.ownerId : owner.id;
}

function customEmojis(m: Message | PartialMessage, content: string): ChatMessageView['emojis'] {
  const seen = new Map<string, ChatMessageView['emojis'][number]>();
  for (const [, a, name, id] of content.matchAll(CUSTOM_EMOJI)) {
    if (seen.size >= MAX_EMOJIS) break;
    if (!seen.has(id!)) seen.set(id!, { id: id!, name: name!, animated: a === 'a', url: emojiUrl(m, id!, a === 'a') });
  }
  return [...seen.values()];
}

// Discord's own media hosts: an embed's image elsewhere (a tracking pixel) is not loaded by the panel.
const MEDIA_HOSTS = /^https:\/\/(cdn\.discordapp\.com|media\.discordapp\.net|images-ext-\d+\.discordapp\.net)\//;

/** A media URL the panel may load: Discord's hosts, or the CDN the client is configured with (the fake, the demo). */
function allowedMedia(url: string | undefined, cdn: string): string | undefined {
  if (!url) return undefined;
  return MEDIA_HOSTS.test(url) || url.startsWith(`${cdn}/`) ? url : undefined;
}

export function media(x: { url?: string; proxy_url?: string; width?: number; height?: number } | undefined, cdn: string): ChatEmbedMedia | undefined {
  const url = allowedMedia(x?.proxy_url, cdn) ?? allowedMedia(x?.url, cdn);
  return url ? { url, width: x?.width ?? null, height: x?.height ?? null } : undefined;
}

/** Discord's embed object (docs/resources/message, Embed Object) as the panel draws it. */
export function toEmbed(e: APIEmbed, cdn = 'https://cdn.discordapp.com'): ChatEmbed {
  const out: ChatEmbed = {
    type: e.type ?? 'rich',
    color: e.color ?? null,
    fields: (e.fields ?? []).slice(0, 25).map((f) => ({ name: f.name, value: f.value, inline: f.inline ?? false })),
    timestamp: e.timestamp ? Date.parse(e.timestamp) || null : null,
  };
  const authorIcon = allowedMedia(e.author?.proxy_icon_url, cdn) ?? allowedMedia(e.author?.icon_url, cdn);
  const footerIcon = allowedMedia(e.footer?.proxy_icon_url, cdn) ?? allowedMedia(e.footer?.icon_url, cdn);
  if (e.author?.name) out.author = { name: e.author.name, ...(e.author.url ? { url: e.author.url } : {}), ...(authorIcon ? { iconUrl: authorIcon } : {}) };
  if (e.title) out.title = e.title;
  if (e.url) out.url = e.url;
  if (e.description) out.description = e.description;
  const thumbnail = media(e.thumbnail, cdn);
  const image = media(e.image, cdn);
  const video = media(e.video, cdn);
  if (thumbnail) out.thumbnail = thumbnail;
  if (image) out.image = image;
  if (video) out.video = video;
  // Discord embeds the provider's player in an iframe; the panel links to it instead (CSP, no third-party frames).
  else if (e.video?.url && /^https:\/\//i.test(e.video.url)) out.player = { url: e.video.url, width: e.video.width ?? null, height: e.video.height ?? null };
  if (e.footer?.text) out.footer = { text: e.footer.text, ...(footerIcon ? { iconUrl: footerIcon } : {}) };
  if (e.provider?.name) out.provider = { name: e.provider.name, ...(e.provider.url ? { url: e.provider.url } : {}) };
  return out;
}
