// Domain types shared by the main process and the renderer. Plain data only.
import type { SearchProblem } from './search-query.js';
import type { I18nText } from './core-text.js';

export const BOT_STATES = ['not-configured', 'ready', 'connecting', 'connected', 'error'] as const;
export type BotState = (typeof BOT_STATES)[number];

export type BotErrorCode =
  | 'invalid-token'
  | 'missing-intent'
  | 'guild-not-found'
  | 'channel-not-found'
  | 'channel-not-text'
  | 'network'
  | 'session-limit'
  | 'unknown';

export interface BotError {
  code: BotErrorCode;
  /** What happened, in one sentence. */
  message: string;
  /** What the user can do about it. */
  hint: string;
  /** Optional link that helps fixing it (invite URL, developer portal). */
  link?: string;
  /** `message` and `hint` by key, for the panel's language (the English stays the fallback). */
  i18n?: { message: I18nText; hint: I18nText };
}

export interface BotStatus {
  state: BotState;
  /** Human sentence describing the state. */
  sentence: string;
  /** `sentence` by key, for the panel's language. */
  i18n?: I18nText;
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
  /** What the message view needs beyond the text (message-view.ts); absent on messages stored before it existed. */
  view?: ChatMessageView;
}

/** Discord's message type number (0 default, 7 member join, 19 reply…); the panel words the system ones. */
export interface ChatMessageView {
  type: number;
  mentions: ChatMentions;
  reply?: ChatReply;
  embeds: ChatEmbed[];
  /** format: Discord's sticker format_type (1 PNG, 2 APNG, 3 Lottie, 4 GIF); url is the CDN file (.json for Lottie). */
  stickers: { id: string; name: string; url: string | null; format?: number }[];
  reactions: ChatReaction[];
  /** Custom emoji written in the content (`<:name:id>`), with their CDN image. */
  emojis: { id: string; name: string; animated: boolean; url: string }[];
  thread?: { id: string; name: string; messageCount: number | null };
  poll?: ChatPoll;
  /** A forwarded message's snapshot (docs: Message Snapshot Object); the forward itself has no content. */
  forward?: { content: string; attachments: ChatAttachment[]; embeds: ChatEmbed[]; createdAt: number };
  /** Buttons, select menus and layout components (docs/components/reference.mdx), drawn read-only. */
  components?: ChatComponent[];
  /** Mentions the bot's application owner directly or with @everyone/@here (roles are not checked): highlighted like Discord's "mentions you". */
  mentionsOwner: boolean;
}

export interface ChatMentions {
  users: { id: string; name: string }[];
  /** color: 0xRRGGBB, 0 when the role has none. */
  roles: { id: string; name: string; color: number }[];
  channels: { id: string; name: string }[];
  everyone: boolean;
}

/** The replied-to message: null author/excerpt when Discord says it was deleted or could not load it. */
export interface ChatReply {
  id: string;
  author: string | null;
  excerpt: string | null;
}

export interface ChatEmbedMedia {
  url: string;
  width: number | null;
  height: number | null;
}

export interface ChatEmbed {
  type: string;
  color: number | null;
  author?: { name: string; url?: string; iconUrl?: string };
  title?: string;
  url?: string;
  description?: string;
  fields: { name: string; value: string; inline: boolean }[];
  thumbnail?: ChatEmbedMedia;
  image?: ChatEmbedMedia;
  video?: ChatEmbedMedia;
  /** A provider's video (YouTube…) that is not on Discord's hosts: its player page, opened in the browser, never embedded. */
  player?: { url: string; width: number | null; height: number | null };
  footer?: { text: string; iconUrl?: string };
  provider?: { name: string; url?: string };
  /** Epoch ms. */
  timestamp: number | null;
}

