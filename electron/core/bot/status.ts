// The five states of the original panel, each with a sentence (English, and by key for the panel's language).
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import type { BotError, BotStatus } from '../../../shared/types.js';

type Status = Omit<BotStatus, 'since'>;
const said = (s: CoreSentence): Pick<BotStatus, 'sentence' | 'i18n'> => ({ sentence: s.text, i18n: s.i18n });
const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));

export const statuses = {
  notConfigured: (): Status => ({ state: 'not-configured', ...said(coreText('status.notConfigured')) }),
  ready: (): Status => ({ state: 'ready', ...said(coreText('status.ready')) }),
  connecting: (attempt?: number): Status => ({
    state: 'connecting',
    ...said(attempt && attempt > 1 ? coreText('status.connectingAttempt', { attempt }) : coreText('status.connecting')),
    ...(attempt ? { attempt } : {}),
  }),
  /** A login that has had no answer from Discord for a while. */
  stillConnecting: (ms: number): Status => ({ state: 'connecting', ...said(coreText('status.stillConnecting', { seconds: seconds(ms) })) }),
  resuming: (): Status => ({ state: 'connecting', ...said(coreText('status.resuming')) }),
  /** The bot may no longer view the watched channel: Discord sends nothing of it (channel-access.ts). */
  channelHidden: (channel: string): Status => ({ state: 'connecting', ...said(coreText('status.channelHidden', { channel })) }),
  /** The watched server is in an outage on Discord's side (READY listed it unavailable). */
  guildUnavailable: (guild: string): Status => ({ state: 'connecting', ...said(coreText('status.guildUnavailable', { guild })) }),
  /** Discord has not sent the server after READY (a slow start, or an outage it did not announce). */
  guildNotSent: (guild: string): Status => ({ state: 'connecting', ...said(coreText('status.guildNotSent', { guild })) }),
  /** A new session must wait for Discord's IDENTIFY spacing. */
  waitingToIdentify: (ms: number, why: 'connect' | 'new-session'): Status => ({
    state: 'connecting',
    ...said(coreText(why === 'connect' ? 'status.waitConnect' : 'status.waitNewSession', { seconds: seconds(ms) })),
  }),
  /** Restarted too often after crashes: the next session waits longer (identify-gate.ts). */
  crashLoop: (ms: number, count: number): Status => ({ state: 'connecting', ...said(coreText('status.waitCrashLoop', { count, seconds: seconds(ms) })) }),
  newSession: (): Status => ({ state: 'connecting', ...said(coreText('status.newSession')) }),
  /** Discord answered the resume, then nothing (no heartbeat acknowledged, no event). */
  resumedDead: (): Status => ({ state: 'connecting', ...said(coreText('status.resumedDead')) }),
  /** Progress of a catch-up longer than a page. */
  catchingUp: (fetched: number, about: number): Status => ({ state: 'connecting', ...said(coreText('status.catchingUp', { fetched, about })) }),
  catchUpRateLimited: (ms: number): Status => ({ state: 'connecting', ...said(coreText('status.catchUpRateLimited', { seconds: seconds(ms) })) }),
  connected: (bot: { id: string; username: string }, guild: { id: string; name: string }, channel: { id: string; name: string }): Status => ({
    state: 'connected',
    ...said(coreText('status.connected', { channel: channel.name, guild: guild.name, bot: bot.username })),
    bot,
    guild,
    channel,
  }),
  error: (error: BotError, retry?: { attempt: number; at: number }): Status => ({
    state: 'error',
    ...(retry
      ? said(coreText('status.errorRetrying', { error: error.i18n?.message ?? error.message, seconds: seconds(retry.at - Date.now()), attempt: retry.attempt }))
      : { sentence: error.message, ...(error.i18n ? { i18n: error.i18n.message } : {}) }),
    error,
    ...(retry ? { attempt: retry.attempt, nextRetryAt: retry.at } : {}),
  }),
};
