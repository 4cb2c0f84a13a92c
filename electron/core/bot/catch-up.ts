// Fetches what was posted since the last message seen (a restart, a lost session), oldest first,
// page by page with no cap, then lets the live messages held meanwhile through. Each page is
// delivered before the next is asked for, so the resume point only ever moves over contiguous
// messages. A catch-up that fails midway is said in a sentence and retried in the background
// until the hole is filled; until then live messages do not move the resume point past it.
import type { Client, Message } from 'discord.js';
import type { Logger } from 'pino';
import { coreText } from '../../../shared/core-text.js';
import { historyAccessProblem, HistoryAccessError, lacksView } from '../history/read-failure.js';
import { say } from '../log/say.js';
import type { ChatMessage } from '../../../shared/types.js';
import { snowflakeCompare, type MessageStore } from '../messages/store.js';
import type { MessageSink } from './message-sink.js';
import { reconcileRecent, RECONCILE_WINDOW } from './reconcile.js';
import { timeOfSnowflake as timeOf, type LastSeen } from '../messages/last-seen.js';

const PAGE = 100;
const FIRST_LOAD = 50;
/** Waits between attempts to fill a hole left by a failed catch-up (the last one repeats). */
export const HOLE_RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

export interface CatchUpOptions {
  client: Client;
  channelId: string;
  /** Last id seen before this connection; null on a first start. */
  resumeFrom: string | null;
  sink: MessageSink;
  store: MessageStore;
  lastSeen: LastSeen;
  logger: Logger;
  /** False once the connection this catch-up belongs to was replaced or stopped. */
  isCurrent: () => boolean;
  /** Progress for anything beyond a page, as a sentence for the status line. */
  /** Messages fetched so far and the estimated total, for the status line. */
  progress?: (fetched: number, about: number) => void;
  /** Stored messages re-read to apply offline edits and deletions (default RECONCILE_WINDOW). */
  reconcileWindow?: number;
}

export interface CatchUpResult {
  delivered: number;
  complete: boolean;
}

type Readable = Extract<ReturnType<Client['channels']['cache']['get']>, { messages: unknown; guild: unknown }>;
const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Pages forward from `after` until a short page; each page is delivered (and the resume point moved) before the next. */
async function pageForward(o: CatchUpOptions, channel: Readable, after: string, onPage: (fetched: number, lastId: string) => void, giveUp?: Promise<never>): Promise<{ delivered: number; complete: boolean; error?: unknown }> {
  let delivered = 0;
  let fetched = 0;
  // Without Read Message History Discord answers empty pages: that would pass for "nothing missed".
  const problem = historyAccessProblem(channel);
  if (problem) return { delivered, complete: false, error: problem };
  try {
    for (;;) {
      const page = channel.messages.fetch({ after, limit: PAGE, cache: false });
      // Given up on: its answer, whenever it comes, is not delivered (the hole's own attempt reads it again).
      if (giveUp) page.catch(() => undefined);
      const batch = [...(await (giveUp ? Promise.race([page, giveUp]) : page)).values()].sort((a, b) => snowflakeCompare(a.id, b.id));
      await o.sink.names.resolve(channel.guild, batch.map((m) => m.author.id));
      if (!o.isCurrent()) return { delivered, complete: false };
      for (const m of batch) if (o.sink.received(m, true)) delivered++;
      // One transaction per page, written before the resume point moves past it.
      o.sink.storage.flush();
      const last = batch.at(-1);
      if (last) o.lastSeen.advance(o.channelId, last.id); // contiguous, even while live ones are held back
      fetched += batch.length;
      if (batch.length < PAGE || !last) return { delivered, complete: true };
      after = last.id;
      onPage(fetched, after);
    }
  } catch (error) {
    return { delivered, complete: false, error };
  }
}

// One catch-up at a time per sink: a re-IDENTIFY during a long catch-up waits for it, so pages
// are never delivered interleaved (out of order) and the held live messages are released once.
const running = new WeakMap<MessageSink, Promise<unknown>>();
/** The running catch-up's give-up, per sink: only the one that runs (not one queued behind it) is told. */
const giveUps = new WeakMap<MessageSink, (err: Error) => void>();
/** Until when Discord's long limit lasts, per sink: a catch-up starting meanwhile would queue behind it. */
const limitedUntil = new WeakMap<MessageSink, { until: number; err: Error }>();