/** A component as the panel draws it: type names for Discord's numbers 1–3, 5–14 and 17; unknown ones are left out. */
export type ChatComponent =
  | { type: 'row'; components: ChatComponent[] }
  | { type: 'button'; style: number; label: string | null; emoji: ChatEmoji | null; url: string | null; disabled: boolean }
  | { type: 'select'; kind: number; placeholder: string | null; disabled: boolean; options: { label: string; emoji: ChatEmoji | null; selected: boolean }[] }
  | { type: 'text'; content: string }
  | { type: 'section'; components: ChatComponent[]; accessory: ChatComponent | null }
  | { type: 'thumbnail'; media: ChatEmbedMedia; description: string | null }
  | { type: 'gallery'; items: { media: ChatEmbedMedia; description: string | null }[] }
  | { type: 'separator'; divider: boolean; large: boolean }
  /** A File (13): an uploaded file shown like an attachment; url null while only an attachment:// reference is known. */
  | { type: 'file'; name: string; size: number | null; url: string | null; attachmentId: string | null }
  | { type: 'container'; accentColor: number | null; components: ChatComponent[] };

/** A Unicode emoji (id null) or a custom one with its CDN image. */
export interface ChatEmoji {
  id: string | null;
  name: string;
  animated: boolean;
  url: string | null;
}

/** A Lottie sticker's animation JSON, as Discord's CDN serves it (parsed by the panel's player). */
export interface StickerAnimation {
  id: string;
  json: string;
}

export interface ChatReaction {
  emoji: { id: string | null; name: string; animated: boolean; url: string | null };
  count: number;
}

export interface ChatPoll {
  question: string;
  /** emoji: a Unicode emoji or a custom one's name; emojiUrl: the custom one's CDN image. */
  answers: { id: number; text: string; emoji: string | null; emojiUrl?: string; votes: number }[];
  /** Discord says "Select one or more answers" under the question when true. */
  multiselect?: boolean;
  /** Epoch ms, null for a poll without end. */
  expiresAt: number | null;
  finalized: boolean;
}

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
  /** `message` by key, for the panel's language (the log file keeps the English). */
  i18n?: I18nText;
}

