// The archive's services over a stored fixture, wired as the core wires them, for tests that need one
// whole (an Archive) or its backups alone.
import pino from 'pino';
import { Archive } from '../../electron/core/archive/archive.js';
import { BackupService, type BackupSettings } from '../../electron/core/archive/backups.js';
import { CHANNEL, type StoredFixture } from './archive-fixture.js';

const meta = () => ({ app: { name: 'Discord Monitor', version: 'test' }, guild: null, channel: { id: CHANNEL, name: 'general' }, keywords: [] });

/** Backups of the fixture's channel under `settings`; `extra` adds or overrides options (a clock, a first delay). */
export function backupServiceOn(f: StoredFixture, settings: BackupSettings, extra: Partial<ConstructorParameters<typeof BackupService>[0]> = {}): BackupService {
  return new BackupService({ dataDir: f.dir, storeFile: f.file, settings: () => settings, meta, redact: (t) => t, logger: pino({ level: 'silent' }), ...extra });
}

/** The archive of the fixture's channel (#general), with backups off and no bot. */
export function archiveOn(f: StoredFixture): Archive {
  return new Archive({
    dataDir: f.dir,
    storeFile: f.file,
    settings: () => ({ channelId: CHANNEL, highlightKeywords: [], backupEnabled: false, backupDir: '', backupKeep: 3, backupIntervalHours: 24 }) as never,
    meta,
    redact: (t: string) => t,
    logger: pino({ level: 'silent' }),
    beforeRead: async () => undefined,
    deleteTarget: () => null,
    emitDelete: () => undefined,
    emitExport: () => undefined,
    requester: 'test',
    saveDialog: null,
  } as never);
}
