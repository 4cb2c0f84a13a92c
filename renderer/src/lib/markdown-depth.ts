// How deep quotes and lists may nest in a rendered message (applied in shared/discord-markdown.ts).
// Each level indents by its padding, so 500 nested quotes made the feed 7,000 px wide.

export { MAX_LIST_DEPTH, MAX_QUOTE_DEPTH } from '../../../shared/limits';
