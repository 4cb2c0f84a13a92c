// Streams an export: pages of 1,000 stored messages → format strings → the sink, waiting for the
// sink to drain (constant memory), scrubbing secrets, reporting progress, stoppable between pages.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { setImmediate } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import type { CoreSentence } from '../../../shared/core-text.js';
import { PRIVATE_FILE } from '../fs-modes.js';
import type { LinkRefresh } from './expired-links.js';
import { writerFor, type ExportMeta } from './formats/index.js';
import type { MediaFolder } from './media.js';
import type { ArchiveQuery, ExportFormat } from './query.js';
import type { ArchiveReader } from './reader.js';

export interface ExportProgress {
  done: number;
  /** Stored messages in the range (authors not yet filtered): an upper bound. */
  total: number;
  /** Messages written so far (those the filter kept among the `done` read). */
  exported?: number;
}

export interface ExportJob {
  reader: ArchiveReader;
  query: ArchiveQuery;
  format: ExportFormat;
  meta: ExportMeta;
  /** Removes known secrets from every chunk (the core's redactor). */
  redact: (text: string) => string;
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
  /** HTML only: download attachments and avatars into a folder beside the file. */
  media?: MediaFolder;
  /** With `media`: expired attachment links fetched anew first (expired-links.ts). */
  links?: LinkRefresh;
}

export interface ExportResult {
  count: number;
  bytes: number;
  mediaFailed: number;
  /** Expired attachment links that could not be fetched anew (among mediaFailed). */
  mediaExpired: number;
  /** Why they could not, null when none was left. */
  mediaExpiredWhy: CoreSentence | null;
}

/**
 * Drawing a page longer than this yields to the event loop: anyone in the channel can post messages slow
 * to render (4,000 characters of nested list markers: ~50 ms of Markdown each), and a page is 1,000.
 */
const TURN_MS = 50;

async function write(sink: Writable, chunk: string, signal?: AbortSignal): Promise<number> {
  if (sink.destroyed) throw new Error('the export\'s destination was closed');
  if (!sink.write(chunk)) await drained(sink, signal);
  return Buffer.byteLength(chunk);
}

/**
 * Waits for `sink` to take more, or rejects once it is closed or `signal` aborts: a destroyed response
 * never drains, and waiting for it kept the export, its reader and a SQLite connection open for good.
 */
export async function drained(sink: Writable, signal?: AbortSignal): Promise<void> {
  const done = new AbortController();
  const stop = signal ? AbortSignal.any([signal, done.signal]) : done.signal;
  try {
    await Promise.race([
      once(sink, 'drain', { signal: stop }),
      once(sink, 'close', { signal: stop }).then(() => {
        throw new Error('the export\'s destination was closed before it was written');
      }),
    ]);
  } finally {
    // The other wait's listener goes too (its rejection is expected and ignored).
    done.abort();
  }
}

export async function exportTo(sink: Writable, job: ExportJob): Promise<ExportResult> {
  const total = job.reader.count(job.query);
  const meta = job.media ? { ...job.meta, media: (url: string) => job.media!.local(url) } : job.meta;
  const writer = await writerFor(job.format, meta);
  let count = 0;
  let bytes = await write(sink, job.redact(writer.header(meta)), job.signal);
  let scanned = 0;
  let expired = 0;
  let expiredWhy: CoreSentence | null = null;
  job.onProgress?.({ done: 0, total, exported: 0 });
  for (const page of job.reader.pages(job.query)) {
    job.signal?.throwIfAborted();
    let messages = page.messages;
    if (job.media && job.links) {
      const checked = await job.links(messages, job.signal);
      messages = checked.messages;
      expired += checked.expired;
      expiredWhy ??= checked.why;
    }
    if (job.media) await job.media.fetchAll(messages.flatMap((m) => writer.mediaUrls?.(m) ?? []), job.signal);
    // Downloads stopped by the signal were counted as failed: the export stops rather than finishing without them.
    job.signal?.throwIfAborted();
    let chunk = '';
    let turn = performance.now();
    // The text is scrubbed before it is formatted too: a keyword mark or Markdown inside a token cut it,
    // and the scrub of the formatted chunk (below) no longer found it.
    for (const m of messages) {
      chunk += writer.message(m.content ? { ...m, content: job.redact(m.content) } : m, count++);
      if (performance.now() - turn < TURN_MS) continue;
      await setImmediate();
      job.signal?.throwIfAborted();
      turn = performance.now();
    }
    bytes += await write(sink, job.redact(chunk), job.signal);
    scanned += page.scanned;
    job.onProgress?.({ done: scanned, total, exported: count });
  }
  bytes += await write(sink, writer.footer(count), job.signal);
  return { count, bytes, mediaFailed: job.media?.failed ?? 0, mediaExpired: expired, mediaExpiredWhy: expiredWhy };
}

/**
 * Writes to `file` through `file.part` (0600), renamed at the end: a stopped export leaves no half file.
 * `finalName`: the name to rename it to instead, known only once written (a backup's holds its count).
 */
export async function exportToFile(file: string, job: ExportJob, finalName?: (result: ExportResult) => string): Promise<ExportResult> {
  const part = `${file}.part`;
  const out = createWriteStream(part, { mode: PRIVATE_FILE });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    const result = await Promise.race([exportTo(out, job), failed]);
    out.end();
    await Promise.race([once(out, 'close'), failed]);
    renameSync(part, finalName?.(result) ?? file);
    return result;
  } catch (err) {
    // The stream opens its file asynchronously: removed before that open, the .part came back after it.
    if (!out.closed) {
      const closed = once(out, 'close').catch(() => undefined);
      out.destroy();
      await closed;
    }
    rmSync(part, { force: true });
    throw err;
  }
}
