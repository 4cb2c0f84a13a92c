// One pino logger, three sinks: a rotating file, a readable stdout, and the panel's log stream.
// Every sink sees text only after the redactor has removed secrets.
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import type { LogEntry, LogLevel } from '../../../shared/types.js';
import { Redactor } from './redactor.js';

const LEVELS: Record<number, LogLevel> = { 10: 'debug', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'error' };
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const KEEP_FILES = 3;
const RECENT = 200;

export interface CoreLog {
  logger: Logger;
  redactor: Redactor;
  file: string;
  entries: EventEmitter<{ entry: [LogEntry] }>;
  recent(): LogEntry[];
  flush(): void;
}

/** Size-based rotation at open: app.log → app.1.log → app.2.log … */
function rotate(dir: string): string {
  const file = join(dir, 'app.log');
  if (existsSync(file) && statSync(file).size > MAX_FILE_BYTES) {
    for (let i = KEEP_FILES - 1; i >= 1; i--) {
      const from = i === 1 ? file : join(dir, `app.${i - 1}.log`);
      if (existsSync(from)) renameSync(from, join(dir, `app.${i}.log`));
    }
  }
  return file;
}

export function createLog(options: { dir: string; stdout?: boolean; level?: string }): CoreLog {
  mkdirSync(options.dir, { recursive: true });
  const file = rotate(options.dir);
  const redactor = new Redactor();
  const entries = new EventEmitter<{ entry: [LogEntry] }>();
  const recent: LogEntry[] = [];
  let nextId = 1;

  // Synchronous writes: a crash or a relaunch must not lose the last lines, and volume is low.
  const fileDest = pino.destination({ dest: file, mkdir: true, sync: true });
  const scrubbed = (write: (line: string) => void) => ({ write: (line: string) => write(redactor.scrub(line)) });

  const panelStream = scrubbed((line) => {
    const rec = JSON.parse(line) as { level: number; time: number; msg?: string; err?: { message?: string } };
    const entry: LogEntry = {
      id: nextId++,
      time: rec.time,
      level: LEVELS[rec.level] ?? 'info',
      message: rec.msg ?? rec.err?.message ?? '',
    };
    if (entry.level === 'debug') return;
    recent.push(entry);
    if (recent.length > RECENT) recent.shift();
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
  const logger = pino({ level: options.level ?? 'debug', base: undefined }, pino.multistream(streams));

  return {
    logger,
    redactor,
    file,
    entries,
    recent: () => [...recent],
    flush: () => fileDest.flushSync(),
  };
}
