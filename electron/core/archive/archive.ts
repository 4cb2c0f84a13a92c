// The archive area of the core: exports (a file, or any stream such as an HTTP download),
// scheduled backups and the guarded delete-all, with the command handlers the contract names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { ArchiveStatus, DeleteProgress, ExportResult } from '../../../shared/archive.js';
import type { exportInput } from '../../../shared/archive-schemas.js';
import type { z } from 'zod';
import { coreText } from '../../../shared/core-text.js';
import { CommandError } from '../errors.js';
import { say } from '../log/say.js';
import type { SaveDialogPort } from '../ports.js';
import { BackupService, type BackupSettings } from './backups.js';
import { DownloadTickets } from './download-tickets.js';
import type { DeleteTarget } from './delete-all/target.js';
import { DeleteAllService } from './delete-all/service.js';
import type { MediaRefresher } from '../bot/media-refresh.js';
import { expiredLinkRefresh } from './expired-links.js';
import { exportTo, exportToFile, type ExportProgress, type ExportResult as Exported } from './exporter.js';
import type { ExportMeta } from './formats/index.js';
import { requestZone } from '../messages/time-zone.js';
import { exportFileName, FORMAT_FILES } from './formats/index.js';
import { MediaFolder } from './media.js';
import { ArchiveReader } from './reader.js';
import { zipFolder } from './zip-folder.js';

export type ExportRequest = z.output<typeof exportInput>;

export interface ArchiveOptions {
  dataDir: string;
  storeFile: string;
  settings: () => BackupSettings & { dangerousActionsEnabled: boolean };
  meta: () => Pick<ExportMeta, 'app' | 'guild' | 'channel' | 'keywords'>;
  redact: (text: string) => string;
  logger: Logger;
  beforeRead: () => Promise<void>;
  deleteTarget: () => DeleteTarget | null;
  emitDelete: (p: DeleteProgress) => void;
  emitExport: (p: ExportProgress & { format: string }) => void;
  requester: string;
  /** Desktop only: where to save an export (a native save dialog). */
  saveDialog?: SaveDialogPort | null;
  /** The running bot's way to fetch messages again for fresh attachment links; null while not connected. */
  mediaRefresher?: () => MediaRefresher | null;
  /** Where a zipped download is written before it is sent (os.tmpdir() when absent). */
  tempDir?: () => string;
}

/** HTML with media downloaded: a browser gets the page and its folder as one .zip. */
const mediaDownloaded = (request: ExportRequest) => request.format === 'html' && request.media === 'download';

export class Archive {
  readonly backups: BackupService;
  readonly deletes: DeleteAllService;
  /** One-time tickets for the headless panel's download route. */
  readonly tickets = new DownloadTickets<ExportRequest>();

  constructor(private readonly o: ArchiveOptions) {
    this.backups = new BackupService({ dataDir: o.dataDir, storeFile: o.storeFile, settings: o.settings, meta: o.meta, redact: o.redact, logger: o.logger, beforeRead: o.beforeRead });
    this.deletes = new DeleteAllService({ enabled: () => o.settings().dangerousActionsEnabled, target: o.deleteTarget, backups: this.backups, logger: o.logger, emit: o.emitDelete, requester: o.requester, runFile: join(o.dataDir, 'delete-all-run.json') });
  }

  status(): ArchiveStatus {
    return { backups: this.backups.status(), deleteAll: this.deletes.progress() };
  }

  /** File name, content type and extension an export of `request` gets. */
  describe(request: ExportRequest): { name: string; contentType: string } {
    const meta = this.exportMeta(request);
    const name = exportFileName(meta.channel?.name ?? '', request.format, requestZone(request.filter ?? {}), meta.exportedAt);
    return { name, contentType: FORMAT_FILES[request.format].contentType };
  }

  /** What a download of `request` is called and served as; `page`: the HTML file inside when it is a .zip. */
  describeDownload(request: ExportRequest): { name: string; contentType: string; page: string | null } {
    const described = this.describe(request);
    if (!mediaDownloaded(request)) return { ...described, page: null };
    return { name: described.name.replace(/\.html$/, '.zip'), contentType: 'application/zip', page: described.name };
  }

  private exportMeta(request: ExportRequest): ExportMeta {
    return { ...this.o.meta(), exportedAt: Date.now(), filter: request.filter ?? {}, locale: request.locale ?? 'en' };
  }

