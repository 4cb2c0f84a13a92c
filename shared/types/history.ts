// The stored history: search pages, channel statistics and the backfill of older messages.
import type { SearchProblem } from '../search-query.js';
import type { I18nText } from '../core-text.js';
import type { ChatMessage } from './chat-message.js';

/** One page of search results, newest first. */
export interface SearchResult {
  messages: ChatMessage[];
  /** The words and phrases searched for, for highlighting. */
  terms: string[];
  /** Filters that were not understood or matched nobody. */
  problems: SearchProblem[];
  /** Pass as `before` for the next (older) page; null when this was the last. */
  nextBefore: string | null;
  tookMs: number;
}

/** Channel statistics over a period (days and hours in the viewer's time zone). */
export interface ChannelStats {
  total: number;
  perDay: Array<{ day: string; count: number }>;
  /** Messages per hour of the day, 0–23. */
  hours: number[];
  topAuthors: Array<{ id: string; name: string; count: number }>;
  attachments: { count: number; bytes: number };
}

export type BackfillMode = 'recent' | 'history';
export interface BackfillOptions {
  mode: BackfillMode;
  /** Messages to fetch at most; null for all. */
  limit: 100 | 1000 | 10000 | null;
  /** How far back, in hours (24 h, 7 days, 30 days); null for all. */
  periodHours: 24 | 168 | 720 | null;
}

export interface BackfillView {
  state: 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed';
  options: BackfillOptions;
  fetched: number;
  /** New messages stored (fetched minus those already stored). */
  stored: number;
  /** Best estimate of the total to fetch; null when unknown. */
  expected: number | null;
  /** Oldest message reached so far (epoch ms), for "back to 3 March". */
  reachedAt: number | null;
  /** Seconds left at the current pace; null when unknown. */
  etaSeconds: number | null;
  /** A sentence when it failed or was paused (the bot stopped). */
  message: string | null;
  /** `message` by key, for the panel's language. */
  i18n?: I18nText;
}
