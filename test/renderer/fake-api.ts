// An in-memory Api: typed as the real one, records every call, validates input with the shared
// schemas like the server does, and lets tests push events.
import { ApiError, type Api } from '../../shared/api';
import type { BackupInfo } from '../../shared/archive';
import type { CommandName, EventName, EventPayload } from '../../shared/contract';
import { connectionCandidate, dismissNoticeInput, messagesListInput, refreshMediaInput, settingsPatch, stickerAnimationInput, updateRunInput, type SettingsPatch } from '../../shared/schemas';
import type {
  AppInfo,
  BackfillView,
  BotState,
  ChannelStats,
  BotStatus,
  ChatMessage,
  LogEntry,
  Notice,
  SearchResult,
  SettingsView,
  TestConnectionResult,
  UpdateView,
} from '../../shared/types';
import { makeInfo, makeSettings, makeStatus, makeUpdateView } from './fixtures';

/** The server's paging (electron/core/messages/history-query.ts) over an oldest-first array. */
function pageOf(all: ChatMessage[], q: { limit?: number; before?: string; after?: string; around?: string; at?: number }): ChatMessage[] {
  const limit = q.limit ?? 100;
  const cmp = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  if (q.before !== undefined) return all.filter((m) => cmp(m.id, q.before!) < 0).slice(-limit);
  if (q.after !== undefined) return all.filter((m) => cmp(m.id, q.after!) > 0).slice(0, limit);
  if (q.around !== undefined || q.at !== undefined) {
    const start = q.around !== undefined ? all.findIndex((m) => cmp(m.id, q.around!) >= 0) : all.findIndex((m) => m.createdAt >= q.at!);
    const from = start < 0 ? all.length : start;
    const older = all.slice(Math.max(0, from - Math.floor(limit / 2)), from);
    return [...older, ...all.slice(from, from + limit - older.length)];
  }
  return all.slice(-limit);
}

export interface Call {
  command: CommandName;
  arg: unknown;
}

type Handler = (arg: unknown) => unknown;

export class FakeApi {
  status: BotStatus = makeStatus('ready');
  settings: SettingsView = makeSettings();
  /** The stored history, oldest first: messages.list pages through it like the server. */
  messages: ChatMessage[] = [];
  searchResult: SearchResult = { messages: [], terms: [], problems: [], nextBefore: null, tookMs: 1 };
  stats: ChannelStats = { total: 0, perDay: [], hours: Array.from({ length: 24 }, () => 0), topAuthors: [], attachments: { count: 0, bytes: 0 } };
  backfill: BackfillView = { state: 'idle', options: { mode: 'recent', limit: null, periodHours: null }, fetched: 0, stored: 0, expected: null, reachedAt: null, etaSeconds: null, message: null };
  logs: LogEntry[] = [];
  notices: Notice[] = [];
  /** What `archive.status` lists as the recent backups. */
  backups: BackupInfo[] = [];
  info: AppInfo = makeInfo();
  /** What `update.status` and `update.check` answer (`update.check` also stamps checkedAt). */
  updateView: UpdateView = makeUpdateView();
  loginItem = { supported: false, enabled: false };
  testResult: TestConnectionResult = {
    ok: true,
    bot: { id: '1', username: 'MonitorBot' },
    guild: { id: '123456789012345678', name: 'Test Guild' },
    channel: { id: '234567890123456789', name: 'general' },
  };
  /** Lottie JSON by sticker id for `stickers.animation`; an unknown id fails like the core when the CDN does. */
  stickerAnimations = new Map<string, string>();
  readonly calls: Call[] = [];
  private readonly overrides = new Map<CommandName, Handler>();
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  /** Replace a command's behaviour (return a value, a pending promise, or throw). */
  override(command: CommandName, handler: Handler): void {
    this.overrides.set(command, handler);
  }

  /** Make the next call of `command` fail with `error`. */
  failNext(command: CommandName, error: Error): void {
    this.overrides.set(command, () => {
      this.overrides.delete(command);
      throw error;
    });
  }

  argsOf(command: CommandName): unknown[] {
    return this.calls.filter((c) => c.command === command).map((c) => c.arg);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.listeners.get(event)?.forEach((listener) => listener(structuredClone(payload)));
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  setStatus(state: BotState, extra: Partial<BotStatus> = {}): BotStatus {
    this.status = makeStatus(state, extra);
    return this.status;
  }

  // Answers are cloned, as they would be after crossing IPC or the WebSocket.
  private async run<T>(command: CommandName, arg: unknown, fallback: () => T): Promise<T> {
    this.calls.push({ command, arg });
    const handler = this.overrides.get(command);
    const value = handler ? await handler(arg) : fallback();
    return structuredClone(value) as T;
  }

  private saveSettings(arg: unknown): SettingsView {
    const parsed = settingsPatch.safeParse(arg);
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
      throw new ApiError({ code: 'invalid-input', message: 'Some settings are invalid.', fields });
    }
    const { token, ...rest } = parsed.data as SettingsPatch;
    const next: SettingsView = { ...this.settings, ...rest } as SettingsView;
    if (token === null) next.token = { set: false, last4: null, source: 'none', encrypted: false, warning: null };
    else if (token) next.token = { ...next.token, set: true, last4: token.slice(-4), source: 'stored' };
    next.configured = next.token.set && next.guildId !== '' && next.channelId !== '';
    this.settings = next;
    return next;
  }

  private check<T>(schema: { safeParse(v: unknown): { success: boolean } }, arg: unknown, value: () => T): () => T {
    return () => {
      if (!schema.safeParse(arg).success) throw new ApiError({ code: 'invalid-input', message: 'Invalid input.' });
      return value();
    };
  }

