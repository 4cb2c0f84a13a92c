// Bidirectional-text controls that reorder what follows them: an author named "\u202Enimda"
// would display as "admin". Names lose them; every name and message also sits in its own isolate.

/** LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069). */
export const BIDI_CONTROLS: readonly string[] = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((c) => String.fromCharCode(c));

const CONTROLS_RE = /[\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(CONTROLS_RE, '');
}
