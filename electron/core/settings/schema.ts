// What settings.json holds. The token is never here: it lives in the SecretBox.
import { z } from 'zod';
import { KEYWORD_MAX_LENGTH, KEYWORDS_MAX } from '../../../shared/schemas.js';
import { FETCH_LIMITS, FETCH_MODES, FETCH_PERIODS, PANEL_LANGUAGES, type SettingKey, type SettingsView } from '../../../shared/types.js';

export const SETTINGS_VERSION = 2;

/** The panel's editable settings (the contract's SETTING_KEYS), plus what only the core keeps. */
export interface StoredSettings extends Pick<SettingsView, SettingKey> {
  schemaVersion: number;
  restartMethod: 'auto' | 'systemd' | 'supervisor' | 'pm2' | 'relaunch';
  /** Where 3.0 kept the headless panel's access token; moved to its own file at start (access-token.ts). */
  headlessAccessToken?: string;
}

export const DISCORD_API_URL = 'https://discord.com/api';

export const DEFAULTS: StoredSettings = {
  schemaVersion: SETTINGS_VERSION,
  guildId: '',
  channelId: '',
  apiUrl: DISCORD_API_URL,
  autoStartBot: true,
  startHidden: false,
  language: '',
  autoUpdateEnabled: true,
  updateBranch: '',
  autoRestartService: true,
  restartMethod: 'auto',
  checkIntervalMinutes: 5,
  backupEnabled: false,
  backupDir: '',
  backupKeep: 7,
  backupIntervalHours: 24,
  dangerousActionsEnabled: false,
  highlightKeywords: [],
  fetchMode: 'recent',
  fetchLimit: '1000',
  fetchPeriod: '7d',
};

const idOrEmpty = z.string().regex(/^(|\d{17,20})$/, 'must be empty or a Discord ID (17 to 20 digits)');
const int = (min: number, max?: number) => (max === undefined ? z.int().min(min) : z.int().min(min).max(max));

/**
 * What settings.json may hold, checked when it is opened and before every write (validated-store.ts).
 * zod rather than conf's JSON schema: conf compiles that with ajv at every start (≈2.5 MiB of idle RSS).
 * Every key is optional (defaults fill them in) and unknown keys are kept, as conf's schema did.
 */
export const STORED_SCHEMA = z.looseObject({
  schemaVersion: int(1).optional(),
  guildId: idOrEmpty.optional(),
  channelId: idOrEmpty.optional(),
  // http(s) in any case, no user:password@, no query or fragment: a hand-edited file is held to what the panel accepts.
  apiUrl: z.string().regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^/?#@\s]+(\/[^?#\s]*)?$/u, 'must be an http(s) URL without user, query or fragment').optional(),
  autoStartBot: z.boolean().optional(),
  startHidden: z.boolean().optional(),
  language: z.enum(['', ...PANEL_LANGUAGES]).optional(),
  autoUpdateEnabled: z.boolean().optional(),
  updateBranch: z.string().max(100).optional(),
  autoRestartService: z.boolean().optional(),
  restartMethod: z.enum(['auto', 'systemd', 'supervisor', 'pm2', 'relaunch']).optional(),
  checkIntervalMinutes: int(1, 1440).optional(),
  backupEnabled: z.boolean().optional(),
  backupDir: z.string().max(1000).optional(),
  backupKeep: int(1, 365).optional(),
  backupIntervalHours: int(1, 720).optional(),
  dangerousActionsEnabled: z.boolean().optional(),
  // Held to what the panel accepts (shared/schemas.ts highlightKeyword): a hand-edited file too.
  highlightKeywords: z
    .array(z.string().min(1).max(KEYWORD_MAX_LENGTH).regex(/^[^,\p{Cc}\p{Zl}\p{Zp}]*$/u, 'must not hold commas, control characters or line breaks'))
    .max(KEYWORDS_MAX)
    .optional(),
  fetchMode: z.enum(FETCH_MODES).optional(),
  fetchLimit: z.enum(FETCH_LIMITS).optional(),
  fetchPeriod: z.enum(FETCH_PERIODS).optional(),
  headlessAccessToken: z.string().optional(),
});

type Raw = Record<string, unknown>;

/**
 * Versioned migrations: index i upgrades version i+1 → i+2. Version 1 was the first
 * release's file (camel-cased keys of the original .env names, token inline).
 */
export const MIGRATIONS: Array<(raw: Raw) => Raw> = [
  // 1 → 2: the inline token moves to the SecretBox (handled by the caller via `movedToken`),
  // and AUTO_RESTART_SERVICE's old string form becomes a boolean.
  (raw) => {
    const { token: _token, ...rest } = raw;
    if (typeof rest.autoRestartService === 'string') rest.autoRestartService = rest.autoRestartService !== 'False';
    return { ...rest, schemaVersion: 2 };
  },
];

export interface MigrationResult {
  settings: Raw;
  /** A token found inline in an old file, to be moved into the SecretBox. */
  movedToken: string | null;
  from: number;
}

export function migrate(raw: Raw): MigrationResult {
  const from = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1;
  const movedToken = typeof raw.token === 'string' && raw.token ? raw.token : null;
  let current = raw;
  for (let v = from; v < SETTINGS_VERSION; v++) current = MIGRATIONS[v - 1]!(current);
  return { settings: current, movedToken, from };
}
