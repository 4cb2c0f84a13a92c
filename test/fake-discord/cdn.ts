// A stand-in for cdn.discordapp.com so the offline demo shows avatars and image attachments:
// every image is a solid PNG whose colour comes from its path; an MP4 or MP3 is a small playable file. Point discord.js at it with
// `rest: { cdn: fake.cdnUrl }`; attachment URLs in message objects already point here, signed.
import { crc32, deflateSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_MP4, silentMp3 } from './demo-media.js';
import { lottieFor } from './lottie.js';
import type { State } from './state.js';

const CDN_PREFIXES = ['/avatars/', '/embed/avatars/', '/attachments/', '/icons/', '/guild-events/', '/emojis/', '/stickers/'];

export function handleCdn(state: State, req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://fake');
  if (req.method !== 'GET' || !CDN_PREFIXES.some((p) => url.pathname.startsWith(p))) return false;

  let width = Number(url.searchParams.get('size') ?? 128);
  let height = width;
  const [, kind, channelId, attachmentId] = url.pathname.split('/');
  // docs/reference.mdx, CDN Endpoints, Sticker: "available as Lottie if its format_type is LOTTIE" (.json).
  const lottie = kind === 'stickers' ? /^(\d{17,20})\.json$/.exec(channelId ?? '') : null;
  if (kind === 'stickers' && (channelId ?? '').endsWith('.json')) {
    if (!lottie || stickerFormat(state, lottie[1]!) !== LOTTIE) return notFound(res);
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=3600' });
    res.end(lottieFor(lottie[1]!));
    return true;
  }
  if (kind === 'attachments') {
    // Discord's CDN answers an expired, unsigned or tampered attachment link with 404 (attachment-urls.ts).
    if (!state.attachmentUrls.valid(url)) return notFound(res);
    const attachment = (state.messages.get(channelId ?? '') ?? [])
      .flatMap((m) => m.attachments)
      .find((a) => a.id === attachmentId);
    if (!attachment) return notFound(res);
    if (!attachment.contentType?.startsWith('image/')) {
      res.writeHead(200, { 'content-type': attachment.contentType ?? 'application/octet-stream' });
      res.end(mediaFor(attachment.contentType) ?? `Fake contents of ${attachment.filename}\n`);
      return true;
    }
    width = attachment.width ?? 640;
    height = attachment.height ?? 480;
  }
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(1024, Math.max(1, Math.round(n))) : 128);
  res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' });
  res.end(solidPng(clamp(width), clamp(height), colourFor(url.pathname)));
  return true;
}

const LOTTIE = 3;

/** A file the panel's players can load: every video is the same short MP4, every MP3 the same silence. */
function mediaFor(contentType: string | null): Buffer | undefined {
  if (contentType === 'video/mp4') return DEMO_MP4;
  if (contentType === 'audio/mpeg') return silentMp3();
  return undefined;
}

/** A sticker's format_type, from the messages that carry it (sticker_items), as the real CDN knows it. */
function stickerFormat(state: State, id: string): number | undefined {
  for (const messages of state.messages.values()) {
    for (const m of messages) {
      const items = (m.extra as { sticker_items?: { id: string; format_type: number }[] } | undefined)?.sticker_items;
      const hit = items?.find((s) => s.id === id);
      if (hit) return hit.format_type;
    }
  }
  return undefined;
}

function notFound(res: ServerResponse): true {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found');
  return true;
}

function colourFor(key: string): [number, number, number] {
  const hue = crc32(key) % 360;
  // HSL with fixed saturation/lightness keeps every colour pleasant next to the others.
  const s = 0.55;
  const l = 0.55;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    hue < 60 ? [c, x, 0] : hue < 120 ? [x, c, 0] : hue < 180 ? [0, c, x] : hue < 240 ? [0, x, c] : hue < 300 ? [x, 0, c] : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB pixels
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit truecolour, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
