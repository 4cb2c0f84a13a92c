// What settings.json holds. The token is never here: it lives in the SecretBox.
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

const idOrEmpty = { type: 'string', pattern: '^(|\\d{17,20})$' } as const;

/** JSON schema handed to conf / electron-store, which validate every write with it. */
export const JSON_SCHEMA = {
  schemaVersion: { type: 'integer', minimum: 1 },
  guildId: idOrEmpty,
  channelId: idOrEmpty,
  // http(s) in any case, no user:password@, no query or fragment: a hand-edited file is held to what the panel accepts.
  apiUrl: { type: 'string', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^/?#@\\s]+(/[^?#\\s]*)?$' },
  autoStartBot: { type: 'boolean' },
  startHidden: { type: 'boolean' },
  language: { enum: ['', ...PANEL_LANGUAGES] },
  autoUpdateEnabled: { type: 'boolean' },
  updateBranch: { type: 'string', maxLength: 100 },
  autoRestartService: { type: 'boolean' },
  restartMethod: { enum: ['auto', 'systemd', 'supervisor', 'pm2', 'relaunch'] },
  checkIntervalMinutes: { type: 'integer', minimum: 1, maximum: 1440 },
  backupEnabled: { type: 'boolean' },
  backupDir: { type: 'string', maxLength: 1000 },
  backupKeep: { type: 'integer', minimum: 1, maximum: 365 },
  backupIntervalHours: { type: 'integer', minimum: 1, maximum: 720 },
  dangerousActionsEnabled: { type: 'boolean' },
  // Held to what the panel accepts (shared/schemas.ts highlightKeyword): a hand-edited file too.
  highlightKeywords: {
    type: 'array',
    maxItems: KEYWORDS_MAX,
    items: { type: 'string', minLength: 1, maxLength: KEYWORD_MAX_LENGTH, pattern: '^[^,\\p{Cc}\\p{Zl}\\p{Zp}]*$' },
  },
  fetchMode: { enum: [...FETCH_MODES] },
  fetchLimit: { enum: [...FETCH_LIMITS] },
  fetchPeriod: { enum: [...FETCH_PERIODS] },
  headlessAccessToken: { type: 'string' },
} as const;

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
