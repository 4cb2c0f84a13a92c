// Plain builders for the contract's data, with overridable defaults.
import type {
  AppInfo,
  BotState,
  BotStatus,
  ChatMessage,
  LastUpdate,
  LogEntry,
  SettingsView,
  UpdateCommit,
  UpdateRun,
  UpdateStepName,
  UpdateStepView,
  UpdateView,
} from '../../shared/types';
import { UPDATE_STEPS } from '../../shared/types';

export const GUILD_ID = '123456789012345678';
export const CHANNEL_ID = '234567890123456789';

const SENTENCES: Record<BotState, string> = {
  'not-configured': 'Not configured: add the bot token, server ID and channel ID in Settings.',
  ready: 'Ready to monitor #general on Test Guild.',
  connecting: 'Connecting to Discord…',
  connected: 'Connected to #general on Test Guild',
  error: 'Stopped: the token was rejected.',
};

export function makeStatus(state: BotState, extra: Partial<BotStatus> = {}): BotStatus {
  const base: BotStatus = { state, sentence: SENTENCES[state], since: Date.now() };
  if (state === 'connected') {
    base.bot = { id: '1', username: 'MonitorBot' };
    base.guild = { id: GUILD_ID, name: 'Test Guild' };
    base.channel = { id: CHANNEL_ID, name: 'general' };
  }
  if (state === 'error') {
    base.error = {
      code: 'invalid-token',
      message: 'Discord rejected the bot token.',
      hint: 'Reset the token in Developer Portal → Bot and paste it in Settings.',
      link: 'https://discord.com/developers/applications',
    };
  }
  return { ...base, ...extra };
}

export function makeSettings(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    token: { set: true, last4: 'abcd', source: 'stored', encrypted: true, warning: null },
    guildId: GUILD_ID,
    channelId: CHANNEL_ID,
    apiUrl: 'https://discord.com/api',
    autoStartBot: false,
    startHidden: false,
    language: '',
    autoUpdateEnabled: true,
    updateBranch: 'main',
    autoRestartService: true,
    checkIntervalMinutes: 30,
    backupEnabled: false,
    backupDir: '',
    backupKeep: 7,
    backupIntervalHours: 24,
    dangerousActionsEnabled: false,
    highlightKeywords: [],
    fetchMode: 'recent',
    fetchLimit: '1000',
    fetchPeriod: '7d',
    fromEnv: {},
    configured: true,
    ...overrides,
  };
}

let nextId = 1_000;
const T0 = Date.UTC(2026, 0, 15, 9, 30);

export function makeMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  const n = nextId++;
  return {
    id: `30000000000000${n}`,
    channelId: CHANNEL_ID,
    author: { id: '42', username: 'alice', displayName: 'Alice', avatarUrl: null, bot: false },
    content: `Message ${n}`,
    createdAt: T0 + n * 1000,
    editedAt: null,
    deleted: false,
    attachments: [],
    caughtUp: false,
    ...overrides,
  };
}

export function makeLog(id: number, level: LogEntry['level'] = 'info', message = `Log line ${id}`): LogEntry {
  return { id, time: T0 + id * 1000, level, message };
}

export function makeInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    name: 'Discord Monitor',
    version: '3.0.0',
    commit: '0123456789abcdef0123456789abcdef01234567',
    mode: 'electron',
    runtime: { node: '24.0.0', electron: '45.0.0', platform: 'linux', arch: 'x64' },
    dataDir: '/tmp/dm',
    logFile: '/tmp/dm/app.log',
    ...overrides,
  };
}

// ---- Self-update ----

/** The installed commit and the one on offer: short forms abc1234 and def5678. */
export const FROM_SHA = 'abc1234' + '0'.repeat(33);
export const TO_SHA = 'def5678' + '9'.repeat(33);

export const PIPELINE: UpdateStepName[] = [...UPDATE_STEPS];

export function makeCommit(overrides: Partial<UpdateCommit> = {}): UpdateCommit {
  return {
    hash: TO_SHA,
    subject: 'Fix the reconnection loop',
    author: 'Alice Martin',
    date: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    ...overrides,
  };
}

export const COMMITS: UpdateCommit[] = [
  makeCommit(),
  makeCommit({ hash: '1234567' + 'a'.repeat(33), subject: 'Show attachments inline', author: 'Bob Durand', date: new Date(Date.now() - 3 * 3_600_000).toISOString() }),
  makeCommit({ hash: '7654321' + 'b'.repeat(33), subject: 'Bump discord.js', author: 'Renovate', date: new Date(Date.now() - 5 * 86_400_000).toISOString() }),
];

export function makeUpdateView(overrides: Partial<UpdateView> = {}): UpdateView {
  return {
    state: 'up-to-date',
    message: 'Discord Monitor is up to date.',
    checkedAt: Date.now() - 2 * 60_000,
    current: FROM_SHA,
    target: null,
    count: 0,
    commits: [],
    localChanges: [],
    dependencies: null,
    estimate: null,
    restart: { auto: true, method: 'systemd', description: 'systemd (systemctl restart discord-monitor.service)' },
    run: null,
    lastUpdate: null,
    restartNeeded: false,
    ...overrides,
  };
}

/** An update on offer: three commits, a lockfile change, two local edits, a 12 s estimate. */
export function availableView(overrides: Partial<UpdateView> = {}): UpdateView {
  return makeUpdateView({
    state: 'available',
    message: '3 updates available.',
    target: TO_SHA,
    count: 3,
    commits: COMMITS,
    localChanges: [' M config/custom.css', '?? notes.txt'],
    dependencies: { changed: true, summary: 'package-lock.json changed (discord.js 14.28 → 14.29)' },
    estimate: { ms: 12_400, basis: 'history' },
    ...overrides,
  });
}

export function makeStep(step: UpdateStepName, status: UpdateStepView['status'] = 'pending', extra: Partial<UpdateStepView> = {}): UpdateStepView {
  return { step, status, durationMs: status === 'pending' ? 0 : 1200, log: [], ...extra };
}

/** A run whose steps are all pending except those given. */
export function makeRun(steps: Partial<Record<UpdateStepName, Partial<UpdateStepView>>> = {}, overrides: Partial<UpdateRun> = {}): UpdateRun {
  const names = [...PIPELINE, ...(steps.rollback ? (['rollback'] as const) : [])];
  return {
    id: 'run-1',
    startedAt: Date.now() - 5_000,
    from: FROM_SHA,
    to: TO_SHA,
    steps: names.map((name) => makeStep(name, steps[name]?.status, steps[name])),
    outcome: 'running',
    message: 'Updating to def5678.',
    ...overrides,
  };
}

export function makeLastUpdate(overrides: Partial<LastUpdate> = {}): LastUpdate {
  return {
    from: FROM_SHA,
    to: TO_SHA,
    outcome: 'success',
    durationMs: 4_200,
    finishedAt: Date.now() - 60_000,
    message: 'Updated to def5678.',
    commits: COMMITS,
    ...overrides,
  };
}
