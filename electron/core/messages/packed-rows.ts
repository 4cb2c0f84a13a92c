// A batch of rows for the write thread as one string and its cut points. Posted as 4 strings a row,
// the structured clone of ~1,000 strings a batch cost the event loop ~2 µs a message (bench/live-ingest
// profile); one string is one copy, and the thread cuts it apart on its own time.

/** Values of rows (4 a row, in order) joined into `text`; `ends[i]` is where value i ends. */
export interface PackedRows {
  text: string;
  ends: Uint32Array;
}

/** Packs `items`, each made into its row's values by `row`. */
export function packRows<T>(items: readonly T[], row: (item: T) => readonly string[]): PackedRows {
  const parts: string[] = [];
  for (const item of items) parts.push(...row(item));
  const ends = new Uint32Array(parts.length);
  let at = 0;
  for (let i = 0; i < parts.length; i++) ends[i] = at += parts[i]!.length;
  return { text: parts.join(''), ends };
}

/** The values again, in order (the write thread's copy is UNPACK_SOURCE; both are covered by the store's tests). */
export function unpackRows({ text, ends }: PackedRows): string[] {
  const values = new Array<string>(ends.length);
  let from = 0;
  for (let i = 0; i < ends.length; i++) values[i] = text.slice(from, (from = ends[i]!));
  return values;
}

/** unpackRows for the write thread's plain script (write-thread-source.ts). */
export const UNPACK_SOURCE = `function unpackRows({ text, ends }) {
  const values = new Array(ends.length);
  let from = 0;
  for (let i = 0; i < ends.length; i++) values[i] = text.slice(from, (from = ends[i]));
  return values;
}`;
