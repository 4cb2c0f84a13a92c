// Embeds and components that show a file of the attachment CDN (a bot's `attachment://chart.png`, or the CDN
// URL passed "without any parameters") carry it signed like an attachment, at each sending: "Discord will
// automatically render and refresh the URL" (docs/reference.mdx, Signed Attachment CDN URLs). Other links
// (an outside image, an avatar) are sent as they were given.
import type { Json } from './model.js';
import type { State } from './state.js';

/** `url` signed anew when it names a file of this fake's attachment CDN, else undefined. */
function resigned(state: State, url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== new URL(state.cdnUrl).origin || !parsed.pathname.startsWith('/attachments/')) return undefined;
  return state.attachmentUrls.sign(state.cdnUrl, parsed.pathname);
}

const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** An embed image/thumbnail/video or an unfurled media item (url, proxy_url): the fake's proxy is its CDN. */
function media(state: State, x: unknown): unknown {
  const url = isObj(x) ? resigned(state, x.url) : undefined;
  return url ? { ...(x as Json), url, proxy_url: url } : x;
}

/** An embed author or footer (icon_url, proxy_icon_url). */
function icon(state: State, x: unknown): unknown {
  const url = isObj(x) ? resigned(state, x.icon_url) : undefined;
  return url ? { ...(x as Json), icon_url: url, proxy_icon_url: url } : x;
}

export function signedEmbeds(state: State, embeds: unknown): unknown {
  if (!Array.isArray(embeds)) return embeds;
  return embeds.map((e) => {
    if (!isObj(e)) return e;
    const out: Json = { ...e };
    for (const k of ['image', 'thumbnail', 'video'] as const) if (k in e) out[k] = media(state, e[k]);
    for (const k of ['author', 'footer'] as const) if (k in e) out[k] = icon(state, e[k]);
    return out;
  });
}

/** Thumbnail (11), media gallery (12) and file (13) components, inside rows, sections and containers too. */
export function signedComponents(state: State, components: unknown): unknown {
  if (!Array.isArray(components)) return components;
  return components.map((c) => {
    if (!isObj(c)) return c;
    const out: Json = { ...c };
    if ('components' in c) out.components = signedComponents(state, c.components);
    if ('accessory' in c) out.accessory = (signedComponents(state, [c.accessory]) as unknown[])[0];
    if (c.type === 11) out.media = media(state, c.media);
    if (c.type === 12 && Array.isArray(c.items)) out.items = c.items.map((i) => (isObj(i) ? { ...i, media: media(state, i.media) } : i));
    if (c.type === 13) out.file = media(state, c.file);
    return out;
  });
}
