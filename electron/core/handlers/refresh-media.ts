// messages.refreshMedia: a stored message's attachment links, and its embeds' and components' media on the
// attachment CDN, fetched anew through the running bot (they expire after about a day). Only links cross back
// to the panel; the request itself stays in the core.
// Each is a Discord request on the channel's messages route, the one the catch-up pages through: a few at
// a time (a screen of pictures), the same message asked twice is one request, more are refused as busy.
import { coreText } from '../../../shared/core-text.js';
import type { RefreshedMedia } from '../../../shared/types.js';
import type { ChannelMonitor } from '../bot/monitor.js';
import { CommandError } from '../errors.js';
import { allAttachments, signedMediaLinks } from '../messages/fresh-links.js';

/** Requests to Discord at once; a screen of the panel shows fewer messages with expired pictures. */
export const MAX_REFRESHES = 8;

export function refreshMediaHandler(monitor: ChannelMonitor): (messageId: string) => Promise<RefreshedMedia> {
  const running = new Map<string, Promise<RefreshedMedia>>();
  const refresh = async (messageId: string): Promise<RefreshedMedia> => {
    const refresher = monitor.mediaRefresher();
    if (!refresher) throw new CommandError('unavailable', coreText('media.notConnected'));
    // A message just received may still be on its way to the store.
    await monitor.writesDone();
    const message = await refresher.one(messageId);
    return { messageId, attachments: allAttachments(message), links: signedMediaLinks(message.view) };
  };
  return (messageId) => {
    const same = running.get(messageId);
    if (same) return same;
    if (running.size >= MAX_REFRESHES) return Promise.reject(new CommandError('busy', coreText('media.busy', { max: MAX_REFRESHES })));
    const answer = refresh(messageId).finally(() => running.delete(messageId));
    running.set(messageId, answer);
    return answer;
  };
}