  private stickerAnimation(id: string): { id: string; json: string } {
    const json = this.stickerAnimations.get(id);
    if (json === undefined) throw new ApiError({ code: 'unavailable', message: `The animation of sticker ${id} could not be loaded.` });
    return { id, json };
  }

  /** Like the server: the target must be the full hash of the commit being offered. */
  private runUpdate(arg: unknown): UpdateView {
    const parsed = updateRunInput.safeParse(arg);
    if (!parsed.success) throw new ApiError({ code: 'invalid-input', message: 'Invalid input.' });
    if (parsed.data.target !== this.updateView.target) {
      throw new ApiError({ code: 'busy', message: 'The branch has moved since the check: check again before updating.' });
    }
    this.updateView = { ...this.updateView, state: 'updating' };
    return this.updateView;
  }

  readonly api: Api = {
    settings: {
      get: () => this.run('settings.get', undefined, () => this.settings),
      save: (patch) => this.run('settings.save', patch, () => this.saveSettings(patch)),
      testConnection: (candidate) =>
        this.run('settings.testConnection', candidate, this.check(connectionCandidate.optional(), candidate, () => this.testResult)),
    },
    bot: {
      start: () => this.run('bot.start', undefined, () => this.setStatus('connecting')),
      stop: () => this.run('bot.stop', undefined, () => this.setStatus('ready')),
      status: () => this.run('bot.status', undefined, () => this.status),
    },
    messages: {
      list: (arg) => this.run('messages.list', arg, this.check(messagesListInput, arg, () => pageOf(this.messages, arg ?? {}))),
      search: (arg) => this.run('messages.search', arg, () => this.searchResult),
      stats: (arg) => this.run('messages.stats', arg, () => this.stats),
      statsCancel: (arg) => this.run('messages.statsCancel', arg, () => false),
      // As the core with the bot stopped; tests override it with fresh links.
      refreshMedia: (arg) =>
        this.run('messages.refreshMedia', arg, this.check(refreshMediaInput, arg, () => {
          throw new ApiError({ code: 'unavailable', message: 'Attachment links expire; fresh ones come from Discord through the bot. Start monitoring, then try again.' });
        })),
    },
    stickers: {
      animation: (arg) => this.run('stickers.animation', arg, this.check(stickerAnimationInput, arg, () => this.stickerAnimation(arg.id))),
    },
    history: {
      status: () => this.run('history.status', undefined, () => this.backfill),
      backfill: (arg) => this.run('history.backfill', arg, () => (this.backfill = { ...this.backfill, state: arg.mode === 'history' ? 'running' : 'idle', options: arg })),
      // As the core: a cancelled job says nothing more (a failed one's reason and retry time go).
      cancel: () => this.run('history.cancel', undefined, () => (this.backfill = { ...this.backfill, state: 'cancelled', message: null })),
    },
    logs: { recent: () => this.run('logs.recent', undefined, () => this.logs) },
    app: {
      info: () => this.run('app.info', undefined, () => this.info),
      restart: () => this.run('app.restart', undefined, () => ({ restarting: true as const, method: this.updateView.restart.method })),
      startOnLogin: () => this.run('app.startOnLogin', undefined, () => ({ ...this.loginItem })),
      setStartOnLogin: (arg) => this.run('app.setStartOnLogin', arg, () => ({ ...(this.loginItem = { ...this.loginItem, enabled: arg.enabled }) })),
      notices: () => this.run('app.notices', undefined, () => this.notices),
      dismissNotice: (arg) =>
        this.run('app.dismissNotice', arg, this.check(dismissNoticeInput, arg, () => (this.notices = this.notices.filter((n) => n.id !== arg.id)))),
    },
    archive: {
      status: () =>
        this.run('archive.status', undefined, () => ({
          backups: { enabled: this.settings.backupEnabled, dir: '/data/message-backups', keep: this.settings.backupKeep, intervalHours: this.settings.backupIntervalHours, recent: this.backups, nextAt: null, error: null },
          deleteAll: null,
        })),
      backupNow: () =>
        this.run('archive.backupNow', undefined, () => ({ file: '/data/message-backups/manual.json', at: Date.now(), count: this.messages.length, bytes: 1024, reason: 'manual' })),
      export: (arg) => this.run('archive.export', arg, () => ({ cancelled: true as const })),
      deleteAllCheck: () =>
        this.run('archive.deleteAllCheck', undefined, () => ({
          allowed: this.settings.dangerousActionsEnabled,
          dangerousActionsEnabled: this.settings.dangerousActionsEnabled,
          channel: { id: this.settings.channelId, name: 'general', guild: 'Home Lab' },
          missing: [],
          reason: this.settings.dangerousActionsEnabled ? null : 'Dangerous actions are off.',
          running: null,
        })),
      deleteAll: (arg) => this.run('archive.deleteAll', arg, () => ({ started: true as const, backup: '/data/message-backups/before-delete-all.json' })),
      cancelDelete: () => this.run('archive.cancelDelete', undefined, () => null),
      downloadTicket: (arg) => this.run('archive.downloadTicket', arg, () => ({ path: '/api/export?ticket=test' })),
    },
    update: {
      status: () => this.run('update.status', undefined, () => this.updateView),
      check: () =>
        this.run('update.check', undefined, () => (this.updateView = { ...this.updateView, checkedAt: Date.now() })),
      run: (arg) => this.run('update.run', arg, () => this.runUpdate(arg)),
    },
    on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
      let set = this.listeners.get(event);
      if (!set) this.listeners.set(event, (set = new Set()));
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => void set.delete(untyped);
    },
  };
}
