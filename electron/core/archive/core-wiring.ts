// Builds the archive area from the core's parts and answers the contract's archive.* commands.
import { knownChannel, rememberChannel } from './channel-names.js';
import type { Logger } from 'pino';
import { EXPORT_PATH } from '../../../shared/archive.js';
import type { AppInfo } from '../../../shared/types.js';
import type { ChannelMonitor } from '../bot/monitor.js';
import type { EventBus } from '../event-bus.js';
import type { SaveDialogPort } from '../ports.js';
import type { Settings } from '../settings/settings.js';
import { Archive, type ExportRequest } from './archive.js';
import { discordDeleteTarget } from './delete-all/target.js';
import type { DeleteAllInput } from './delete-all/confirm.js';

export interface ArchiveAreaOptions {
  dataDir: string;
  storeFile: string;
  settings: Settings;
  monitor: ChannelMonitor;
  bus: EventBus;
  logger: Logger;
  redact: (text: string) => string;
  mode: AppInfo['mode'];
  /** Read when an export is written (the app identity is read after the core's parts exist). */
  app: () => Pick<AppInfo, 'name' | 'version'>;
  saveDialog?: SaveDialogPort | null;
  /** Resolves once every stored row is in the search index (history-service.ts): a filtered export's search then indexes nothing in the event loop. */
  searchReady?: () => Promise<void>;
  /** Where a zipped download is built (os.tmpdir() when absent). */
  tempDir?: () => string;
}

export function createArchiveArea(o: ArchiveAreaOptions) {
  // The watched channel's names, for exports made while the bot is not connected.
  o.bus.on('bot.status', (s) => {
    if (s.state === 'connected' && s.channel && s.guild) rememberChannel(o.dataDir, { channel: { id: s.channel.id, name: s.channel.name }, guild: { id: s.guild.id, name: s.guild.name } });
  });
  const archive = new Archive({
    dataDir: o.dataDir,
    storeFile: o.storeFile,
    settings: () => o.settings.effective(),
    meta: () => {
      const status = o.monitor.status();
      const channelId = o.settings.effective().channelId;
      const known = !status.channel && channelId ? knownChannel(o.dataDir, channelId) : null;
      return {
        app: { name: o.app().name, version: o.app().version },
        guild: status.guild ?? known?.guild ?? null,
        channel: status.channel ?? known?.channel ?? (channelId ? { id: channelId, name: channelId } : null),
        keywords: o.settings.effective().highlightKeywords,
      };
    },
    redact: o.redact,
    logger: o.logger,
    beforeRead: async () => {
      await o.monitor.writesDone();
      await o.searchReady?.();
    },
    deleteTarget: () => {
      const channel = o.monitor.watchedChannel();
      const source = o.monitor.historySource();
      return channel && source ? discordDeleteTarget(channel, source) : null;
    },
    emitDelete: (p) => o.bus.emit('archive.deleteProgress', p),
    emitExport: (p) => o.bus.emit('archive.exportProgress', p),
    requester: o.mode === 'electron' ? 'the desktop panel' : 'the panel (headless)',
    saveDialog: o.saveDialog ?? null,
    mediaRefresher: () => o.monitor.mediaRefresher(),
    ...(o.tempDir ? { tempDir: o.tempDir } : {}),
  });
  archive.backups.schedule();
  const handlers = {
    status: async () => archive.status(),
    backupNow: async () => archive.backups.backupNow('manual'),
    export: async (request: ExportRequest) => archive.exportWithDialog(request),
    deleteAllCheck: async () => archive.deletes.check(),
    deleteAll: async (input: DeleteAllInput) => archive.deletes.start(input),
    cancelDelete: async () => archive.deletes.cancel(),
    // Checked before the ticket: a search it cannot apply is said in the panel, not as the download's 400 page.
    downloadTicket: async (request: ExportRequest) => {
      await archive.check(request);
      return { path: `${EXPORT_PATH}?ticket=${archive.tickets.issue(request)}` };
    },
  };
  return { archive, handlers };
}