  private job(request: ExportRequest, reader: ArchiveReader, signal?: AbortSignal) {
    const channelId = this.o.settings().channelId;
    if (!channelId) throw new CommandError('unavailable', coreText('archive.exportNoChannel'));
    return {
      reader,
      query: { channelId, ...(request.filter ?? {}) },
      format: request.format,
      meta: this.exportMeta(request),
      redact: this.o.redact,
      onProgress: (p: ExportProgress) => this.o.emitExport({ ...p, format: request.format }),
      ...(signal ? { signal } : {}),
    };
  }

  /**
   * Rejects, saying why, when `request` cannot be exported (no channel, a search that does not parse):
   * called before a download's first byte, which otherwise went out as a 200 cut short.
   */
  async check(request: ExportRequest): Promise<void> {
    await this.o.beforeRead();
    const reader = new ArchiveReader(this.o.storeFile);
    try {
      reader.count(this.job(request, reader).query);
    } finally {
      reader.close();
    }
  }

  /** Streams an export into `sink` (an HTTP response); media stays linked. */
  async exportToStream(sink: Writable, request: ExportRequest, signal?: AbortSignal): Promise<ExportResult & { file: '' }> {
    await this.o.beforeRead();
    const reader = new ArchiveReader(this.o.storeFile);
    try {
      const result = await exportTo(sink, this.job(request, reader, signal));
      return { file: '', ...this.outcome(result) };
    } finally {
      reader.close();
    }
  }

  /** Writes an export to `file` (CLI, desktop save dialog). */
  async exportToFile(file: string, request: ExportRequest, signal?: AbortSignal): Promise<ExportResult> {
    const result = await this.writeFile(file, request, signal);
    say(this.o.logger, 'info', coreText('archive.exported', { count: result.count, file }));
    return { file, ...result };
  }

  /**
   * Streams HTML with media downloaded into `sink` as a .zip of `page` and its `_files/` folder, written
   * first as the desktop writes them into a temp folder, removed however it ends (a client gone, a failure).
   */
  async exportZipToStream(sink: Writable, request: ExportRequest, page: string, signal?: AbortSignal): Promise<ExportResult & { file: '' }> {
    const dir = mkdtempSync(join(this.o.tempDir?.() ?? tmpdir(), 'dm-export-'));
    try {
      const result = await this.writeFile(join(dir, page), request, signal);
      await zipFolder(sink, dir, signal);
      return { file: '', ...result };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** An export into `file`, its media into a folder beside it when asked (expired links fetched anew first). */
  private async writeFile(file: string, request: ExportRequest, signal?: AbortSignal): Promise<Omit<ExportResult, 'file'>> {
    await this.o.beforeRead();
    const reader = new ArchiveReader(this.o.storeFile);
    try {
      const media = mediaDownloaded(request) ? new MediaFolder(file) : undefined;
      const links = expiredLinkRefresh(this.o.mediaRefresher ?? (() => null));
      const result = this.outcome(await exportToFile(file, { ...this.job(request, reader, signal), ...(media ? { media, links } : {}) }));
      if (result.mediaNote) this.o.logger.warn(result.mediaNoteI18n ? { i18n: result.mediaNoteI18n } : {}, result.mediaNote);
      return result;
    } finally {
      reader.close();
    }
  }

  /** The exporter's result as the contract answers it: expired links left, said in a sentence. */
  private outcome({ mediaExpiredWhy, ...result }: Exported): Omit<ExportResult, 'file'> {
    const note = result.mediaExpired && mediaExpiredWhy ? coreText('archive.mediaNotRefreshed', { count: result.mediaExpired, reason: mediaExpiredWhy.i18n }) : null;
    return { ...result, mediaNote: note?.text ?? null, mediaNoteI18n: note?.i18n ?? null };
  }

  /** archive.export on the desktop: a save dialog, then the file. Headless downloads over HTTP instead. */
  async exportWithDialog(request: ExportRequest): Promise<ExportResult | { cancelled: true }> {
    const dialog = this.o.saveDialog;
    if (!dialog) throw new CommandError('unavailable', coreText('archive.exportInBrowser'));
    const { name } = this.describe(request);
    const file = await dialog.choose(name, request.format);
    if (!file) return { cancelled: true };
    return this.exportToFile(file, request);
  }

  dispose(): void {
    this.backups.dispose();
    this.deletes.dispose();
  }
}
