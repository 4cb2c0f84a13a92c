// A folder as a .zip streamed into a sink (an HTTP response): a browser gets an HTML export and its
// `<name>_files/` folder as one download. fflate writes each entry as it is read (constant memory).
import { createReadStream, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';
import { drained } from './exporter.js';

/** Pictures, video and sound are compressed already: stored as they are; text is deflated. */
const DEFLATED = /\.(html?|json|txt|csv|svg)$/i;

/** Every file under `dir`, as paths relative to it with "/" between folders, in a stable order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export async function zipFolder(sink: Writable, dir: string, signal?: AbortSignal): Promise<void> {
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure ??= err;
    else if (!sink.destroyed) sink.write(data);
  });
  // The sink is written from fflate's callback: its backpressure is waited for between chunks.
  const flowed = async () => {
    if (failure) throw failure;
    signal?.throwIfAborted();
    if (sink.destroyed) throw new Error('the export\'s destination was closed');
    if (sink.writableNeedDrain) await drained(sink, signal);
  };
  try {
    for (const name of filesUnder(dir)) {
      const entry: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } = DEFLATED.test(name) ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
      zip.add(entry);
      for await (const chunk of createReadStream(join(dir, name), signal ? { signal } : {})) {
        entry.push(chunk as Buffer);
        await flowed();
      }
      entry.push(new Uint8Array(0), true);
      await flowed();
    }
    zip.end();
    await flowed();
  } catch (err) {
    zip.terminate();
    throw err;
  }
}
