// The rich parts of a message (embeds, components, emoji, stickers, reactions, polls) as the panel draws them.

export interface ChatEmbedMedia {
  url: string;
  width: number | null;
  height: number | null;
}

export interface ChatEmbed {
  type: string;
  color: number | null;
  author?: { name: string; url?: string; iconUrl?: string };
  title?: string;
  url?: string;
  description?: string;
  fields: { name: string; value: string; inline: boolean }[];
  thumbnail?: ChatEmbedMedia;
  image?: ChatEmbedMedia;
  video?: ChatEmbedMedia;
  /** A provider's video (YouTube…) that is not on Discord's hosts: its player page, opened in the browser, never embedded. */
  player?: { url: string; width: number | null; height: number | null };
  footer?: { text: string; iconUrl?: string };
  provider?: { name: string; url?: string };
  /** Epoch ms. */
  timestamp: number | null;
}

/** A component as the panel draws it: type names for Discord's numbers 1–3, 5–14 and 17; unknown ones are left out. */
export type ChatComponent =
  | { type: 'row'; components: ChatComponent[] }
  | { type: 'button'; style: number; label: string | null; emoji: ChatEmoji | null; url: string | null; disabled: boolean }
  | { type: 'select'; kind: number; placeholder: string | null; disabled: boolean; options: { label: string; emoji: ChatEmoji | null; selected: boolean }[] }
  | { type: 'text'; content: string }
  | { type: 'section'; components: ChatComponent[]; accessory: ChatComponent | null }
  | { type: 'thumbnail'; media: ChatEmbedMedia; description: string | null }
  | { type: 'gallery'; items: { media: ChatEmbedMedia; description: string | null }[] }
  | { type: 'separator'; divider: boolean; large: boolean }
  /** A File (13): an uploaded file shown like an attachment; url null while only an attachment:// reference is known. */
  | { type: 'file'; name: string; size: number | null; url: string | null; attachmentId: string | null }
  | { type: 'container'; accentColor: number | null; components: ChatComponent[] };

/** A Unicode emoji (id null) or a custom one with its CDN image. */
export interface ChatEmoji {
  id: string | null;
  name: string;
  animated: boolean;
  url: string | null;
}

/** A Lottie sticker's animation JSON, as Discord's CDN serves it (parsed by the panel's player). */
export interface StickerAnimation {
  id: string;
  json: string;
}

export interface ChatReaction {
  emoji: { id: string | null; name: string; animated: boolean; url: string | null };
  count: number;
}

export interface ChatPoll {
  question: string;
  /** emoji: a Unicode emoji or a custom one's name; emojiUrl: the custom one's CDN image. */
  answers: { id: number; text: string; emoji: string | null; emojiUrl?: string; votes: number }[];
  /** Discord says "Select one or more answers" under the question when true. */
  multiselect?: boolean;
  /** Epoch ms, null for a poll without end. */
  expiresAt: number | null;
  finalized: boolean;
}
