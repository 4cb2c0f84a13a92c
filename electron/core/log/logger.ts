// One pino logger, three sinks: a rotating file, a readable stdout, and the panel's log stream.
// Every sink sees text only after the redactor has removed secrets.
import { EventEmitter } from 'node:events';
import pino, { type Logger } from 'pino';
import type { I18nText } from '../../../shared/core-text.js';
import type { LogEntry, LogLevel } from '../../../shared/types.js';
import { RecentEntries } from './recent.js';
import { Redactor } from './redactor.js';
import { RotatingFile } from './rotating-file.js';

const LEVELS: Record<number, LogLevel> = { 10: 'debug', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'error' };
/** app.log plus 4 older files of at most 5 MB: 25 MB at most, whatever floods the log. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const KEEP_FILES = 5;
/** The panel's event log keeps this many of each level (info, warn, error). */
export const RECENT_PER_LEVEL = 200;

export interface CoreLog {
  logger: Logger;
  redactor: Redactor;
  file: string;
  /** Why app.log could not be opened at start (lines go to the panel and stdout meanwhile): null when it was. */
  fileProblem: Error | null;
  entries: EventEmitter<{ entry: [LogEntry] }>;
  recent(): LogEntry[];
  flush(): void;
}

export interface LogOptions {
  dir: string;
  stdout?: boolean;
  level?: string;
  /** Rotation bounds (tests use small ones). */
  maxFileBytes?: number;
  keepFiles?: number;
}

export function createLog(options: LogOptions): CoreLog {
  const redactor = new Redactor();
  const entries = new EventEmitter<{ entry: [LogEntry] }>();
  const recent = new RecentEntries(RECENT_PER_LEVEL);
  let nextId = 1;

  // Synchronous writes: a crash or a relaunch must not lose the last lines.
  const fileDest = new RotatingFile({ dir: options.dir, maxBytes: options.maxFileBytes ?? MAX_FILE_BYTES, keep: options.keepFiles ?? KEEP_FILES });
  const scrubbed = (write: (line: string) => void) => ({ write: (line: string) => write(redactor.scrub(line)) });

  const panelStream = scrubbed((line) => {
    const rec = JSON.parse(line) as { level: number; time: number; msg?: string; err?: { message?: string }; i18n?: unknown };
    const entry: LogEntry = {
      id: nextId++,
      time: rec.time,
      level: LEVELS[rec.level] ?? 'info',
      message: rec.msg ?? rec.err?.message ?? '',
      ...(isI18nText(rec.i18n) ? { i18n: rec.i18n } : {}),
    };
    if (entry.level === 'debug') return;
    recent.push(entry);
    entries.emit('entry', entry);
  });
  const stdoutStream = scrubbed((line) => {
    const rec = JSON.parse(line) as { level: number; time: number; msg?: string };
    const level = (LEVELS[rec.level] ?? 'info').toUpperCase().padEnd(5);
    process.stdout.write(`${new Date(rec.time).toISOString().slice(11, 19)} ${level} ${rec.msg ?? ''}\n`);
  });

  const streams: pino.StreamEntry[] = [
    { level: 'debug', stream: scrubbed((line) => fileDest.write(line)) },
    { level: 'info', stream: panelStream },
  ];
  if (options.stdout) streams.push({ level: 'info', stream: stdoutStream });
  // The pid on every line: during a handover the old process and the new one append to app.log at once.
  const logger = pino({ level: options.level ?? 'debug', base: { pid: process.pid } }, pino.multistream(streams));

  return {
    logger,
    redactor,
    file: fileDest.file,
    fileProblem: fileDest.problem,
    entries,
    recent: () => recent.list(),
    // Writes are synchronous: nothing is buffered.
    flush: () => undefined,
  };
}

// Set by say(): a key and its parameters (any other `i18n` binding is not ours to pass on).
function isI18nText(value: unknown): value is I18nText {
  const v = value as Partial<I18nText> | null;
  return typeof v === 'object' && v !== null && typeof v.key === 'string' && typeof v.params === 'object' && v.params !== null;
}
