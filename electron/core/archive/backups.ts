// Automatic backups (the original's BACKUP_ENABLED/BACKUP_DIR): a JSON export of the channel on a
// schedule (daily by default), the newest N kept, plus one before any destructive action. Files are
// 0600 in a 0700 folder; the schedule follows the newest file, so a restart does not reset it.
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { BackupInfo, BackupStatus } from '../../../shared/archive.js';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import { CommandError } from '../errors.js';
import { say } from '../log/say.js';
import { PRIVATE_DIR } from '../fs-modes.js';
import { isWriteFault, unwritableWhy } from '../write-fault.js';
import { exportToFile } from './exporter.js';
import type { ExportMeta } from './formats/index.js';
import { ArchiveReader } from './reader.js';

export interface BackupSettings {
  backupEnabled: boolean;
  backupDir: string;
  backupKeep: number;
  backupIntervalHours: number;
  channelId: string;
}

export interface BackupOptions {
  dataDir: string;
  storeFile: string;
  settings: () => BackupSettings;
  meta: () => Pick<ExportMeta, 'app' | 'guild' | 'channel'>;
  redact: (text: string) => string;
  logger: Logger;
  /** Writes messages still queued in memory, so the backup holds everything received. */
  beforeRead?: () => Promise<void>;
  now?: () => number;
  /** Delay of the first backup after it is enabled with none on disk. */
  firstDelayMs?: number;
}

// messages-<channel>-<UTC stamp>-<reason>-<count>.json: sorting names sorts by time.
const NAME = /^messages-(\d+)-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)-(\d+)\.json$/;
/**
 * A backup's file while it is written (exporter.ts writes `<name>.part`, then renames it), or a whole one that
 * 3.1.0, killed between its two renames, left without its count.
 */
const PART = /^messages-\d+-\d{8}T\d{6}\d{3}Z-[a-z-]+\.json(?:\.part)?$/;
const STALE_PART_MS = 3_600_000;
const stampOf = (ms: number) => new Date(ms).toISOString().replace(/[-:.]/g, '');
const timeOf = (stamp: string) => Date.parse(stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/, '$1-$2-$3T$4:$5:$6.$7Z'));

class NoChannel extends Error {}

/** A backup that could not be written: the sentence with the fix, by key too. */
/** A CommandError, so "Back up now" answers the panel with the reason rather than "failed unexpectedly". */
export class BackupError extends CommandError {
  constructor(sentence: CoreSentence, cause: unknown) {
    super('unavailable', sentence);
    this.cause = cause;
  }
}

export class BackupService {
  private timer: NodeJS.Timeout | null = null;
  private nextAt: number | null = null;
  private error: CoreSentence | null = null;
  private running: Promise<BackupInfo> | null = null;

  constructor(private readonly o: BackupOptions) {}

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  /**
   * The backup folder. The panel and BACKUP_DIR take only absolute ones; a relative one written into
   * settings.json by hand is taken in the data folder (it went to whatever folder the app was started from).
   */
  dir(): string {
    const set = this.o.settings().backupDir;
    return set ? resolve(this.o.dataDir, set) : join(this.o.dataDir, 'message-backups');
  }

  /**
   * The current channel's backups, newest first (all channels' when none is set). Another channel's are
   * not counted: rotation removed them (switching channels emptied the folder of the old one's). Only
   * regular files: a broken link or a folder under such a name made every later backup fail.
   */
  list(): BackupInfo[] {
    const dir = this.dir();
    if (!existsSync(dir)) return [];
    const channelId = this.o.settings().channelId;
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map(({ name }) => ({ name, m: NAME.exec(name) }))
      .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null && (!channelId || x.m[1] === channelId))
      .sort((a, b) => (a.m[2]! < b.m[2]! ? 1 : -1))
      .map(({ name, m }) => ({ file: join(dir, name), at: timeOf(m[2]!), count: Number(m[4]), bytes: statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0, reason: m[3]! }));
  }

  /** Removes what a backup killed midway left (its .part file), once old enough not to be another copy's running one. */
  private sweepParts(dir: string): void {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile() || !PART.test(entry.name)) continue;
      const file = join(dir, entry.name);
      const st = statSync(file, { throwIfNoEntry: false });
      if (st && this.now() - st.mtimeMs > STALE_PART_MS) rmSync(file, { force: true });
    }
  }

  status(): BackupStatus {
    const s = this.o.settings();
    return { enabled: s.backupEnabled, dir: this.dir(), keep: s.backupKeep, intervalHours: s.backupIntervalHours, recent: this.list().slice(0, 5), nextAt: this.nextAt, error: this.error?.text ?? null, errorI18n: this.error?.i18n ?? null };
  }

  /** One backup now; concurrent calls share it. Throws a sentence with the fix when it cannot be written. */
  backupNow(reason: 'scheduled' | 'manual' | 'before-delete-all'): Promise<BackupInfo> {
    this.running ??= this.write(reason).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async write(reason: string): Promise<BackupInfo> {
    const s = this.o.settings();
    const dir = this.dir();
    const at = this.now();
    try {
      if (!s.channelId) throw new NoChannel();
      const created = !existsSync(dir);
      mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
      if (created && process.platform !== 'win32') chmodSync(dir, PRIVATE_DIR);
      else if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) {
        say(this.o.logger, 'warn', coreText('archive.backupFolderOpen', { dir }));
      }
      this.sweepParts(dir);
      await this.o.beforeRead?.();
      const reader = new ArchiveReader(this.o.storeFile);
      // The count goes into the final name, so listing never has to parse a file; one rename, from the `.part`.
      const named = (count: number) => join(dir, `messages-${s.channelId}-${stampOf(at)}-${reason}-${count}.json`);
      try {
        const result = await exportToFile(join(dir, `messages-${s.channelId}-${stampOf(at)}-${reason}.json`), {
          reader,
          query: { channelId: s.channelId },
          format: 'json',
          meta: { ...this.o.meta(), exportedAt: at, filter: {}, locale: 'en' },
          redact: this.o.redact,
        }, (r) => named(r.count));
        const file = named(result.count);
        this.rotate(s.backupKeep);
        this.error = null;
        say(this.o.logger, 'info', coreText('archive.backupWritten', { file, count: result.count }));
        return { file, at, count: result.count, bytes: result.bytes, reason };
      } finally {
        reader.close();
      }
    } catch (err) {
      // The missing channel, a read-only or full folder: our own sentences (said in the panel's language);
      // another system error keeps its words.
      const detail = err instanceof NoChannel ? coreText('archive.noChannel').i18n : (err as Error).message;
      this.error = isWriteFault(err) ? coreText('archive.backupUnwritable', { dir, ...unwritableWhy(err, dir, 'folder') }) : coreText('archive.backupFailed', { dir, detail });
      say(this.o.logger, 'error', this.error);
      throw new BackupError(this.error, err);
    }
  }

  private rotate(keep: number): void {
    for (const old of this.list().slice(keep)) rmSync(old.file, { force: true });
  }

  /** (Re)arms the timer from the settings: call at start and after every settings change. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
    const s = this.o.settings();
    if (!s.backupEnabled) return;
    const every = s.backupIntervalHours * 3_600_000;
    const last = this.list().find((b) => b.reason === 'scheduled');
    this.nextAt = last ? Math.max(this.now(), last.at + every) : this.now() + (this.o.firstDelayMs ?? 60_000);
    // setTimeout caps at 2^31-1 ms (24.8 days); a longer wait re-arms on wake.
    const wait = Math.min(this.nextAt - this.now(), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.backupNow('scheduled')
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, wait);
    this.timer.unref();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
