// The one registry of commands (request → response) and events (name → payload).
// The preload bridge, the WebSocket bridge and the renderer's API type all derive from it.
import type { z } from 'zod';
import type { ArchiveStatus, BackupInfo, DeleteAllCheck, DeleteProgress, ExportResult } from './archive.js';
import type { MessagesSkipped } from './live-flow.js';
import * as a from './archive-schemas.js';
import * as s from './schemas.js';
import type {
  AppInfo,
  BackfillView,
  BotStatus,
  ChannelStats,
  ChatMessage,
  LogEntry,
  RefreshedMedia,
  Notice,
  SearchResult,
  SettingsView,
  StickerAnimation,
  TestConnectionResult,
  UpdateView,
} from './types.js';

export interface CommandDef<I extends z.ZodType, O> {
  input: I;
  /** Type-level only: never read at run time. */
  output?: O;
}

const command = <I extends z.ZodType>(input: I) => ({
  returns: <O>(): CommandDef<I, O> => ({ input }),
});
const event = <P>() => ({}) as { payload?: P };

export const commands = {
  settings: {
    get: command(s.noInput).returns<SettingsView>(),
    save: command(s.settingsPatch).returns<SettingsView>(),
    testConnection: command(s.connectionCandidate.optional()).returns<TestConnectionResult>(),
  },
  bot: {
    start: command(s.noInput).returns<BotStatus>(),
    stop: command(s.noInput).returns<BotStatus>(),
    status: command(s.noInput).returns<BotStatus>(),
  },
  messages: {
    list: command(s.messagesListInput).returns<ChatMessage[]>(),
    search: command(s.messagesSearchInput).returns<SearchResult>(),
    stats: command(s.messagesStatsInput).returns<ChannelStats>(),
    /**
     * Stops the counts named `progressId` at their next slice (their `messages.stats` is refused as stopped):
     * true if one was running. The panel sends it when the period changes before the count answered.
     */
    statsCancel: command(s.messagesStatsCancelInput).returns<boolean>(),
    /**
     * A stored message fetched again through the running bot (its attachment links expire after about a day):
     * the stored row takes the fresh links, answered here and as `message.updated`. Refused when not connected.
     */
    refreshMedia: command(s.refreshMediaInput).returns<RefreshedMedia>(),
  },
  stickers: {
    /** A Lottie sticker's animation, fetched by the core from Discord's CDN (the panel's CSP reaches no other host). */
    animation: command(s.stickerAnimationInput).returns<StickerAnimation>(),
  },
  history: {
    /** The backfill job: what it does, how far it got; progress arrives as `history.backfill` events. */
    status: command(s.noInput).returns<BackfillView>(),
    backfill: command(s.backfillInput).returns<BackfillView>(),
    cancel: command(s.noInput).returns<BackfillView>(),
  },
  logs: {
    recent: command(s.noInput).returns<LogEntry[]>(),
  },
  app: {
    info: command(s.noInput).returns<AppInfo>(),
    /** Whether this app can start on login (desktop only) and whether it does. */
    startOnLogin: command(s.noInput).returns<{ supported: boolean; enabled: boolean }>(),
    setStartOnLogin: command(s.startOnLoginInput).returns<{ supported: boolean; enabled: boolean }>(),
    /** Restarts the app now (after "restart needed"): the bot disconnects first. */
    restart: command(s.noInput).returns<{ restarting: true; method: string }>(),
    /** What the user must read (a settings file moved aside…), kept until dismissed. */
    notices: command(s.noInput).returns<Notice[]>(),
    /** Removes one notice for good; answers the remaining ones. An unknown id changes nothing. */
    dismissNotice: command(s.dismissNoticeInput).returns<Notice[]>(),
  },
  archive: {
    /** Backups (folder, recent files, next run) and the last delete-all run. */
    status: command(s.noInput).returns<ArchiveStatus>(),
    backupNow: command(s.noInput).returns<BackupInfo>(),
    /** Desktop: a save dialog, then the file. The browser downloads from EXPORT_PATH instead. */
    export: command(a.exportInput).returns<ExportResult | { cancelled: true }>(),
    /** Whether delete-all may run: dangerous actions on, bot connected, permissions (what is missing). */
    deleteAllCheck: command(s.noInput).returns<DeleteAllCheck>(),
    /** Writes a backup, then deletes in the background; progress arrives as `archive.deleteProgress`. */
    deleteAll: command(a.deleteAllInput).returns<{ started: true; backup: string }>(),
    cancelDelete: command(s.noInput).returns<DeleteProgress | null>(),
    /** Headless: a one-time link (one minute) for the browser to download an export from EXPORT_PATH. */
    downloadTicket: command(a.exportInput).returns<{ path: string }>(),
  },
  update: {
    status: command(s.noInput).returns<UpdateView>(),
    check: command(s.noInput).returns<UpdateView>(),
    /** Starts the update; progress arrives as `update.status` events. Replies before any restart. */
    run: command(s.updateRunInput).returns<UpdateView>(),
  },
} as const;

export const events = {
  'bot.status': event<BotStatus>(),
  'message.created': event<ChatMessage>(),
  'message.updated': event<ChatMessage>(),
  'message.deleted': event<{ id: string; channelId: string }>(),
  /** WebSocket panels only: new messages not sent one by one because the panel was behind (live-flow.ts). */
  'message.skipped': event<MessagesSkipped>(),
  'history.backfill': event<BackfillView>(),
  'log.entry': event<LogEntry>(),
  'settings.changed': event<SettingsView>(),
  'notices.changed': event<Notice[]>(),
  'update.status': event<UpdateView>(),
  'archive.deleteProgress': event<DeleteProgress>(),
  'archive.exportProgress': event<{ done: number; total: number; format: string }>(),
  /** A running `messages.stats` that named itself with `progressId`: the share of its period counted, 0 to 1. */
  'messages.statsProgress': event<{ id: string; done: number }>(),
} as const;

export type Commands = typeof commands;
export type Namespace = keyof Commands;
export type CommandName = { [N in Namespace]: `${N}.${keyof Commands[N] & string}` }[Namespace];
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = NonNullable<(typeof events)[E]['payload']>;

type DefOf<C extends CommandName> = C extends `${infer N extends Namespace}.${infer M}`
  ? M extends keyof Commands[N]
    ? Commands[N][M]
    : never
  : never;
export type CommandInput<C extends CommandName> =
  DefOf<C> extends CommandDef<infer I, unknown> ? z.input<I> : never;
export type CommandParsed<C extends CommandName> =
  DefOf<C> extends CommandDef<infer I, unknown> ? z.output<I> : never;
export type CommandOutput<C extends CommandName> =
  DefOf<C> extends CommandDef<z.ZodType, infer O> ? O : never;

export const commandNames = Object.entries(commands).flatMap(([ns, defs]) =>
  Object.keys(defs).map((m) => `${ns}.${m}`),
) as CommandName[];
export const eventNames = Object.keys(events) as EventName[];

// Built once from the registry's own keys: a wire name can only match a whole "namespace.method"
// (never a prototype key such as "constructor.name", nor "settings.get.extra").
const registry = new Map<string, CommandDef<z.ZodType, unknown>>(
  Object.entries(commands).flatMap(([ns, defs]) =>
    Object.entries(defs as Record<string, CommandDef<z.ZodType, unknown>>).map(([m, def]) => [`${ns}.${m}`, def] as const),
  ),
);

export function commandDef(name: unknown): CommandDef<z.ZodType, unknown> | undefined {
  return typeof name === 'string' ? registry.get(name) : undefined;
}
