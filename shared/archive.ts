// Archive types shared by the core and the panel: exports, backups and "delete all messages".
import type { I18nText } from './core-text.js';

export const EXPORT_FORMATS = ['json', 'csv', 'txt', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The phrase typed to confirm "delete all messages". */
export const DELETE_PHRASE = 'DELETE ALL MESSAGES';

/** Where the headless panel downloads an export (GET, Authorization: Bearer <access token>). */
export const EXPORT_PATH = '/api/export';

export interface BackupInfo {
  file: string;
  /** Epoch ms. */
  at: number;
  count: number;
  bytes: number;
  /** "scheduled", "manual" or "before-delete-all". */
  reason: string;
}

export interface BackupStatus {
  enabled: boolean;
  dir: string;
  keep: number;
  intervalHours: number;
  /** Newest first. */
  recent: BackupInfo[];
  /** Epoch ms of the next scheduled backup, null when disabled. */
  nextAt: number | null;
  /** The last attempt's failure, in a sentence with the fix; null after a success. */
  error: string | null;
  /** `error` by key, for the panel's language. */
  errorI18n?: I18nText | null;
}

export interface DeleteProgress {
  state: 'running' | 'done' | 'cancelled' | 'failed';
  deleted: number;
  /** Deleted with Bulk Delete (messages under 14 days). */
  bulk: number;
  /** Deleted one by one (older messages). */
  single: number;
  /** Messages Discord refused to delete (kept, and counted). */
  failed: number;
  startedAt: number;
  finishedAt: number | null;
  /** The backup written before the first delete. */
  backup: string | null;
  channel: string;
  message: string;
  /** `message` by key, for the panel's language. */
  i18n?: I18nText;
}

export interface DeleteAllCheck {
  /** True when every condition but the confirmation holds. */
  allowed: boolean;
  dangerousActionsEnabled: boolean;
  channel: { id: string; name: string; guild: string } | null;
  /** Discord permissions the bot lacks in the channel, e.g. ["Manage Messages"]. */
  missing: string[];
  /** Why it is not allowed, with the fix; null when allowed. */
  reason: string | null;
  /** `reason` by key, for the panel's language. */
  reasonI18n?: I18nText | null;
  running: DeleteProgress | null;
}

export interface ArchiveStatus {
  backups: BackupStatus;
  deleteAll: DeleteProgress | null;
}

export interface ExportResult {
  file: string;
  count: number;
  bytes: number;
  mediaFailed: number;
  /** Expired attachment links that could not be fetched anew (the bot stopped, messages deleted): among mediaFailed. */
  mediaExpired: number;
  /** Says so, with why and what to do; null when every expired link was refreshed. */
  mediaNote: string | null;
  /** `mediaNote` by key, for the panel's language. */
  mediaNoteI18n?: I18nText | null;
}
