// Discord's attachment links expire after about a day (docs/reference.mdx, Signed Attachment CDN URLs). A
// file of a message whose link expired and did not load asks the core for fresh links (messages.refreshMedia,
// which fetches the message again through the bot) and is tried again with them; a link already expired
// when shown asks at once (a PDF has no load to fail). Once per message and link:
// a fresh link that fails too shows the "could not load" box, never another request.
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../../../shared/api';
import { linkExpired } from '../../../../shared/attachment-links';
import type { ChatAttachment, RefreshedMedia } from '../../../../shared/types';
import { useApi } from '../../api-context';

// Several files of one message failing together make one request.
const inFlight = new WeakMap<Api, Map<string, Promise<RefreshedMedia>>>();
function refreshOnce(api: Api, messageId: string): Promise<RefreshedMedia> {
  let pending = inFlight.get(api);
  if (!pending) inFlight.set(api, (pending = new Map()));
  let answer = pending.get(messageId);
  if (!answer) {
    const own = pending;
    answer = api.messages.refreshMedia({ messageId });
    own.set(messageId, answer);
    void answer.finally(() => own.delete(messageId)).catch(() => undefined);
  }
  return answer;
}

/** By attachment id: the link it had when fresh ones were asked for, and the fresh one. */
type Relinked = ReadonlyMap<string, { from: string; to: string }>;

export function useFreshLinks(messageId: string | undefined, attachments: readonly ChatAttachment[]) {
  const api = useApi();
  const [relinked, setRelinked] = useState<Relinked>(new Map());
  const [asked, setAsked] = useState(false);
  /** The link to use: the fresh one while the message still has the link it replaced (an edit brings its own). */
  const url = useCallback((a: ChatAttachment) => {
    const r = relinked.get(a.id);
    return r && r.from === a.url ? r.to : a.url;
  }, [relinked]);
  /** A file did not load: fresh links are asked for when its link says it expired, once. */
  const broken = useCallback((a: ChatAttachment) => {
    if (!messageId || asked || !linkExpired(a.url)) return;
    setAsked(true);
    refreshOnce(api, messageId)
      .then(({ attachments: fresh }) => {
        const to = new Map(fresh.map((f) => [f.id, f.url]));
        const next = new Map<string, { from: string; to: string }>();
        for (const x of attachments) {
          const link = to.get(x.id);
          if (link && link !== x.url) next.set(x.id, { from: x.url, to: link });
        }
        setRelinked(next);
      })
      // Refused (the bot stopped, the message deleted): the box stays, with the link it had.
      .catch(() => undefined);
  }, [api, messageId, asked, attachments]);
  // A link already expired when shown asks at once: a file that is not a picture (a PDF, an archive) has no
  // load to fail, and its name and download button kept a link Discord's CDN refuses.
  const expired = attachments.find((a) => linkExpired(a.url));
  useEffect(() => {
    if (expired) broken(expired);
  }, [expired, broken]);
  return { url, broken };
}
