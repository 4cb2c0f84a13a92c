// Code blocks are highlighted a few at a time, one batch per frame, and remembered. Rows mount many
// at once while scrolling (about 25 a frame): highlighting every block in the task that mounts them
// made long tasks (a 4,000-character block takes ~6 ms, a 20,000-character JSON one ~60 ms), and a
// block scrolled back into view would be highlighted again.
import { onNextFrame } from '../frame';
import type { HighlightTree } from './highlight';

/** Characters highlighted per frame (always at least one block): about 10 ms of TypeScript. */
export const CHARS_PER_FRAME = 6000;
/** Blocks remembered, least recently shown dropped first. */
const CACHE_MAX = 300;

type Done = (tree: HighlightTree | null) => void;
interface Job {
  key: string;
  code: string;
  lang: string;
  done: Done;
}

const cache = new Map<string, HighlightTree | null>();
const queue: Job[] = [];
let highlighter: ((code: string, lang: string) => HighlightTree | null) | null = null;
let loading: Promise<void> | null = null;
let scheduled = false;

const keyOf = (code: string, lang: string) => `${lang}\n${code}`;

/** The tree highlighted earlier for this block (null: not a known language), or undefined if not yet. */
export function cachedHighlight(code: string, lang: string): HighlightTree | null | undefined {
  const key = keyOf(code, lang);
  const tree = cache.get(key);
  if (tree !== undefined) {
    cache.delete(key);
    cache.set(key, tree);
  }
  return tree;
}

/** Highlights the block in a later frame, within that frame's budget; answers a cancel for unmount. */
export function requestHighlight(code: string, lang: string, done: Done): () => void {
  const job: Job = { key: keyOf(code, lang), code, lang, done };
  queue.push(job);
  schedule();
  return () => {
    const i = queue.indexOf(job);
    if (i >= 0) queue.splice(i, 1);
  };
}

function schedule(): void {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  // The highlighter is its own chunk, downloaded the first time a block needs it.
  loading ??= import('./highlight').then((m) => {
    highlighter = m.highlight;
  });
  void loading.then(() => onNextFrame(pump));
}

function pump(): void {
  scheduled = false;
  let chars = 0;
  while (queue.length > 0 && chars < CHARS_PER_FRAME) {
    const job = queue.shift()!;
    let tree = cache.get(job.key);
    if (tree === undefined) {
      tree = highlighter!(job.code, job.lang);
      chars += job.code.length;
      cache.set(job.key, tree);
      if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
    }
    job.done(tree);
  }
  schedule();
}
