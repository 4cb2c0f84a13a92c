// Input schemas: every argument that crosses IPC or the WebSocket is parsed with one of these.
import { z } from 'zod';
import { coreText } from './core-text.js';
import { coreEn } from './core-text-en.js';
import { knownTimeZone, ZONE_SHAPE } from './time-zone.js';
import { FETCH_LIMITS, FETCH_MODES, FETCH_PERIODS, PANEL_LANGUAGES } from './types.js';

// Discord IDs are unsigned 64-bit integers: 17–20 digits, and never above 2^64−1.
const SNOWFLAKE_MAX = 18446744073709551615n;
export const snowflake = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{16,19}$/, coreEn['issue.discordId'])
  // zod 4 runs this even after the regex failed: only the regex's own lengths reach BigInt (a frame's
  // million digits took it ~120 ms).
  .refine((id) => !/^[0-9]{1,20}$/.test(id) || BigInt(id) <= SNOWFLAKE_MAX, coreEn['issue.discordIdTooLarge']);

/** A snowflake or the empty string (the field is being cleared). */
export const optionalSnowflake = z.union([z.literal(''), snowflake]);

export const botToken = z
  .string()
  .trim()
  .min(20, coreEn['issue.tokenShort'])
  .max(200, coreEn['issue.tokenLong'])
  .regex(/^[A-Za-z0-9._-]+$/, coreEn['issue.tokenChars']);

const parseUrl = (raw: string): URL | null => {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
};

