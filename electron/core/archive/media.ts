// "Media downloaded beside it": everything the page draws from the CDN (avatars, attachments, emoji,
// stickers, embed images) fetched into `<name>_files/` next to the HTML, which then links them
// relatively, so the page shows them offline. A failed download keeps the remote link (counted, never fatal).
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PRIVATE_DIR, PRIVATE_FILE } from '../fs-modes.js';

const CONCURRENCY = 4;
const TIMEOUT_MS = 30_000;

export class MediaFolder {
  readonly dir: string;
  private readonly rel: string;
  private readonly saved = new Map<string, string>();
  private readonly tried = new Set<string>();
  failed = 0;

  constructor(htmlFile: string) {
    const name = `${basename(htmlFile).replace(/\.html?$/i, '').replace(/[^\w.-]+/g, '_')}_files`;
    this.dir = join(htmlFile, '..', name);
    this.rel = name;
  }

  /** The relative path of a downloaded file, else the URL itself. */
  local(url: string): string {
    return this.saved.get(url) ?? url;
  }

  /** Downloads each URL not tried yet (the HTML writer's list: avatars, attachments, emoji, stickers, embed images). */
  async fetchAll(urls: readonly string[], signal?: AbortSignal): Promise<void> {
    const queue = [...new Set(urls)].filter((u) => /^https?:\/\//i.test(u) && !this.tried.has(u));
    if (queue.length === 0) return;
    mkdirSync(this.dir, { recursive: true, mode: PRIVATE_DIR });
    const worker = async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) await this.fetchOne(url, signal);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  private async fetchOne(url: string, signal?: AbortSignal): Promise<void> {
    this.tried.add(url);
    try {
      // A stopped export (a download given up) stops its downloads too, rather than waiting out a slow host.
      signal?.throwIfAborted();
      const timeout = AbortSignal.timeout(TIMEOUT_MS);
      const res = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const data = Buffer.from(await res.arrayBuffer());
      // Numbered so two files called image.png never collide; the name keeps its extension.
      const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? 'file').replace(/[^\w.-]+/g, '_').slice(-80) || 'file';
      const name = `${this.saved.size + 1}-${last}`;
      writeFileSync(join(this.dir, name), data, { mode: PRIVATE_FILE });
      this.saved.set(url, `${this.rel}/${encodeURIComponent(name)}`);
    } catch {
      this.failed++;
    }
  }
}