/**
 * Tells the sink's running catch-up to stop waiting for Discord (a long rate limit, over at `until`): live messages
 * go on, and the rest of the gap is fetched in the background (the hole), as after a failed page. A catch-up that
 * starts before `until` (a new session's) does the same at once: its requests would wait in the same queue.
 */
export function stopWaiting(sink: MessageSink, err: Error, until: number): void {
  limitedUntil.set(sink, { until, err });
  giveUps.get(sink)?.(err);
}

export function catchUp(o: CatchUpOptions): Promise<CatchUpResult> {
  o.sink.keepHolding();
  const previous = running.get(o.sink) ?? Promise.resolve();
  const next = previous.then(() => runCatchUp(o));
  running.set(o.sink, next.catch(() => undefined));
  return next;
}

async function runCatchUp(o: CatchUpOptions): Promise<CatchUpResult> {
  let stop: (err: Error) => void = () => undefined;
  const giveUp = new Promise<never>((_, reject) => (stop = reject));
  giveUp.catch(() => undefined);
  giveUps.set(o.sink, stop);
  const limited = limitedUntil.get(o.sink);
  if (limited && limited.until > Date.now()) stop(limited.err);
  try {
    return await catchUpOnce(o, giveUp);
  } finally {
    if (giveUps.get(o.sink) === stop) giveUps.delete(o.sink);
  }
}

async function catchUpOnce(o: CatchUpOptions, giveUp: Promise<never>): Promise<CatchUpResult> {
  o.sink.keepHolding();
  const found = o.client.channels.cache.get(o.channelId);
  const channel = found?.isTextBased() && 'messages' in found && 'guild' in found ? (found as Readable) : null;
  const fetchedAt = Date.now();
  // The window to reconcile is the one before the gap: the newest stored now, live ones being held. Not
  // only those up to the resume point: it trails the store (written 250 ms after a commit, held while a
  // hole is open), and the ones stored past it, fetched again below as duplicates, had their offline
  // edits and deletions never applied.
  const window = o.reconcileWindow ?? RECONCILE_WINDOW;
  const beforeGap = o.resumeFrom ? o.sink.storage.list(o.channelId, window) : [];
  let reconciled: Awaited<ReturnType<typeof reconcileRecent>> | null = null;
  let result: { delivered: number; complete: boolean; error?: unknown } = { delivered: 0, complete: false, error: new Error(`channel ${o.channelId} is not readable`) };
  const firstLoadProblem = channel && !o.resumeFrom ? historyAccessProblem(channel) : null;
  if (firstLoadProblem) {
    // A first start misses nothing: monitoring starts now, only the last messages are not shown.
    // Without View Channel nothing live is heard either (channel-access.ts): not "still monitoring live".
    say(o.logger, 'warn', coreText(channel && lacksView(channel) ? 'log.firstLoadHidden' : 'log.firstLoadLacks', { reason: firstLoadProblem.sentence.i18n }));
    result = { delivered: 0, complete: true };
  } else if (channel && !o.resumeFrom) {
    try {
      const batch = [...(await channel.messages.fetch({ limit: FIRST_LOAD, cache: false })).values()].sort((a: Message, b: Message) => snowflakeCompare(a.id, b.id));
      await o.sink.names.resolve(channel.guild, batch.map((m) => m.author.id));
      let delivered = 0;
      // A first load missed nothing: only messages fetched after a gap are "caught up".
      if (o.isCurrent()) for (const m of batch) if (o.sink.received(m, false)) delivered++;
      o.sink.storage.flush();
      result = { delivered, complete: true };
    } catch (error) {
      result = { delivered: 0, complete: false, error };
    }
  } else if (channel && o.resumeFrom) {
    // Offline edits and deletions first: the resume point moves past the gap only after them, so a stop
    // or a kill during the catch-up leaves them to the next start (after it, they were lost for good).
    // Given up on (a long rate limit): failed, so it is tried again on the hole's backoff; the resume point
    // stays before the gap (the hole), so its changes still come before it moves.
    reconciled = await Promise.race([reconcile(o, channel, window, beforeGap), giveUp.catch(() => ({ edited: 0, deleted: 0, failed: true as const }))]);
    const from = o.resumeFrom;
    result = await pageForward(
      o,
      channel,
      from,
      (fetched, lastId) => {
        // Messages are spread over time: the share of the gap covered so far gives the estimate.
        const covered = timeOf(lastId) - timeOf(from);
        const about = covered > 0 ? Math.max(fetched, Math.round((fetched * (fetchedAt - timeOf(from))) / covered / 100) * 100) : fetched;
        o.progress?.(fetched, about);
      },
      giveUp,
    );
  }
  // Stale (stopped or replaced): leave the held messages alone, they may be the next connection's.
  if (!o.isCurrent()) return { delivered: result.delivered, complete: false };
  if (result.error instanceof HistoryAccessError) {
    say(o.logger, 'warn', coreText(channel && lacksView(channel) ? 'log.catchUpHidden' : 'log.catchUpLacks', { reason: result.error.sentence.i18n }));
  } else if (result.error !== undefined) {
    say(o.logger, 'warn', coreText('log.catchUpIncomplete', { count: result.delivered, detail: errorText(result.error) }));
  }
  if (result.delivered) {
    say(o.logger, 'info', coreText(o.resumeFrom ? 'log.caughtUp' : 'log.loadedLast', { count: result.delivered }));
  }
  // A quiet channel leaves nothing to resume from: anchor at Discord's own newest id for it (its last
  // message, else its creation), never the local clock, which may run ahead of Discord's.
  if (result.complete && channel && !o.lastSeen.get(o.channelId)) o.lastSeen.advance(o.channelId, channel.lastMessageId ?? channel.id);
  o.sink.release(true, { advanceResumePoint: result.complete });
  if (!result.complete && channel && o.resumeFrom) void fillHole(o, channel);
  if (reconciled?.failed && channel) void retryReconcile(o, channel, window, beforeGap);
  return { delivered: result.delivered, complete: result.complete };
}

