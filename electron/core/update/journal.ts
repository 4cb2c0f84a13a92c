// One JSON file in the data dir, one entry per update. Written atomically (temp file + rename) so a
// crash mid-write leaves the previous version, which the boot watchdog relies on.
import * as fsp from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PRIVATE_DIR, PRIVATE_FILE } from '../fs-modes.js';
import type { I18nText } from '../../../shared/core-text.js';
import { fileSchema, type JournalEntry } from './journal-schema.js';
import type { StepName, StepRecord } from './types.js';

export const JOURNAL_FILE = 'update-journal.json';
const KEEP_ENTRIES = 50;

export type { JournalEntry };
export type JournalOutcome = JournalEntry['outcome'];
export type EntryPatch = Partial<Omit<JournalEntry, 'id' | 'steps'>>;

/** The file operations the journal uses; tests swap one to simulate a crash mid-write. */
export interface JournalFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, opts: { flush: boolean; mode?: number }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, opts: { force: boolean }): Promise<void>;
  mkdir(path: string, opts: { recursive: boolean; mode?: number }): Promise<unknown>;
}

export class UpdateJournal {
  readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dataDir: string,
    private readonly fs: JournalFs = fsp,
  ) {
    this.file = join(dataDir, JOURNAL_FILE);
  }

  /** All entries, oldest first. A missing file is an empty journal; an unreadable one is set aside. */
  async entries(): Promise<JournalEntry[]> {
    let text: string;
    try {
      text = await this.fs.readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    const parsed = fileSchema.safeParse(safeJson(text));
    if (parsed.success) return parsed.data.entries;
    await this.fs.rename(this.file, `${this.file}.corrupt-${Date.now()}`).catch(() => undefined);
    return [];
  }

  async get(id: string): Promise<JournalEntry | null> {
    return (await this.entries()).find((e) => e.id === id) ?? null;
  }

  begin(init: { from: string; pid?: number; now?: Date }): Promise<JournalEntry> {
    const now = init.now ?? new Date();
    const entry: JournalEntry = {
      id: `${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`,
      pid: init.pid ?? process.pid,
      from: init.from,
      to: null,
      startedAt: now.toISOString(),
      finishedAt: null,
      durationMs: null,
      outcome: 'running',
      steps: [],
      failedStep: null,
      error: null,
      errorI18n: null,
      lockfileChanged: false,
      savedChanges: null,
      keptCommits: null,
      replacedFiles: null,
      recoveredEdits: null,
      configBackup: null,
      boots: 0,
      lastBootPid: null,
    };
    return this.mutate((entries) => [...entries, entry].slice(-KEEP_ENTRIES)).then(() => entry);
  }

  patch(id: string, patch: EntryPatch): Promise<void> {
    return this.mutate((entries) => entries.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  }

  /** Names one more stash of edits set aside for the entry; one already named is never replaced. */
  recordRecoveredEdits(id: string, edits: { ref: string; sha: string; message: string }): Promise<void> {
    return this.mutate((entries) =>
      entries.map((e) => {
        if (e.id !== id) return e;
        if (!e.recoveredEdits) return { ...e, recoveredEdits: edits };
        const named = [e.recoveredEdits, ...(e.moreRecoveredEdits ?? [])].some((s) => s.sha === edits.sha);
        return named ? e : { ...e, moreRecoveredEdits: [...(e.moreRecoveredEdits ?? []), edits] };
      }),
    );
  }

  /** Replaces the step's previous record, so the journal shows how far a dead process got. */
  recordStep(id: string, record: StepRecord): Promise<void> {
    return this.mutate((entries) =>
      entries.map((e) =>
        e.id === id ? { ...e, steps: [...e.steps.filter((s) => s.step !== record.step), record] } : e,
      ),
    );
  }

  async finish(id: string, end: { outcome: JournalOutcome; error?: string | null; errorI18n?: I18nText | null; failedStep?: StepName | null; now?: Date }): Promise<void> {
    const now = end.now ?? new Date();
    const entry = await this.get(id);
    const durationMs = entry ? now.getTime() - Date.parse(entry.startedAt) : null;
    await this.patch(id, {
      outcome: end.outcome,
      error: end.error ?? null,
      errorI18n: end.errorI18n ?? null,
      failedStep: end.failedStep ?? null,
      finishedAt: now.toISOString(),
      durationMs,
    });
  }

  /** The newest entry a previous process left `running` or `restarting`, if any. */
  async pending(): Promise<JournalEntry | null> {
    const last = (await this.entries()).at(-1);
    return last && (last.outcome === 'running' || last.outcome === 'restarting') ? last : null;
  }

  /** Closes the `restarting` entry: healthy → success; otherwise rolled-back (or failed) with the reason. */
  async completeAfterRestart(healthy: boolean, detail: { error?: string; errorI18n?: I18nText; outcome?: 'rolled-back' | 'failed' } = {}): Promise<JournalEntry | null> {
    const entry = await this.pending();
    if (!entry || entry.outcome !== 'restarting') return null;
    const outcome = healthy ? 'success' : (detail.outcome ?? 'rolled-back');
    await this.patch(entry.id, { outcome, error: healthy ? null : (detail.error ?? 'the new version never became healthy'), errorI18n: healthy ? null : (detail.errorI18n ?? null) });
    return this.get(entry.id);
  }

  /** Pipeline durations of the newest successful updates (newest first). */
  async recentDurations(limit = 10): Promise<number[]> {
    return (await this.entries())
      .filter((e) => (e.outcome === 'success' || e.outcome === 'restarting') && e.durationMs !== null)
      .map((e) => e.durationMs as number)
      .reverse()
      .slice(0, limit);
  }

  /** Read-modify-write, one at a time within this process, then an atomic replace. */
  private mutate(change: (entries: JournalEntry[]) => JournalEntry[]): Promise<void> {
    const run = this.queue.then(async () => {
      const next = change(await this.entries());
      await this.writeAtomically(JSON.stringify({ version: 1, entries: next }, null, 2));
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeAtomically(text: string): Promise<void> {
    await this.fs.mkdir(this.dataDir, { recursive: true, mode: PRIVATE_DIR });
    const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      // A fresh temp name each time, so the mode applies: readable by the user alone.
      await this.fs.writeFile(tmp, text, { flush: true, mode: PRIVATE_FILE });
      await this.fs.rename(tmp, this.file);
    } catch (err) {
      await this.fs.rm(tmp, { force: true }).catch(() => undefined);
      throw err;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
