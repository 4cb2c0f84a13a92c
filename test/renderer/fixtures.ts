// Plain builders for the contract's data, with overridable defaults.
import type { AppInfo, BotState, BotStatus, ChatMessage, LogEntry, SettingsView } from '../../shared/types';

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
    autoUpdateEnabled: true,
    updateBranch: 'main',
    autoRestartService: true,
    checkIntervalMinutes: 30,
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
