// Turns whatever discord.js threw into an error a person can act on.
import type { BotError } from '../../../shared/types.js';
import { SessionBudgetError } from './identify-gate.js';

const PORTAL = 'https://discord.com/developers/applications';
// View Channel (1024) + Read Message History (65536).
const READ_PERMISSIONS = 66560;

export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot&permissions=${READ_PERMISSIONS}`;
}

export const botErrors = {
  invalidToken: (): BotError => ({
    code: 'invalid-token',
    message: 'Discord rejected the bot token.',
    hint: 'Copy a new token from the Developer Portal → your application → Bot → Reset Token, and paste it in Settings.',
    link: PORTAL,
  }),
  missingIntent: (): BotError => ({
    code: 'missing-intent',
    message: 'The Message Content intent is not enabled for this bot.',
    hint: 'Enable it in the Developer Portal → your application → Bot → Privileged Gateway Intents → Message Content Intent, save, then retry.',
    link: PORTAL,
  }),
  guildNotFound: (guildId: string, applicationId?: string): BotError => ({
    code: 'guild-not-found',
    message: `The bot is not a member of the server ${guildId}, or that ID is wrong.`,
    hint: 'Check the Server ID (right-click the server → Copy Server ID) or invite the bot with the link.',
    ...(applicationId ? { link: inviteUrl(applicationId) } : {}),
  }),
  channelNotFound: (channelId: string, guildName: string): BotError => ({
    code: 'channel-not-found',
    message: `Channel ${channelId} was not found on ${guildName}, or the bot cannot see it.`,
    hint: 'Check the Channel ID (right-click the channel → Copy Channel ID) and give the bot View Channel and Read Message History there.',
  }),
  channelNotText: (name: string, kind: string): BotError => ({
    code: 'channel-not-text',
    message: `#${name} is a ${kind}, not a text channel.`,
    hint: 'Pick a text channel to monitor.',
  }),
  network: (detail: string, attempt: number): BotError => ({
    code: 'network',
    message: `Discord could not be reached (${detail}).`,
    hint: `Check this machine's network connection. Retrying automatically (attempt ${attempt}).`,
  }),
  sessionLimit: (remaining: number, resetsAt: number): BotError => ({
    code: 'session-limit',
    message: `Discord allows only ${remaining} more new session${remaining === 1 ? '' : 's'} for this bot token until ${new Date(resetsAt).toUTCString()}; monitoring was not started, so Discord does not reset the token.`,
    hint: `Start monitoring again after that time (in ${formatDuration(resetsAt - Date.now())}). Something is starting sessions far too often: check that only this app uses the token.`,
  }),
  unknown: (detail: string): BotError => ({
    code: 'unknown',
    message: `Unexpected error: ${detail}`,
    hint: 'See the log for details, then retry. If it persists, check the API URL in Settings → Advanced.',
  }),
};

const NETWORK_CODES = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR|fetch failed|socket hang up/i;

function describe(err: unknown): { text: string; code: string } {
  const e = err as { message?: unknown; code?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  const cause = e?.cause ? ` ${String(e.cause.code ?? '')} ${String(e.cause.message ?? '')}` : '';
  return { text: `${String(e?.message ?? err)}${cause}`, code: String(e?.code ?? e?.cause?.code ?? '') };
}

/** Classifies a login failure. `retry` says whether trying again later can help. */
export function classifyLoginError(err: unknown, attempt: number): { error: BotError; retry: boolean } {
  if (err instanceof SessionBudgetError) return { error: botErrors.sessionLimit(err.remaining, err.resetsAt), retry: false };
  const { text, code } = describe(err);
  if (code === 'TokenInvalid' || /\b401\b|Authentication failed|\b4004\b|invalid token/i.test(text)) {
    return { error: botErrors.invalidToken(), retry: false };
  }
  if (code === 'DisallowedIntents' || /\b4014\b|disallowed intent/i.test(text)) {
    return { error: botErrors.missingIntent(), retry: false };
  }
  if (NETWORK_CODES.test(`${code} ${text}`)) {
    const detail = (`${code} ${text}`.match(NETWORK_CODES)?.[0] ?? 'network error').trim();
    return { error: botErrors.network(detail, attempt), retry: true };
  }
  return { error: botErrors.unknown(text.split('\n')[0] ?? text), retry: false };
}

/** Capped exponential backoff: 1 s, 2 s, 4 s … 30 s. */
export function backoffMs(attempt: number, baseMs = 1000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** "3 h 20 min", "12 min", "40 s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h ${min % 60} min`;
}
