// Discord's attachment links expire after about a day (docs/reference.mdx, Signed Attachment CDN URLs), and
// so do embeds' and components' media that show files of that CDN. A file of a message whose link expired and
// did not load asks the core for fresh links (messages.refreshMedia, which fetches the message again through
// the bot) and is tried again with them; a link already expired when shown asks at once (a PDF has no load
// to fail). Once per message and link: a fresh link that fails too shows the "could not load" box, never
// another request.
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../../../shared/api';
import { linkExpired, linkExpiry, unsignedLink } from '../../../../shared/attachment-links';
import type { RefreshedMedia } from '../../../../shared/types';
import { useApi } from '../../api-context';

/** Requests at once from this page, under the core's limit (MAX_REFRESHES: a second panel stays under it too). */
export const REFRESHES_AT_ONCE = 4;
/**
 * An answer is reused this long: a row scrolled away and back asks nothing again (nor after a refusal, which a
 * started bot may answer later). One with no fresh link (the file removed on Discord) is kept for the page's life:
 * asking again would cost a Discord request each time the row is drawn, for the same answer.
 */
export const ANSWER_KEPT_MS = 60_000;

interface Refreshes {
  answers: Map<string, Promise<RefreshedMedia>>;
  running: number;
  waiting: Array<() => void>;
}
const perApi = new WeakMap<Api, Refreshes>();

/** Several files of one message make one request; a screen of expired pictures queues, a few at a time. */
function refreshOnce(api: Api, messageId: string): Promise<RefreshedMedia> {
  let r = perApi.get(api);
  if (!r) perApi.set(api, (r = { answers: new Map(), running: 0, waiting: [] }));
  const own = r;
  const known = own.answers.get(messageId);
  if (known) return known;
  const turn = own.running < REFRESHES_AT_ONCE ? Promise.resolve() : new Promise<void>((go) => own.waiting.push(go));
  own.running++;
  const answer = turn.then(() => api.messages.refreshMedia({ messageId }));
  own.answers.set(messageId, answer);
  const forgetLater = () => void setTimeout(() => own.answers.get(messageId) === answer && own.answers.delete(messageId), ANSWER_KEPT_MS);
  void answer
    .then((r) => [...r.attachments.map((a) => a.url), ...r.links].some((url) => !linkExpired(url)) && forgetLater(), forgetLater)
    .finally(() => {
      own.running--;
      own.waiting.shift()?.();
    });
  return answer;
}

/** A shown link that had expired, and the fresh one for the same file. */
type Relinked = ReadonlyMap<string, string>;

/** After a link's expiry, its row asks this much later (its clock a little ahead of Discord's). */
const AFTER_EXPIRY_MS = 1_000;
/** setTimeout's longest wait (a link signed for longer is checked again then). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** `shown`: the links of a message's files (attachments, or an embed's or a component's media). */
export function useFreshLinks(messageId: string | undefined, shown: readonly string[]) {
  const api = useApi();
  const [relinked, setRelinked] = useState<Relinked>(new Map());
  // Asked once for these links: fresh ones (an update of the message) may be asked for again a day later.
  const links = shown.join('\n');
  const [askedFor, setAskedFor] = useState<string | null>(null);
  const asked = askedFor === links;
  /** The link to use: the fresh one while the message still has the link it replaced (an edit brings its own). */
  const url = useCallback((link: string) => relinked.get(link) ?? link, [relinked]);
  /** A file did not load: fresh links are asked for when its link says it expired, once. */
  const broken = useCallback((link: string) => {
    if (!messageId || asked || !linkExpired(link)) return;
    setAskedFor(links);
    refreshOnce(api, messageId)
      .then((answer) => {
        // Matched by the file the link names: only the signature changes between fetches.
        const fresh = new Map([...answer.attachments.map((a) => a.url), ...answer.links].map((f) => [unsignedLink(f), f]));
        const next = new Map<string, string>();
        for (const x of links.split('\n')) {
          const to = fresh.get(unsignedLink(x));
          if (to && to !== x) next.set(x, to);
        }
        setRelinked(next);
      })
      // Refused (the bot stopped, the message deleted): the box stays, with the link it had.
      .catch(() => undefined);
  }, [api, messageId, asked, links]);
  // A link already expired when shown asks at once: a file that is not a picture (a PDF, an archive) has no
  // load to fail, and its name and download button kept a link Discord's CDN refuses. A panel left open
  // (a dashboard on a home server) asks when a shown link expires: its picture, loaded a day ago, still
  // shows, but its download and "open original" links would answer 404.
  const [, recheck] = useState(0);
  const expired = shown.find((link) => linkExpired(link));
  const nextExpiry = Math.min(...shown.map((link) => linkExpiry(link) ?? Infinity));
  useEffect(() => {
    if (expired) broken(expired);
  }, [expired, broken]);
  useEffect(() => {
    const wait = nextExpiry - Date.now();
    if (!Number.isFinite(nextExpiry) || wait <= 0) return;
    const timer = setTimeout(() => recheck((n) => n + 1), Math.min(wait + AFTER_EXPIRY_MS, LONGEST_TIMER_MS));
    return () => clearTimeout(timer);
  }, [nextExpiry]);
  return { url, broken };
}
