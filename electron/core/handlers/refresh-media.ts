// messages.refreshMedia: a stored message's attachment links fetched anew through the running bot (they
// expire after about a day). Only links cross back to the panel; the request itself stays in the core.
import { coreText } from '../../../shared/core-text.js';
import type { RefreshedMedia } from '../../../shared/types.js';
import type { ChannelMonitor } from '../bot/monitor.js';
import { CommandError } from '../errors.js';
import { allAttachments } from '../messages/fresh-links.js';

export async function refreshMediaHandler(monitor: ChannelMonitor, messageId: string): Promise<RefreshedMedia> {
  const refresher = monitor.mediaRefresher();
  if (!refresher) throw new CommandError('unavailable', coreText('media.notConnected'));
  // A message just received may still be on its way to the store.
  await monitor.writesDone();
  const message = await refresher.one(messageId);
  return { messageId, attachments: allAttachments(message) };
}
