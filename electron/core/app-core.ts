// Composes the core: settings, logging, the monitor and the command handlers. No Electron here.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreText, type CoreSentence } from '../../shared/core-text.js';
import type { AppInfo } from '../../shared/types.js';
import { readAppIdentity } from './app-info.js';
import { ChannelMonitor, type MonitorOptions, type MonitorTarget } from './bot/monitor.js';
import { createDispatcher, type Dispatch } from './dispatch.js';
import { CommandError } from './errors.js';
import { EventBus } from './event-bus.js';
import { ensurePrivateDir, tightenModesSaid } from './fs-modes.js';
import { refreshMediaHandler } from './handlers/refresh-media.js';
import { testConnectionHandler } from './handlers/test-connection.js';
import { checkApiUrlChange } from './handlers/token-destination.js';
import type { Archive } from './archive/archive.js';
import { createArchiveArea } from './archive/core-wiring.js';
import { createHistory } from './history/history-service.js';
import { createLog, type CoreLog } from './log/logger.js';
import { say } from './log/say.js';
import { LastSeen } from './messages/last-seen.js';
import { StickerAnimations } from './messages/sticker-animations.js';
import { Notices } from './notices.js';
import { openMessageStore } from './messages/open-message-store.js';
import type { AppPaths, LoginItemPort, Relauncher, SaveDialogPort, SecretBox } from './ports.js';
import type { StoreFactory } from './settings/open-store.js';
import { Settings } from './settings/settings.js';
import { UpdateService, type UpdateServiceOptions } from './update-service.js';

/** How long a shutdown waits for the commands already running (a save on a slow keyring) before closing the stores. */
const SHUTDOWN_WAIT_MS = 5_000;

export interface CoreOptions {
  /** SHUTDOWN_WAIT_MS unless set (tests). */
  shutdownWaitMs?: number;
  paths: AppPaths;
  secrets: SecretBox;
  storeFactory: StoreFactory;
  env: NodeJS.ProcessEnv;
  mode: AppInfo['mode'];
  electronVersion?: string | null;
  logToStdout?: boolean;
  /** How this process restarts itself after an update; null where it cannot (then a manager must). */
  relauncher?: Relauncher | null;
  /** Start on login; only the desktop shell has one. */
  loginItem?: LoginItemPort | null;
  /** Where to save an export; only the desktop shell has one (headless downloads over HTTP). */
  saveDialog?: SaveDialogPort | null;
  /** A packaged install updates through its installer, not git. */
  packaged?: boolean;
  /** Update pipeline commands/timeouts and restart detection inputs (tests). */
  update?: Pick<UpdateServiceOptions, 'pipeline' | 'detect' | 'handover'>;
  /** Timing knobs for tests (watchdog, retry, stop cap). */
  monitorTuning?: Partial<Omit<MonitorOptions, 'target' | 'logger' | 'bus' | 'store' | 'lastSeen'>>;
  /** Backfill retry delays (tests). */
  historyTuning?: { backfillRetryMs?: readonly number[] };
}

export interface Core {
  dispatch: Dispatch;
  bus: EventBus;
  monitor: ChannelMonitor;
  settings: Settings;
  updates: UpdateService;
  log: CoreLog;
  /** Exports, backups and the guarded delete-all. */
  archive: Archive;
  info(): AppInfo;
  /** Marks the core busy (an update runs): bot and settings commands are refused meanwhile. */
  setBusy(reason: string | CoreSentence | null): void;
  /** Once only (later calls get the same promise); after it nothing of the core touches the data folder. */
  shutdown(): Promise<void>;
  /** True from the start of shutdown(): work that waited (the launch's background start) must not begin. */
  isShutDown(): boolean;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  // Private files: the folder 0700 and each file 0600 from creation; looser ones (3.0 wrote 0644) repaired.
  try {
    ensurePrivateDir(options.paths.dataDir);
  } catch {
    // A folder that cannot be made (a read-only parent): said by the message store below, which keeps
    // messages in memory; settings and the rest read what they can.
  }
  const tightened = tightenModesSaid(options.paths.dataDir, options.paths.logDir);
  const log = createLog({ dir: options.paths.logDir, stdout: options.logToStdout ?? false });
  for (const sentence of tightened) say(log.logger, 'warn', sentence);
  if (log.fileProblem) say(log.logger, 'warn', coreText('log.fileUnwritable', { file: log.file, detail: log.fileProblem.message }));
  const bus = new EventBus(log.redactor);
  log.entries.on('entry', (entry) => bus.emit('log.entry', entry));

