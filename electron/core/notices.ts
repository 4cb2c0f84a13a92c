// Notices: sentences the user must read (a settings file moved aside…), kept in notices.json until the
// user dismisses them, so one that scrolls out of the event log is still said in the panel.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { coreText, type CoreSentence, type I18nText } from '../../shared/core-text.js';
import type { Notice } from '../../shared/types.js';
import { writePrivateFileSync } from './fs-modes.js';

// A sentence by key; a parameter may itself be one.
const i18nSchema: z.ZodType<I18nText> = z.lazy(() => z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), i18nSchema])) }));

const fileSchema = z.array(
  z.object({
    id: z.string(),
    time: z.number(),
    level: z.enum(['info', 'warn', 'error']),
    code: z.string(),
    params: z.record(z.string(), z.string()),
    message: z.string(),
    i18n: i18nSchema.optional(),
  }),
);

// A flood of notices (a file corrupted at every start) must not grow the file without bound.
const KEEP = 20;

export type NewNotice = Omit<Notice, 'id' | 'time'>;

// The notices shown for each file, for a module opened before them (settings) that must say something later.
const shown = new Map<string, WeakRef<Notices>>();

/** The Notices kept in `file` (the latest opened), if any: undefined in a process without a panel (export CLI). */
export function noticesFor(file: string): Notices | undefined {
  return shown.get(resolve(file))?.deref();
}

export class Notices extends EventEmitter<{ changed: [Notice[]] }> {
  private items: Notice[] = [];
  /** Notices true of this process only (e.g. "the app keeps the settings it had"): shown, never written. */
  private readonly thisRun = new Set<string>();
  /** Set when the file existed but could not be read (it is then started afresh). */
  readonly problem: CoreSentence | null = null;

  constructor(private readonly file: string) {
    super();
    shown.set(resolve(file), new WeakRef(this));
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) this.items = parsed.data;
      else this.problem = coreText('notice.noticesNotAList', { file });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.problem = coreText('notice.noticesUnreadable', { file, detail: (err as Error).message });
    }
  }

  list(): Notice[] {
    return this.items.map((n) => ({ ...n, params: { ...n.params } }));
  }

  add(notice: NewNotice, now = Date.now(), options: { thisRunOnly?: boolean } = {}): Notice {
    const added: Notice = { id: randomBytes(6).toString('hex'), time: now, ...notice };
    if (options.thisRunOnly) this.thisRun.add(added.id);
    this.items = [...this.items, added].slice(-KEEP);
    this.save();
    return added;
  }

  /** Takes away the notices of `code` (what they said is no longer true, e.g. the token was moved since). */
  withdraw(code: string): void {
    const next = this.items.filter((n) => n.code !== code);
    if (next.length === this.items.length) return;
    this.items = next;
    this.save();
  }

  /** Idempotent: two tabs dismissing the same notice is not an error. */
  dismiss(id: string): Notice[] {
    const next = this.items.filter((n) => n.id !== id);
    if (next.length !== this.items.length) {
      this.items = next;
      this.save();
    }
    return this.list();
  }

  private save(): void {
    try {
      writePrivateFileSync(this.file, JSON.stringify(this.items.filter((n) => !this.thisRun.has(n.id)), null, 2));
    } catch {
      // A full or read-only disk: still shown this run (the settings watch adds from a timer, where a throw
      // crashed the app); the next change that writes carries the list.
    }
    this.emit('changed', this.list());
  }
}
