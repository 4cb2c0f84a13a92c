// What the app says about itself: log lines, notices to read, version and runtime.
import type { I18nText } from '../core-text.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  id: number;
  time: number;
  level: LogLevel;
  message: string;
  /** `message` by key, for the panel's language (the log file keeps the English). */
  i18n?: I18nText;
}

/** Something the user must read, shown in the panel until dismissed (a settings file moved aside…). */
export interface Notice {
  id: string;
  time: number;
  level: 'info' | 'warn' | 'error';
  /** Selects the panel's translated sentence; `message` is the English one (log, fallback). */
  code: string;
  /** Values for the translated sentence (e.g. the path of a moved-aside file). */
  params: Record<string, string>;
  message: string;
  /** `message` by key, for the panel's language. */
  i18n?: I18nText;
}

export interface AppInfo {
  name: string;
  version: string;
  commit: string | null;
  mode: 'electron' | 'headless';
  runtime: { node: string; electron: string | null; platform: string; arch: string };
  dataDir: string;
  logFile: string;
}