  const settings = await Settings.open({
    dataDir: options.paths.dataDir,
    appDir: options.paths.appDir,
    env: options.env,
    secrets: options.secrets,
    storeFactory: options.storeFactory,
  });
  const keepSecret = () => log.redactor.add(settings.effective().token);
  keepSecret();
  log.redactor.add(settings.accessToken());
  // Kept until dismissed in the panel: the event log alone lets a moved-aside settings file scroll away.
  const notices = new Notices(join(options.paths.dataDir, 'notices.json'));
  if (notices.problem) say(log.logger, 'warn', notices.problem);
  for (const notice of settings.notices) {
    log.logger[notice.level](notice.i18n ? { i18n: notice.i18n } : {}, notice.message);
    if (notice.persist || notice.thisRunOnly) {
      notices.add({ level: notice.level, code: notice.code, params: notice.params, message: notice.message, ...(notice.i18n ? { i18n: notice.i18n } : {}) }, Date.now(), { thisRunOnly: notice.thisRunOnly ?? false });
    }
  }
  // Kept until the token is moved: a start that moved it (or found none to move) takes the old notice away.
  if (!settings.notices.some((n) => n.code === 'token-not-moved')) notices.withdraw('token-not-moved');
  notices.on('changed', (list) => bus.emit('notices.changed', list));
  const tokenView = settings.view().token;
  if (tokenView.warning) log.logger.warn(tokenView.i18n ? { i18n: tokenView.i18n.warning } : {}, tokenView.warning);

  const target = (): MonitorTarget | null => {
    const s = settings.effective();
    return s.token && s.guildId && s.channelId ? { token: s.token, guildId: s.guildId, channelId: s.channelId, apiUrl: s.apiUrl, ...(options.env.DISCORD_CDN_URL ? { cdnUrl: options.env.DISCORD_CDN_URL } : {}) } : null;
  };
  // Rows are written redacted (a token pasted in the channel never reaches the disk); older rows are cleaned now.
  // A damaged file is set aside and a new one started; a folder that cannot be written gives an in-memory
  // store for this run (open-message-store.ts). Both said in the panel.
  const { store, setAside, inMemory } = openMessageStore(join(options.paths.dataDir, 'messages.sqlite'), (json) => log.redactor.scrub(json));
  for (const [code, sentence] of [['messages-set-aside', setAside], ['messages-in-memory', inMemory]] as const) {
    if (!sentence) continue;
    say(log.logger, 'warn', sentence);
    // The in-memory one is true of this run only: never written, so a later start does not repeat it.
    notices.add({ level: 'warn', code, params: {}, message: sentence.text, i18n: sentence.i18n }, Date.now(), { thisRunOnly: code === 'messages-in-memory' });
  }
  const lastSeen = new LastSeen(join(options.paths.dataDir, 'last-seen.json'));
  // Kept in memory only: the resume point stays before them, so the next start fetches them again.
  lastSeen.frozen = inMemory !== null;
  if (lastSeen.problemSaid) say(log.logger, 'warn', lastSeen.problemSaid);
  log.logger.debug(`Last message seen: ${JSON.stringify(lastSeen.snapshot())}`);
  const identifyStateFile = join(options.paths.dataDir, 'identify-gate.json');
  // Tests that kill the app on purpose many times an hour raise the crash starts allowed before the backoff.
  const crashLoopFree = Number(options.env.DISCORD_MONITOR_CRASH_LOOP_FREE);
  const monitor = new ChannelMonitor({ target, logger: log.logger, bus, store, lastSeen, identifyStateFile, ...(Number.isInteger(crashLoopFree) && crashLoopFree >= 0 ? { crashLoopFree } : {}), ...options.monitorTuning });
  // The docs' CDN base (or the fake's): Lottie sticker files are served there as stickers/<id>.json.
  const stickerAnimations = new StickerAnimations(options.env.DISCORD_CDN_URL ?? 'https://cdn.discordapp.com');
  const history = createHistory({
    dataDir: options.paths.dataDir,
    store,
    monitor,
    bus,
    logger: log.logger,
    channelId: () => settings.effective().channelId,
    fetchSettings: () => settings.effective(),
    ...options.historyTuning,
  });
  const archive = createArchiveArea({
    dataDir: options.paths.dataDir,
    storeFile: join(options.paths.dataDir, 'messages.sqlite'),
    settings,
    monitor,
    bus,
    logger: log.logger,
    redact: (text) => log.redactor.scrub(text),
    mode: options.mode,
    app: () => ({ name: identity.name, version: identity.version }),
    saveDialog: options.saveDialog ?? null,
    searchReady: history.searchReady,
    // os.tmpdir()'s own rule, read from the core's environment (a test points it at its own folder).
    tempDir: () => options.env.TMPDIR || tmpdir(),
  });

  settings.on('changed', (view) => {
    keepSecret();
    store.redactStored();
    bus.emit('settings.changed', view);
    void monitor.refresh();
    archive.archive.backups.schedule();
  });

