// How deep quotes and lists may nest in a rendered message (applied in lib/discord/markdown.ts).
// Each level indents by its padding, so 500 nested quotes made the feed 7,000 px wide.

/** Discord itself renders one level of quote. */
export const MAX_QUOTE_DEPTH = 1;
/** Deeper items join the deepest list, in order: no text is lost, only indentation. */
export const MAX_LIST_DEPTH = 4;
