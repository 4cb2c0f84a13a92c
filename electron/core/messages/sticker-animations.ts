// Lottie stickers' animations (sticker format_type 3), fetched by the core from Discord's CDN as the
// docs' Sticker endpoint gives them (`stickers/<id>.json`). The panel cannot fetch them itself: its CSP
// connects only to its own server, and Discord serves the file with CORS for its own site only.
import type { StickerAnimation } from '../../../shared/types.js';
import { CommandError } from '../errors.js';

/** Discord's upload limit for a sticker file is 512 KiB; a bigger answer is not a sticker. */
export const MAX_LOTTIE_BYTES = 512 * 1024;
const TIMEOUT_MS = 10_000;
/** Recently shown stickers, kept in memory: a channel reuses the same few. */
const CACHE_SIZE = 32;

type Fetch = (url: string, init: { signal: AbortSignal }) => Promise<Response>;

export class StickerAnimations {
  private readonly cache = new Map<string, Promise<StickerAnimation>>();

  constructor(
    private readonly cdn: string,
    private readonly fetchFn: Fetch = fetch,
  ) {}

  get(id: string): Promise<StickerAnimation> {
    const hit = this.cache.get(id);
    if (hit) {
      // Map order is insertion order: re-inserting marks it as recently used.
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const pending = this.load(id);
    this.cache.set(id, pending);
    // A failure is not kept: the next message showing the sticker tries again.
    pending.catch(() => this.cache.delete(id));
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return pending;
  }

  private async load(id: string): Promise<StickerAnimation> {
    const url = `${this.cdn.replace(/\/+$/, '')}/stickers/${id}.json`;
    const fail = (why: string) =>
      new CommandError('unavailable', `The animation of sticker ${id} could not be loaded from ${url} (${why}); the panel shows its name instead. Check that this machine can reach Discord's CDN.`);
    let res: Response;
    try {
      res = await this.fetchFn(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      throw fail((err as Error).message);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw fail(`HTTP ${res.status}`);
    }
    const text = await readCapped(res, MAX_LOTTIE_BYTES).catch((err: Error) => {
      throw fail(err.message);
    });
    if (!isLottie(text)) throw fail('the file is not a Lottie animation');
    return { id, json: text };
  }
}

async function readCapped(res: Response, max: number): Promise<string> {
  if (Number(res.headers.get('content-length') ?? 0) > max) {
    // Unread, the body would hold its connection until garbage collection.
    await res.body?.cancel().catch(() => {});
    throw new Error(`over ${max / 1024} KiB`);
  }
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new Error(`over ${max / 1024} KiB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Lottie's required top-level fields (frame rate, in/out points, size, layers). */
export function isLottie(text: string): boolean {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  return ['fr', 'ip', 'op', 'w', 'h'].every((k) => typeof o[k] === 'number' && Number.isFinite(o[k])) && Array.isArray(o.layers);
}