  let busy: string | CoreSentence | null = null;
  const notBusy = () => {
    if (busy) throw new CommandError('busy', coreText('command.busy', { reason: typeof busy === 'string' ? busy : busy.i18n }));
  };
  const identity = readAppIdentity(options.paths.appDir);
  const info = (): AppInfo => ({
    ...identity,
    mode: options.mode,
    runtime: { node: process.versions.node, electron: options.electronVersion ?? null, platform: process.platform, arch: process.arch },
    dataDir: options.paths.dataDir,
    logFile: log.file,
  });

  const updates = new UpdateService({
    appDir: options.paths.appDir,
    dataDir: options.paths.dataDir,
    settings,
    monitor,
    bus,
    logger: log.logger,
    setBusy: (reason) => {
      busy = reason;
    },
    relauncher: options.relauncher ?? null,
    packaged: options.packaged ?? false,
    ...options.update,
  });

  const refreshMedia = refreshMediaHandler(monitor);
  const dispatchRaw = createDispatcher(
    {
      settings: {
        get: async () => settings.view(),
        save: async (patch) => {
          notBusy();
          // Checked in the save queue: against what the saves before it leave, not what they found.
          const view = await settings.save(patch, (effective, fromEnv) => checkApiUrlChange(patch, effective, fromEnv));
          say(log.logger, 'info', coreText('log.settingsSaved'));
          return view;
        },
        testConnection: async (candidate) => testConnectionHandler(candidate, settings.effective(), settings.view().fromEnv),
      },
      bot: {
        start: async () => {
          notBusy();
          return monitor.start();
        },
        stop: async () => {
          notBusy();
          return monitor.stop();
        },
        status: async () => monitor.status(),
      },
      messages: { ...history.handlers, refreshMedia: async ({ messageId }) => refreshMedia(messageId) },
      stickers: { animation: async ({ id }) => stickerAnimations.get(id) },
      history: {
        status: async () => history.backfill.view(),
        backfill: async (options) => history.backfill.start(options),
        cancel: async () => history.backfill.cancel(),
      },
      archive: archive.handlers,
      logs: { recent: async () => log.recent() },
      app: {
        info: async () => info(),
        startOnLogin: async () => ({ supported: Boolean(options.loginItem), enabled: options.loginItem?.isEnabled() ?? false }),
        setStartOnLogin: async ({ enabled }) => {
          const item = options.loginItem;
          if (!item) {
            throw new CommandError('unavailable', coreText('command.startOnLoginDesktopOnly'));
          }
          item.setEnabled(enabled);
          say(log.logger, 'info', coreText(enabled ? 'log.startOnLoginEnabled' : 'log.startOnLoginDisabled'));
          // The tray's checkbox follows settings changes.
          bus.emit('settings.changed', settings.view());
          return { supported: true, enabled: item.isEnabled() };
        },
        restart: async () => updates.restartNow(),
        notices: async () => notices.list(),
        dismissNotice: async ({ id }) => notices.dismiss(id),
      },
      update: {
        status: async () => updates.get(),
        check: async () => updates.check(),
        run: async ({ target }) => updates.run(target),
      },
    },
    log.logger,
  );
  // Replies pass the same gate as events: a message quoting the token is shown redacted.
  let down: Promise<void> | null = null;
  // From the shutdown on, nothing new starts: a Start clicked while the bot was being stopped logged in
  // again behind it (a session left to Discord's timeout), a save wrote into a profile being closed.
  // Commands already running when the shutdown starts are waited for (a while) before the stores close: a
  // token save waiting on a slow keyring wrote token.enc after the quit had released the folder.
  const running = new Set<Promise<unknown>>();
  const dispatch = (async (command: string, arg?: unknown) => {
    if (down) return { ok: false, error: new CommandError('unavailable', coreText('command.shuttingDown')).toBody() };
    const answer = dispatchRaw(command, arg);
    running.add(answer);
    try {
      return log.redactor.scrubValue(await answer);
    } finally {
      running.delete(answer);
    }
  }) as Dispatch;
  const commandsDone = async () => {
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.shutdownWaitMs ?? SHUTDOWN_WAIT_MS)));
    await Promise.race([Promise.allSettled([...running]), cap]);
    clearTimeout(timer);
  };

  return {
    dispatch,
    bus,
    monitor,
    settings,
    updates,
    log,
    archive: archive.archive,
    info,
    setBusy: (reason) => {
      busy = reason;
    },
    shutdown: () =>
      (down ??= (async () => {
        updates.dispose();
        history.dispose();
        archive.archive.dispose();
        await commandsDone();
        await monitor.stop();
        monitor.saveHeld();
        lastSeen.flush();
        store.close();
        // Late readers (an update check answering after the quit) get the last values: conf would recreate the folder.
        settings.close();
        log.flush();
      })()),
    isShutDown: () => down !== null,
  };
}
