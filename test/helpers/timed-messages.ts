// Plain messages at given instants in one channel, by Alice, for the search and statistics tests.
import { snowflakeAt } from '../../electron/core/messages/last-seen.js';
import type { ChatMessage } from '../../shared/types.js';

export const CH = '1000000000000000001';
export const ALICE = { id: '300000000000000001', username: 'alice', displayName: 'Ali', avatarUrl: null, bot: false };

let seq = 0;
/** A message at `at` (ms); its id is that instant's snowflake, each one apart (the increment's 12 bits). */
export const messageAt = (at: number, content = 'x'): ChatMessage => ({
  id: (BigInt(snowflakeAt(at)) + BigInt(seq++ % 4096)).toString(),
  channelId: CH,
  author: ALICE,
  content,
  createdAt: at,
  editedAt: null,
  deleted: false,
  attachments: [],
  caughtUp: false,
});