/** Something the user must read, shown in the panel until dismissed (a settings file moved aside…). */
export interface Notice {
  id: string;
  time: number;
  level: 'info' | 'warn' | 'error';
  /** Selects the panel's translated sentence; `message` is the English one (log, fallback). */
  code: string;
  /** Values for the translated sentence (e.g. the path of a moved-aside file). */
  params: Record<string, string>;
  message: string;
  /** `message` by key, for the panel's language. */
  i18n?: I18nText;
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

// ---- Self-update ----

export type UpdateState = 'checking' | 'available' | 'up-to-date' | 'disabled' | 'error' | 'updating';

export interface UpdateCommit {
  hash: string;
  subject: string;
  author: string;
  /** ISO 8601. */
  date: string;
}

/** The update pipeline's steps in their listed order (stop-bot may run later: see the engine's stopBot). */
export const UPDATE_STEPS = [
  'stop-bot',
  'backup-config',
  'save-local-changes',
  'fetch',
  'reset',
  'clean',
  'restore-config',
  'install-deps',
  'build',
  'self-test',
  'restart',
] as const;
/** `rollback` only appears after a failure. */
export type UpdateStepName = (typeof UPDATE_STEPS)[number] | 'rollback';

export interface UpdateStepView {
  step: UpdateStepName;
  status: 'pending' | 'running' | 'done' | 'skipped' | 'failed';
  durationMs: number;
  /** Every log line of the step so far. */
  log: string[];
  error?: string;
  /** `error` by key, for the panel's language. */
  i18n?: { error: I18nText };
}

export interface UpdateRun {
  id: string;
  startedAt: number;
  from: string;
  /** The commit being installed. */
  to: string;
  steps: UpdateStepView[];
  outcome: 'running' | 'restarting' | 'restart-needed' | 'rolled-back' | 'failed';
  /** One sentence for the user, with what to do when something went wrong. */
  message: string;
  /** `message` by key, for the panel's language. */
  i18n?: { message: I18nText };
}

/** Where an update put the user's own work, so it is never silently lost. */
export interface SetAside {
  /** Local commits the remote lacked, kept on this branch (null: there were none). */
  branch: string | null;
  commits: number;
  /** Uncommitted edits, stashed: re-applied after the update, or kept (conflict) with the command to apply them. */
  stash: { sha: string; command: string; state: 'kept' | 'reapplied' | 'conflict' } | null;
  /** Edits found in the checkout by a boot recovery (someone trying a fix), stashed before it moved the checkout. */
  recovered?: { sha: string; command: string } | null;
}

export interface LastUpdate {
  from: string;
  to: string;
  outcome: 'success' | 'rolled-back' | 'failed' | 'interrupted';
  durationMs: number;
  finishedAt: number;
  message: string;
  /** `message` by key, for the panel's language. */
  i18n?: { message: I18nText };
  /** The commits installed (never the user's own, removed ones). */
  commits: UpdateCommit[];
  /** Absent or null: nothing was set aside. */
  setAside?: SetAside | null;
}

export interface UpdateView {
  state: UpdateState;
  /** Sentence for the button's tooltip / the panel: reason when disabled, git's message on error. */
  message: string;
  /** `message` by key, for the panel's language (set on check errors). */
  i18n?: { message: I18nText } | null;
  checkedAt: number | null;
  current: string | null;
  /** Remote head the update would install; `update.run` must name it. */
  target: string | null;
  count: number;
  commits: UpdateCommit[];
  /** Local edits and untracked files that will be set aside (git stash), porcelain lines. */
  localChanges: string[];
  /** Why updates are off (state `disabled`), for a tooltip in the panel's language; `envVar` when an environment variable set it. */
  disabled?: { reason: 'packaged' | 'auto-update-off' | 'git-missing' | 'not-a-checkout'; envVar?: string } | null;
  /** Local commits the remote lacks (newest first) and the branch they will be moved to. */
  localCommits?: { branch: string; commits: UpdateCommit[] } | null;
  dependencies: { changed: boolean; summary: string } | null;
  /** Parts of the running build reused as they are (their sources did not change); absent: all rebuilt. */
  build?: { reused: ('renderer' | 'preload')[] } | null;
  estimate: { ms: number; basis: 'history' | 'default' } | null;
  /** What happens at the end: a service-manager restart, a relaunch, or nothing (restart needed). */
  restart: { auto: boolean; method: string; description: string };
  run: UpdateRun | null;
  lastUpdate: LastUpdate | null;
  /** The code on disk is newer than the running process (auto restart off). */
  restartNeeded: boolean;
}

/** One page of search results, newest first. */
export interface SearchResult {
  messages: ChatMessage[];
  /** The words and phrases searched for, for highlighting. */
  terms: string[];
  /** Filters that were not understood or matched nobody. */
  problems: SearchProblem[];
  /** Pass as `before` for the next (older) page; null when this was the last. */
  nextBefore: string | null;
  tookMs: number;
}

/** Channel statistics over a period (days and hours in the viewer's time zone). */
export interface ChannelStats {
  total: number;
  perDay: Array<{ day: string; count: number }>;
  /** Messages per hour of the day, 0–23. */
  hours: number[];
  topAuthors: Array<{ id: string; name: string; count: number }>;
  attachments: { count: number; bytes: number };
}

export type BackfillMode = 'recent' | 'history';
export interface BackfillOptions {
  mode: BackfillMode;
  /** Messages to fetch at most; null for all. */
  limit: 100 | 1000 | 10000 | null;
  /** How far back, in hours (24 h, 7 days, 30 days); null for all. */
  periodHours: 24 | 168 | 720 | null;
}

export interface BackfillView {
  state: 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed';
  options: BackfillOptions;
  fetched: number;
  /** New messages stored (fetched minus those already stored). */
  stored: number;
  /** Best estimate of the total to fetch; null when unknown. */
  expected: number | null;
  /** Oldest message reached so far (epoch ms), for "back to 3 March". */
  reachedAt: number | null;
  /** Seconds left at the current pace; null when unknown. */
  etaSeconds: number | null;
  /** A sentence when it failed or was paused (the bot stopped). */
  message: string | null;
  /** `message` by key, for the panel's language. */
  i18n?: I18nText;
}
