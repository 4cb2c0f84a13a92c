// Turns whatever discord.js threw into an error a person can act on.
import { coreText, type CoreKey, type CoreSentence, type I18nText } from '../../../shared/core-text.js';
import type { BotError } from '../../../shared/types.js';
import { SessionBudgetError } from './identify-gate.js';
import { SessionElsewhereError } from './session-lock.js';

const PORTAL = 'https://discord.com/developers/applications';
// View Channel (1024) + Read Message History (65536).
const READ_PERMISSIONS = 66560;

export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot&permissions=${READ_PERMISSIONS}`;
}

/** An error said by key: English message and hint, and both for the panel's language. */
function said(code: BotError['code'], message: CoreSentence, hint: CoreSentence, link?: string): BotError {
  return { code, message: message.text, hint: hint.text, ...(link ? { link } : {}), i18n: { message: message.i18n, hint: hint.i18n } };
}

export const botErrors = {
  invalidToken: (): BotError => said('invalid-token', coreText('error.invalidToken'), coreText('error.invalidToken.hint'), PORTAL),
  missingIntent: (): BotError => said('missing-intent', coreText('error.missingIntent'), coreText('error.missingIntent.hint'), PORTAL),
  guildNotFound: (guildId: string, applicationId?: string): BotError =>
    said('guild-not-found', coreText('error.guildNotFound', { guildId }), coreText('error.guildNotFound.hint'), applicationId ? inviteUrl(applicationId) : undefined),
  channelNotFound: (channelId: string, guildName: string): BotError =>
    said('channel-not-found', coreText('error.channelNotFound', { channelId, guild: guildName }), coreText('error.channelNotFound.hint')),
  /** Running, the bot was removed from the server (GUILD_DELETE without `unavailable`). */
  removedFromGuild: (guild: string, channel: string, applicationId?: string): BotError =>
    said('guild-not-found', coreText('error.removedFromGuild', { guild, channel }), coreText('error.removedFromGuild.hint'), applicationId ? inviteUrl(applicationId) : undefined),
  /** Running, the watched channel was deleted (CHANNEL_DELETE). */
  channelDeleted: (channel: string, guild: string): BotError => said('channel-not-found', coreText('error.channelDeleted', { channel, guild }), coreText('error.channelDeleted.hint')),
  /** `kind`: Discord's channel type name in lower case ("voice", "category"); said in the panel's language when known. */
  channelNotText: (name: string, kind: string): BotError =>
    said('channel-not-text', coreText('error.channelNotText', { channel: name, kind: kindText(kind) }), coreText('error.channelNotText.hint')),
  network: (detail: string, attempt: number): BotError =>
    said('network', coreText('error.network', { detail }), coreText('error.network.hint', { attempt })),
  /** Out of file descriptors, sockets or memory: passing, retried like the network. */
  resources: (detail: string, attempt: number): BotError =>
    said('network', coreText('error.resources', { detail }), coreText('error.resources.hint', { attempt })),
  sessionLimit: (remaining: number, resetsAt: number): BotError =>
    said('session-limit', coreText('error.sessionLimit', { count: remaining, resetsAt }), coreText('error.sessionLimit.hint', { wait: Math.max(0, resetsAt - Date.now()) })),
  sessionElsewhere: (pid: number | null): BotError =>
    said('session-elsewhere', coreText('error.sessionElsewhere', { pid: pid === null ? '?' : String(pid) }), coreText('error.sessionElsewhere.hint')),
  unknown: (detail: string): BotError => said('unknown', coreText('error.unknown', { detail }), coreText('error.unknown.hint')),
};

const KINDS = new Map<string, CoreKey>([
  ['voice', 'channelKind.voice'],
  ['category', 'channelKind.category'],
  ['announcement', 'channelKind.announcement'],
  ['stagevoice', 'channelKind.stagevoice'],
  ['forum', 'channelKind.forum'],
  ['media', 'channelKind.media'],
  ['directory', 'channelKind.directory'],
  ['publicthread', 'channelKind.thread'],
  ['privatethread', 'channelKind.thread'],
  ['announcementthread', 'channelKind.thread'],
]);

function kindText(kind: string): I18nText | string {
  const key = KINDS.get(kind);
  return key ? { key, params: {} } : kind;
}

const NETWORK_CODES = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR|fetch failed|socket hang up/i;
// The machine short of a resource (a flood of connections to the panel took every file descriptor):
// it passes, so the bot retries instead of staying stopped until someone starts it by hand.
const RESOURCE_CODES = /\b(EMFILE|ENFILE|ENOBUFS|ENOMEM|EADDRNOTAVAIL)\b/;

function describe(err: unknown): { text: string; code: string } {
  const e = err as { message?: unknown; code?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  const cause = e?.cause ? ` ${String(e.cause.code ?? '')} ${String(e.cause.message ?? '')}` : '';
  return { text: `${String(e?.message ?? err)}${cause}`, code: String(e?.code ?? e?.cause?.code ?? '') };
}

/** Classifies a login failure. `retry` says whether trying again later can help. */
export function classifyLoginError(err: unknown, attempt: number): { error: BotError; retry: boolean } {
  if (err instanceof SessionBudgetError) return { error: botErrors.sessionLimit(err.remaining, err.resetsAt), retry: false };
  if (err instanceof SessionElsewhereError) return { error: botErrors.sessionElsewhere(err.pid), retry: false };
  const { text, code } = describe(err);
  if (code === 'TokenInvalid' || /\b401\b|Authentication failed|\b4004\b|invalid token/i.test(text)) {
    return { error: botErrors.invalidToken(), retry: false };
  }
  if (code === 'DisallowedIntents' || /\b4014\b|disallowed intent/i.test(text)) {
    return { error: botErrors.missingIntent(), retry: false };
  }
  const resource = RESOURCE_CODES.exec(`${code} ${text}`);
  if (resource) return { error: botErrors.resources(resource[1]!, attempt), retry: true };
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
