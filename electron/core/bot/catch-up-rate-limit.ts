// A catch-up page Discord refuses for long (a `shared` limit's retry_after can be 20 minutes): discord.js
// waits it out without a word, and "Catching up: 100 of about 300…" stayed while live messages waited
// behind it. The wait is said; minutes of it on the watched channel's messages are not waited for.
import type { RateLimitData } from 'discord.js';
import type { Logger } from 'pino';
import { coreText } from '../../../shared/core-text.js';
import type { BotStatus } from '../../../shared/types.js';
import { say } from '../log/say.js';
import { stopWaiting } from './catch-up.js';
import type { MessageSink } from './message-sink.js';
import { statuses } from './status.js';

/** A rate-limit wait during a catch-up longer than this is said in the status and the log. */
const RATE_LIMIT_SAID_MS = 3_000;
/**
 * A rate-limit wait during a catch-up this long or longer is not waited for with live messages held: they
 * go on, and the rest of the gap is fetched once Discord allows (catch-up.ts's hole).
 */
export const RATE_LIMIT_RELEASE_MS = 30_000;

export interface CatchUpLimitContext {
  channelId: string;
  sink: MessageSink;
  logger: Logger;
  /** RATE_LIMIT_RELEASE_MS unless tests shorten it. */
  releaseMs: number;
  isCurrent: () => boolean;
  setStatus: (status: Omit<BotStatus, 'since'>) => void;
}

/** What @discordjs/rest's rejectOnRateLimit hook reports during a catch-up means for it. */
export function catchUpRateLimited(info: RateLimitData, c: CatchUpLimitContext): void {
  // A 429 on a sub-limit (a shared one) waits retry_after; a known bucket, until it resets.
  const ms = Math.max(info.retryAfter, info.sublimitTimeout, info.timeToReset);
  if (!c.isCurrent() || ms < RATE_LIMIT_SAID_MS) return;
  say(c.logger, 'warn', coreText('log.catchUpRateLimited', { seconds: Math.ceil(ms / 1000), route: info.route }));
  // Only the channel's messages (the catch-up's pages and re-read): not another route's limit.
  const ours = info.route.startsWith('/channels/:id/messages') && info.majorParameter === c.channelId;
  if (ours && ms >= c.releaseMs) stopWaiting(c.sink, new Error(coreText('log.catchUpDeferred', { seconds: Math.ceil(ms / 1000) }).text), Date.now() + ms);
  else c.setStatus(statuses.catchUpRateLimited(ms));
}
