// Before an HTML export downloads its media: attachment links that expired (Discord signs them for about a
// day, docs/reference.mdx, Signed Attachment CDN URLs), embeds' and components' media on that CDN too, are
// fetched anew through the running bot, a page of neighbours a request (media-refresh.ts), else counted with
// the reason: they then fail to download as before.
import { linkExpired } from '../../../shared/attachment-links.js';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import type { ChatMessage } from '../../../shared/types.js';
import type { MediaRefresher } from '../bot/media-refresh.js';
import { readFailure } from '../history/read-failure.js';
import { allLinks, freshLinks } from '../messages/fresh-links.js';

/** A link this close to its expiry would expire during the download: refreshed too. */
const MARGIN_MS = 60_000;

export interface LinksChecked {
  messages: ChatMessage[];
  /** Expired links left as they were. */
  expired: number;
  /** Why they were left, null when none was. */
  why: CoreSentence | null;
}

export type LinkRefresh = (messages: ChatMessage[], signal?: AbortSignal) => Promise<LinksChecked>;

// The same link shown twice (an embed's thumbnail and its image) is counted once.
const expiredIn = (m: ChatMessage, now: number) => new Set(allLinks(m).filter((url) => linkExpired(url, now, MARGIN_MS))).size;

/** `refresher` is asked per page: null while the bot is not connected (`noBot` says why, e.g. the command line has none). */
export function expiredLinkRefresh(refresher: () => MediaRefresher | null, noBot: CoreSentence = coreText('archive.mediaBotStopped')): LinkRefresh {
  return async (messages, signal) => {
    const now = Date.now();
    const stale = messages.filter((m) => expiredIn(m, now) > 0);
    const count = (list: ChatMessage[]) => list.reduce((n, m) => n + expiredIn(m, now), 0);
    if (stale.length === 0) return { messages, expired: 0, why: null };
    const r = refresher();
    if (!r) return { messages, expired: count(stale), why: noBot };
    let fresh: Map<string, ChatMessage>;
    let failed: unknown;
    try {
      ({ refreshed: fresh, failed } = await r.many(stale.map((m) => m.id), signal));
    } catch (err) {
      if (signal?.aborted) throw err;
      return { messages, expired: count(stale), why: readFailure(err) };
    }
    // Only the links change: the page's rows are the reader's (scrubbed as stored).
    const relinked = messages.map((m) => {
      const f = fresh.get(m.id);
      const changes = f && freshLinks(m, f);
      return changes ? { ...m, ...changes } : m;
    });
    const left = count(relinked.filter((m) => !fresh.has(m.id) && expiredIn(m, now) > 0));
    // A request failed midway: the ones not fetched are said with what Discord answered.
    return { messages: relinked, expired: left, why: !left ? null : failed ? readFailure(failed) : coreText('archive.mediaGone') };
  };
}