function reconcile(o: CatchUpOptions, channel: Readable, window: number, stored: readonly ChatMessage[]) {
  // Without Read Message History Discord answers with no messages: every stored one would pass for
  // deleted while the app was off (the newest 100 were marked so, for good). Not checked, and said;
  // failed, so it is tried again while the connection lasts (the permission may come back).
  const problem = historyAccessProblem(channel);
  if (problem) {
    say(o.logger, 'warn', coreText('log.reconcileFailed', { detail: problem.sentence.i18n }));
    return Promise.resolve({ edited: 0, deleted: 0, failed: true as const });
  }
  return reconcileRecent({ channel, channelId: o.channelId, store: o.sink.storage, sink: o.sink, logger: o.logger, isCurrent: o.isCurrent, window, stored });
}

/** A reconcile Discord refused (an outage, a 5xx) is tried again on the hole's backoff while the connection lasts. */
async function retryReconcile(o: CatchUpOptions, channel: Readable, window: number, stored: readonly ChatMessage[]): Promise<void> {
  for (const wait of HOLE_RETRY_MS) {
    await new Promise((resolve) => setTimeout(resolve, wait).unref());
    if (!o.isCurrent() || !(await reconcile(o, channel, window, stored)).failed) return;
  }
}

/** Retries the catch-up from the resume point (left before the hole) until it completes or the connection ends. */
async function fillHole(o: CatchUpOptions, channel: Readable): Promise<void> {
  let delivered = 0;
  for (let attempt = 0; ; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, HOLE_RETRY_MS[Math.min(attempt, HOLE_RETRY_MS.length - 1)]).unref());
    const from = o.lastSeen.get(o.channelId);
    if (!o.isCurrent() || !from) return;
    const r = await pageForward(o, channel, from, () => undefined);
    delivered += r.delivered;
    if (!o.isCurrent()) return;
    if (r.complete) {
      o.sink.unfreeze();
      say(o.logger, 'info', coreText('log.holeFilled', { count: delivered }));
      return;
    }
  }
}
