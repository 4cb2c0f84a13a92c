// The settings the panel edits, their keys and the original panel's fetch options.
import type { I18nText } from '../core-text.js';

/** The languages the panel (and the desktop shell) speak. */
export const PANEL_LANGUAGES = ['en', 'fr'] as const;
export type PanelLanguage = (typeof PANEL_LANGUAGES)[number];

export const SETTING_KEYS = [
  'guildId',
  'channelId',
  'apiUrl',
  'autoStartBot',
  'startHidden',
  'language',
  'autoUpdateEnabled',
  'updateBranch',
  'autoRestartService',
  'checkIntervalMinutes',
  'backupEnabled',
  'backupDir',
  'backupKeep',
  'backupIntervalHours',
  'dangerousActionsEnabled',
  'highlightKeywords',
  'fetchMode',
  'fetchLimit',
  'fetchPeriod',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

// The original panel's FETCH_* values, kept as written in its .env.
export const FETCH_MODES = ['recent', 'history'] as const;
export const FETCH_LIMITS = ['100', '1000', '10000', 'all'] as const;
export const FETCH_PERIODS = ['24h', '7d', '30d', 'all'] as const;
export type FetchMode = (typeof FETCH_MODES)[number];
export type FetchLimit = (typeof FETCH_LIMITS)[number];
export type FetchPeriod = (typeof FETCH_PERIODS)[number];

export interface TokenView {
  set: boolean;
  /** Last four characters, for recognition; never more. */
  last4: string | null;
  /** Where the effective token comes from. */
  source: 'stored' | 'environment' | 'none';
  /** Whether the stored token is encrypted at rest. */
  encrypted: boolean;
  /** Said plainly when the token is stored without encryption. */
  warning: string | null;
  /** `warning` by key, for the panel's language. */
  i18n?: { warning: I18nText };
}

export interface SettingsView {
  token: TokenView;
  guildId: string;
  channelId: string;
  apiUrl: string;
  autoStartBot: boolean;
  /** Desktop: launch to the tray without showing the window. */
  startHidden: boolean;
  /** The language chosen in the panel ('' follows the system's); the desktop tray and dialogs use it too. */
  language: '' | PanelLanguage;
  autoUpdateEnabled: boolean;
  updateBranch: string;
  autoRestartService: boolean;
  checkIntervalMinutes: number;
  /** Automatic JSON backups of the stored messages (the original's BACKUP_ENABLED). */
  backupEnabled: boolean;
  /** Absolute folder for backups; empty: `<data folder>/message-backups` (BACKUP_DIR). */
  backupDir: string;
  /** Backups kept; older ones are removed after each new one. */
  backupKeep: number;
  backupIntervalHours: number;
  /** Unlocks "Delete all messages" (DANGEROUS_ACTIONS_ENABLED); off by default. */
  dangerousActionsEnabled: boolean;
  /** Words and phrases that highlight a message like a mention of the owner (Discord's keyword notifications). */
  highlightKeywords: string[];
  /** The original's FETCH_MODE / FETCH_LIMIT / FETCH_PERIOD: "history" backfills by itself once connected. */
  fetchMode: FetchMode;
  fetchLimit: FetchLimit;
  fetchPeriod: FetchPeriod;
  /** Fields whose effective value comes from the environment or .env, with the variable's name. */
  fromEnv: Partial<Record<SettingKey | 'token', string>>;
  /** True when token, guild and channel are all set. */
  configured: boolean;
}
