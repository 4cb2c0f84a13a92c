// A stored Discord message and what the message view needs to draw it.
import type { ChatComponent, ChatEmbed, ChatPoll, ChatReaction } from './chat-content.js';

export interface ChatAttachment {
  id: string;
  name: string;
  url: string;
  size: number;
  contentType: string | null;
  width: number | null;
  height: number | null;
}

/** messages.refreshMedia's answer: the message's attachments (a forward's too) with links Discord signed just now. */
export interface RefreshedMedia {
  messageId: string;
  attachments: ChatAttachment[];
  /** Its embeds' and components' media links that expire like attachments' (a bot's attachment://chart.png), signed just now. */
  links: string[];
}

export interface ChatMessage {
  id: string;
  channelId: string;
  author: { id: string; username: string; displayName: string; avatarUrl: string | null; bot: boolean };
  content: string;
  /** Epoch ms. */
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
  attachments: ChatAttachment[];
  /** True when fetched over REST after a (re)connect rather than received live. */
  caughtUp: boolean;
  /** What the message view needs beyond the text (message-view.ts); absent on messages stored before it existed. */
  view?: ChatMessageView;
}

/** Discord's message type number (0 default, 7 member join, 19 reply…); the panel words the system ones. */
export interface ChatMessageView {
  type: number;
  mentions: ChatMentions;
  reply?: ChatReply;
  embeds: ChatEmbed[];
  /** format: Discord's sticker format_type (1 PNG, 2 APNG, 3 Lottie, 4 GIF); url is the CDN file (.json for Lottie). */
  stickers: { id: string; name: string; url: string | null; format?: number }[];
  reactions: ChatReaction[];
  /** Custom emoji written in the content (`<:name:id>`), with their CDN image. */
  emojis: { id: string; name: string; animated: boolean; url: string }[];
  thread?: { id: string; name: string; messageCount: number | null };
  poll?: ChatPoll;
  /** A forwarded message's snapshot (docs: Message Snapshot Object); the forward itself has no content. */
  forward?: { content: string; attachments: ChatAttachment[]; embeds: ChatEmbed[]; createdAt: number };
  /** Buttons, select menus and layout components (docs/components/reference.mdx), drawn read-only. */
  components?: ChatComponent[];
  /** Mentions the bot's application owner directly or with @everyone/@here (roles are not checked): highlighted like Discord's "mentions you". */
  mentionsOwner: boolean;
}

export interface ChatMentions {
  users: { id: string; name: string }[];
  /** color: 0xRRGGBB, 0 when the role has none. */
  roles: { id: string; name: string; color: number }[];
  channels: { id: string; name: string }[];
  everyone: boolean;
}

/** The replied-to message: null author/excerpt when Discord says it was deleted or could not load it. */
export interface ChatReply {
  id: string;
  author: string | null;
  excerpt: string | null;
  /** The names Discord sent with the original for the mentions in the excerpt (absent when it names no one, and on quotes stored before they were kept). */
  mentions?: Omit<ChatMentions, 'everyone'>;
}
