// What to do at startup about an update a previous process left unfinished. Pure: facts in, decision out.
import { coreText, type I18nText } from '../../../shared/core-text.js';
import { short } from './git.js';
import { stepLabel } from './steps.js';
import type { JournalEntry } from './journal.js';


export interface BootFacts {
  /** This process. */
  pid: number;
  nowMs: number;
  isAlive: (pid: number) => boolean;
  /** Boots of a new version without markHealthy before it is rolled back. */
  maxFailedBoots?: number;
  /** A `running` entry older than this is dead even if its pid now belongs to another process (pid reuse). */
  staleAfterMs?: number;
}

export type BootDecision =
  | { action: 'none'; reason: string }
  | { action: 'elsewhere'; entry: JournalEntry; reason: string; i18n: I18nText }
  | { action: 'recover'; entry: JournalEntry; reason: string; i18n: I18nText; step: string | null }
  | { action: 'count-boot'; entry: JournalEntry; boot: number }
  | { action: 'rollback'; entry: JournalEntry; reason: string; i18n: I18nText };

export const MAX_FAILED_BOOTS = 2;
/** Said at every ordinary start: for the log file, not the user's event log. */
export const NOTHING_PENDING = 'No unfinished update.';
export const STALE_UPDATE_MS = 60 * 60_000;

export function decideBoot(entry: JournalEntry | null, facts: BootFacts): BootDecision {
  if (!entry) return { action: 'none', reason: NOTHING_PENDING };
  if (entry.outcome === 'running') {
    const age = facts.nowMs - Date.parse(entry.startedAt);
    // Our own pid in the entry can only be a reused pid: this process has only just started.
    const alive = entry.pid !== facts.pid && facts.isAlive(entry.pid) && age < (facts.staleAfterMs ?? STALE_UPDATE_MS);
    if (alive) {
      const said = coreText('update.boot.elsewhere', { pid: String(entry.pid) });
      return { action: 'elsewhere', entry, reason: said.text, i18n: said.i18n };
    }
    // The step that was running when the process died; records after it (pending ones) say nothing.
    const step = entry.steps.findLast((s) => s.status === 'running')?.step ?? entry.steps.at(-1)?.step ?? null;
    const said = step ? coreText('update.boot.interrupted', { step: stepLabel(step) }) : coreText('update.boot.interruptedNoStep');
    return { action: 'recover', entry, step, reason: said.text, i18n: said.i18n };
  }
  if (entry.outcome === 'restarting') {
    const max = facts.maxFailedBoots ?? MAX_FAILED_BOOTS;
    if (entry.boots >= max) {
      const said = coreText('update.boot.notHealthy', { to: short(entry.to), boots: entry.boots });
      return { action: 'rollback', entry, reason: said.text, i18n: said.i18n };
    }
    return { action: 'count-boot', entry, boot: entry.boots + 1 };
  }
  return { action: 'none', reason: NOTHING_PENDING };
}

