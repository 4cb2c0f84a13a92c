// The five states of the original panel, each with a sentence the panel shows as is.
import type { BotError, BotStatus } from '../../../shared/types.js';

export const statuses = {
  notConfigured: (): Omit<BotStatus, 'since'> => ({
    state: 'not-configured',
    sentence: 'Not configured — add the bot token, server ID and channel ID in Settings.',
  }),
  ready: (): Omit<BotStatus, 'since'> => ({ state: 'ready', sentence: 'Ready — monitoring is stopped.' }),
  connecting: (attempt?: number): Omit<BotStatus, 'since'> => ({
    state: 'connecting',
    sentence: attempt && attempt > 1 ? `Connecting to Discord (attempt ${attempt})…` : 'Connecting to Discord…',
    ...(attempt ? { attempt } : {}),
  }),
  resuming: (): Omit<BotStatus, 'since'> => ({ state: 'connecting', sentence: 'Connection lost — resuming the session…' }),
  /** A new session must wait for Discord's IDENTIFY spacing. */
  waitingToIdentify: (ms: number, why: string): Omit<BotStatus, 'since'> => ({
    state: 'connecting',
    sentence: `${why} in ${Math.max(1, Math.round(ms / 1000))} s (Discord allows one new session every 5 s)…`,
  }),
  newSession: (): Omit<BotStatus, 'since'> => ({
    state: 'connecting',
    sentence: 'Discord did not answer the session resume — starting a new session and fetching what was missed…',
  }),
  connected: (
    bot: { id: string; username: string },
    guild: { id: string; name: string },
    channel: { id: string; name: string },
  ): Omit<BotStatus, 'since'> => ({
    state: 'connected',
    sentence: `Connected to #${channel.name} on ${guild.name} as ${bot.username}.`,
    bot,
    guild,
    channel,
  }),
  error: (error: BotError, retry?: { attempt: number; at: number }): Omit<BotStatus, 'since'> => ({
    state: 'error',
    sentence: retry
      ? `${error.message} Retrying in ${Math.max(1, Math.round((retry.at - Date.now()) / 1000))} s (attempt ${retry.attempt}).`
      : error.message,
    error,
    ...(retry ? { attempt: retry.attempt, nextRetryAt: retry.at } : {}),
  }),
};