// Normalised by the WHATWG parser (lower-case scheme and host, default port dropped) so that
// equal URLs compare equal; messages never quote the input, which may hold a password.
export const apiUrl = z
  .string()
  .trim()
  // Longer than any API's address; a megabyte was said back in refusals and could be saved.
  .max(2048)
  .transform((raw, ctx) => {
    const url = parseUrl(raw);
    const problem = !url
      ? coreEn['issue.urlInvalid']
      : url.protocol !== 'http:' && url.protocol !== 'https:'
        ? coreEn['issue.urlScheme']
        : url.username || url.password || /^[a-z]+:\/\/[^/?#]*@/i.test(raw)
          ? coreEn['issue.urlCredentials']
          : url.search || url.hash || /[?#]/.test(raw)
            ? coreEn['issue.urlQuery']
            : null;
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return url!.href.replace(/\/+$/, '');
  });

// Checked like `git check-ref-format --branch`, and stricter (documented): only ASCII letters,
// digits, ".", "_", "-" and "/" (what the update engine accepts), at most 100 characters.
/** Why a name is not a git branch name, as a catalogue key (its English is the schema's message). */
export function branchNameProblem(name: string): keyof typeof coreEn | null {
  if (name.length > 100) return 'issue.branchLong';
  if (!/^[A-Za-z0-9._/-]*$/.test(name)) return 'issue.branchChars';
  if (name.startsWith('-')) return 'issue.branchDash';
  if (name === 'HEAD') return 'issue.branchHead';
  if (name.includes('..')) return 'issue.branchDots';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'issue.branchSlash';
  if (name.endsWith('.')) return 'issue.branchDotEnd';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return 'issue.branchDotPart';
    if (part.endsWith('.lock')) return 'issue.branchLock';
  }
  return null;
}

/** A git branch name, or the empty string: follow the checked-out branch's upstream. */
export const branchName = z
  .string()
  .trim()
  .superRefine((name, ctx) => {
    const problem = name === '' ? null : branchNameProblem(name);
    // The catalogue's English: input-refusal.ts finds the key by it, for the French panel.
    if (problem) ctx.addIssue({ code: 'custom', message: coreEn[problem] as string });
  });

/** A POSIX or Windows absolute path (the panel checks it too, before sending). */
export const isAbsoluteFolder = (v: string): boolean => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(v);

/** An absolute folder for message backups, or empty for the default one in the data folder. */
export const backupDir = z
  .string()
  .trim()
  .max(1000, coreEn['issue.folderTooLong'])
  .refine((v) => !v.includes('\0'), coreEn['issue.noNul'])
  .refine((v) => v === '' || isAbsoluteFolder(v), coreEn['issue.absoluteFolder']);

// Highlight keywords: Discord's keyword notifications are short words or phrases; these bounds keep
// the one regular expression built from them small. No commas: HIGHLIGHT_KEYWORDS and the panel field list them with commas.
export const KEYWORDS_MAX = 50;
export const KEYWORD_MAX_LENGTH = 64;
export const highlightKeyword = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(KEYWORD_MAX_LENGTH, `must be at most ${KEYWORD_MAX_LENGTH} characters`)
  .refine((k) => !/[\p{Cc}\p{Zl}\p{Zp}]/u.test(k), coreEn['issue.keywordControl'])
  .refine((k) => !k.includes(','), coreEn['issue.keywordComma']);

/** The list, duplicates (ignoring case) dropped, first spelling kept. */
export const highlightKeywords = z
  .array(highlightKeyword)
  .max(KEYWORDS_MAX, `must have at most ${KEYWORDS_MAX} keywords`)
  .transform((list) => {
    const seen = new Set<string>();
    return list.filter((k) => !seen.has(k.toLowerCase()) && Boolean(seen.add(k.toLowerCase())));
  });

/** The comma-separated form (HIGHLIGHT_KEYWORDS, the panel's field): empty items are skipped. */
export const highlightKeywordList = z
  .string()
  .max(KEYWORDS_MAX * (KEYWORD_MAX_LENGTH + 2), 'is too long')
  .transform((text) => text.split(',').map((k) => k.trim()).filter((k) => k !== ''))
  .pipe(highlightKeywords);

// FETCH_MODE=History and FETCH_PERIOD=7D read as the original's .env did.
const lowerEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.string().trim().toLowerCase().pipe(z.enum(values, { message }));
export const fetchMode = lowerEnum(FETCH_MODES, 'must be recent or history');
export const fetchLimit = lowerEnum(FETCH_LIMITS, 'must be 100, 1000, 10000 or all');
export const fetchPeriod = lowerEnum(FETCH_PERIODS, 'must be 24h, 7d, 30d or all');

export const settingsPatch = z
  .object({
    token: z.union([botToken, z.null()]).optional(),
    guildId: optionalSnowflake.optional(),
    channelId: optionalSnowflake.optional(),
    apiUrl: apiUrl.optional(),
    autoStartBot: z.boolean().optional(),
    startHidden: z.boolean().optional(),
    language: z.enum(['', ...PANEL_LANGUAGES]).optional(),
    autoUpdateEnabled: z.boolean().optional(),
    updateBranch: branchName.optional(),
    autoRestartService: z.boolean().optional(),
    checkIntervalMinutes: z.number().int().min(1).max(1440).optional(),
    backupEnabled: z.boolean().optional(),
    backupDir: backupDir.optional(),
    backupKeep: z.number().int().min(1).max(365).optional(),
    backupIntervalHours: z.number().int().min(1).max(720).optional(),
    dangerousActionsEnabled: z.boolean().optional(),
    highlightKeywords: highlightKeywords.optional(),
    fetchMode: fetchMode.optional(),
    fetchLimit: fetchLimit.optional(),
    fetchPeriod: fetchPeriod.optional(),
  })
  .strict();
export type SettingsPatch = z.input<typeof settingsPatch>;

export const connectionCandidate = z
  .object({
    token: botToken.optional(),
    guildId: snowflake.optional(),
    channelId: snowflake.optional(),
    apiUrl: apiUrl.optional(),
  })
  .strict();

/** One page of stored history: the newest, or before/after/around a message, or around an instant (ms). */
export const messagesListInput = z
  .object({
    limit: z.number().int().min(1).max(500).optional(),
    before: snowflake.optional(),
    after: snowflake.optional(),
    around: snowflake.optional(),
    at: z.number().int().min(0).max(8.64e15).optional(),
  })
  .strict()
  .refine((o) => [o.before, o.after, o.around, o.at].filter((v) => v !== undefined).length <= 1, 'give at most one of before, after, around, at')
  .optional();

// getTimezoneOffset() ranges over −14 h … +12 h. Older panels send it; one offset for every date, it put
// dates across a daylight-saving change an hour off, so the panel now sends its zone's name.
const tzOffsetMinutes = z.number().int().min(-900).max(900);

/** An IANA zone name this runtime knows (Europe/Paris), said in the panel's language when it does not. */
export const timeZoneName = z.string().superRefine((zone, ctx) => {
  if (knownTimeZone(zone) !== null) return;
  // Named back only when it has a zone name's shape: 64 characters of anything forged log lines (a line
  // break) and showed in the panel (a bidi override).
  const said = ZONE_SHAPE.test(zone) ? coreText('input.unknownTimeZone', { zone }) : coreText('input.notTimeZone');
  ctx.addIssue({ code: 'custom', message: said.text, params: { i18n: said.i18n } });
});

export const messagesSearchInput = z
  .object({
    query: z.string().max(1000, 'is too long (at most 1,000 characters)'),
    timeZone: timeZoneName.optional(),
    tzOffsetMinutes: tzOffsetMinutes.optional(),
    limit: z.number().int().min(1).max(100).optional(),
    before: snowflake.optional(),
  })
  .strict();

/** A stored message whose attachment links the core fetches anew from Discord (they expire). */
export const refreshMediaInput = z.object({ messageId: snowflake }).strict();

/** A sticker by its snowflake: the core builds the CDN URL itself, never from the panel's text. */
export const stickerAnimationInput = z.object({ id: z.string().regex(/^\d{17,20}$/, coreEn['issue.stickerId']) }).strict();

const statsProgressId = z.string().max(32).regex(/^[0-9a-z]+$/, coreEn['issue.lowerAlnum']);

export const messagesStatsInput = z
  .object({
    from: z.number().int().min(0).optional(),
    to: z.number().int().min(0).optional(),
    timeZone: timeZoneName.optional(),
    tzOffsetMinutes: tzOffsetMinutes.optional(),
    /** The panel's name for this count: its `messages.statsProgress` events carry it (every panel receives them). */
    progressId: statsProgressId.optional(),
  })
  .strict()
  .optional();

/** A running count the panel no longer wants (it asked for another period), by the name it gave it. */
export const messagesStatsCancelInput = z.object({ progressId: statsProgressId }).strict();

export const backfillInput = z
  .object({
    mode: z.enum(['recent', 'history']),
    limit: z.union([z.literal(100), z.literal(1000), z.literal(10000), z.null()]),
    periodHours: z.union([z.literal(24), z.literal(168), z.literal(720), z.null()]),
  })
  .strict();

export const noInput = z.undefined();

export const updateRunInput = z
  .object({
    /** The remote commit the user confirmed; refused if the branch has moved since. */
    target: z.string().regex(/^[0-9a-f]{40}$/, coreEn['issue.commitHash']),
  })
  .strict();

export const startOnLoginInput = z.object({ enabled: z.boolean() }).strict();
export const dismissNoticeInput = z.object({ id: z.string().min(1).max(64) }).strict();
