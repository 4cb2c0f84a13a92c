// The links a message shows besides its attachments: embeds' images, thumbnails, videos and author/footer icons,
// components' thumbnails, gallery pictures and files. One that shows a file of the attachment CDN (a bot's
// attachment://chart.png) is signed and expires like an attachment's (docs/reference.mdx, Signed Attachment CDN
// URLs): the core stores fresh ones when it fetches the message again, the panel asks when one it shows expired.
import type { ChatComponent, ChatEmbed, ChatEmbedMedia } from './types.js';

/** A link passed through: itself, or the one to show instead. */
export type Relink = (url: string) => string;

const media = (m: ChatEmbedMedia, to: Relink): ChatEmbedMedia => ({ ...m, url: to(m.url) });

/** The embeds with each media link passed through `to`. */
export function relinkEmbeds(embeds: readonly ChatEmbed[], to: Relink): ChatEmbed[] {
  return embeds.map((e) => ({
    ...e,
    ...(e.author?.iconUrl ? { author: { ...e.author, iconUrl: to(e.author.iconUrl) } } : {}),
    ...(e.thumbnail ? { thumbnail: media(e.thumbnail, to) } : {}),
    ...(e.image ? { image: media(e.image, to) } : {}),
    ...(e.video ? { video: media(e.video, to) } : {}),
    ...(e.footer?.iconUrl ? { footer: { ...e.footer, iconUrl: to(e.footer.iconUrl) } } : {}),
  }));
}

/** The components with each media link (thumbnail, gallery, file) passed through `to`, nested ones too. */
export function relinkComponents(components: readonly ChatComponent[], to: Relink): ChatComponent[] {
  const one = (c: ChatComponent): ChatComponent => {
    switch (c.type) {
      case 'row':
      case 'container':
        return { ...c, components: c.components.map(one) };
      case 'section':
        return { ...c, components: c.components.map(one), accessory: c.accessory && one(c.accessory) };
      case 'thumbnail':
        return { ...c, media: media(c.media, to) };
      case 'gallery':
        return { ...c, items: c.items.map((i) => ({ ...i, media: media(i.media, to) })) };
      case 'file':
        return c.url === null ? c : { ...c, url: to(c.url) };
      default:
        return c;
    }
  };
  return components.map(one);
}

const listed = (walk: (to: Relink) => unknown): string[] => {
  const out: string[] = [];
  walk((url) => (out.push(url), url));
  return out;
};

/** Every media link of the embeds, in reading order. */
export const embedLinks = (embeds: readonly ChatEmbed[]): string[] => listed((to) => relinkEmbeds(embeds, to));

/** Every media link of the components, in reading order. */
export const componentLinks = (components: readonly ChatComponent[]): string[] => listed((to) => relinkComponents(components, to));
