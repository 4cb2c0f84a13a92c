// Why reading the channel's history failed, as a sentence that says what to do (backfill, catch-up).
// Discord answers a missing Read Message History with an empty page, not an error (docs/resources/
// message, Get Channel Messages), so the permission is checked before reading, not inferred after.
import { DiscordAPIError, HTTPError, PermissionFlagsBits, type GuildBasedChannel } from 'discord.js';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';

/** JSON error codes (docs/topics/opcodes-and-status-codes): Missing Access, Missing Permissions. */
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

/** The bot lacks what reading history needs in the channel; the first permission missing is named. */
export class HistoryAccessError extends Error {
  constructor(readonly sentence: CoreSentence) {
    super(sentence.text);
  }
}

/** A page read but held in memory by a disk fault, not on disk: the job stops before passing it. */
export class HistoryUnsavedError extends Error {
  constructor(readonly sentence: CoreSentence) {
    super(sentence.text);
  }
}

/** Null when the bot may read the channel's history (as discord.js computes it from roles and overwrites). */
/** True when the bot may not view the channel (Discord then sends nothing of it); false when unknown. */
export function lacksView(channel: GuildBasedChannel): boolean {
  const me = channel.guild.members.me;
  return me ? !channel.permissionsFor(me).has(PermissionFlagsBits.ViewChannel) : false;
}

export function historyAccessProblem(channel: GuildBasedChannel): HistoryAccessError | null {
  const me = channel.guild.members.me;
  const perms = me ? channel.permissionsFor(me) : null;
  // Without the bot's member (not cached) nothing can be said: let Discord answer.
  if (!perms) return null;
  const lacking = !perms.has(PermissionFlagsBits.ViewChannel)
    ? coreText('permission.viewChannel')
    : !perms.has(PermissionFlagsBits.ReadMessageHistory)
      ? coreText('permission.readMessageHistory')
      : null;
  return lacking && new HistoryAccessError(coreText('history.why.lacks', { permission: lacking.i18n, channel: channel.name }));
}

const codeOf = (err: unknown): string | undefined => {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
};

export function readFailure(err: unknown): CoreSentence {
  if (err instanceof HistoryAccessError || err instanceof HistoryUnsavedError) return err.sentence;
  if (err instanceof DiscordAPIError) {
    if (err.code === MISSING_ACCESS) return coreText('history.why.noAccess');
    if (err.code === MISSING_PERMISSIONS) return coreText('history.why.noPermission');
    return coreText('history.why.refused', { status: err.status, detail: err.message });
  }
  if (err instanceof HTTPError) {
    return err.status >= 500 ? coreText('history.why.unavailable', { status: err.status }) : coreText('history.why.refused', { status: err.status, detail: err.message });
  }
  const code = codeOf(err);
  const detail = err instanceof Error ? err.message : String(err);
  if (code && NETWORK.has(code)) return coreText('history.why.unreachable', { detail });
  return coreText('history.why.other', { detail });
}
