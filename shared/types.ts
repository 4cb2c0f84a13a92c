// Domain types shared by the main process and the renderer. Plain data only.

export const BOT_STATES = ['not-configured', 'ready', 'connecting', 'connected', 'error'] as const;
export type BotState = (typeof BOT_STATES)[number];

export type BotErrorCode =
  | 'invalid-token'
  | 'missing-intent'
  | 'guild-not-found'
  | 'channel-not-found'
  | 'channel-not-text'
  | 'network'
  | 'unknown';

export interface BotError {
  code: BotErrorCode;
  /** What happened, in one sentence. */
  message: string;
  /** What the user can do about it. */
  hint: string;
  /** Optional link that helps fixing it (invite URL, developer portal). */
  link?: string;
}

export interface BotStatus {
  state: BotState;
  /** Human sentence describing the state. */
  sentence: string;
  /** Epoch ms of the last state change. */
  since: number;
  bot?: { id: string; username: string };
  guild?: { id: string; name: string };
  channel?: { id: string; name: string };
  error?: BotError;
  /** Reconnection attempt number while retrying after a network failure. */
  attempt?: number;
  /** Epoch ms of the next retry, when one is scheduled. */
  nextRetryAt?: number;
}

export interface ChatAttachment {
  id: string;
  name: string;
  url: string;
  size: number;
  contentType: string | null;
  width: number | null;
  height: number | null;
}

export interface ChatMessage {
  id: string;
  channelId: string;
  author: { id: string; username: string; displayName: string; avatarUrl: string | null; bot: boolean };
  content: string;
  /** Epoch ms. */
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
  attachments: ChatAttachment[];
  /** True when fetched over REST after a (re)connect rather than received live. */
  caughtUp: boolean;
}

export const SETTING_KEYS = [
  'guildId',
  'channelId',
  'apiUrl',
  'autoStartBot',
  'autoUpdateEnabled',
  'updateBranch',
  'autoRestartService',
  'checkIntervalMinutes',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

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
}

export interface SettingsView {
  token: TokenView;
  guildId: string;
  channelId: string;
  apiUrl: string;
  autoStartBot: boolean;
  autoUpdateEnabled: boolean;
  updateBranch: string;
  autoRestartService: boolean;
  checkIntervalMinutes: number;
  /** Fields whose effective value comes from the environment or .env, with the variable's name. */
  fromEnv: Partial<Record<SettingKey | 'token', string>>;
  /** True when token, guild and channel are all set. */
  configured: boolean;
}

export type TestConnectionResult =
  | {
      ok: true;
      bot: { id: string; username: string };
      guild: { id: string; name: string };
      channel: { id: string; name: string };
    }
  | { ok: false; error: BotError };

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  id: number;
  time: number;
  level: LogLevel;
  message: string;
}

export interface AppInfo {
  name: string;
  version: string;
  commit: string | null;
  mode: 'electron' | 'headless';
  runtime: { node: string; electron: string | null; platform: string; arch: string };
  dataDir: string;
  logFile: string;
}
