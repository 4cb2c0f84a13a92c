// The journal file's shape, validated on every read: a file from an older or broken process is
// set aside rather than trusted.
import { z } from 'zod';
import type { I18nText } from '../../../shared/core-text.js';

const i18nSchema: z.ZodType<I18nText> = z.lazy(() => z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), i18nSchema])) }));

const stepRecord = z.object({
  step: z.string(),
  status: z.enum(['pending', 'running', 'done', 'skipped', 'failed']),
  durationMs: z.number(),
  error: z.string().optional(),
});
export const entrySchema = z.object({
  id: z.string(),
  pid: z.number(),
  from: z.string(),
  to: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  /** `restarting`: the pipeline succeeded and the new version has yet to prove itself healthy. */
  outcome: z.enum(['running', 'restarting', 'success', 'rolled-back', 'failed', 'interrupted']),
  steps: z.array(stepRecord),
  failedStep: z.string().nullable(),
  error: z.string().nullable(),
  /**
   * `error` by key, so the last-update banner says it in the panel's language (older journals lack it).
   * A later version's key in a shape this one cannot read is dropped, not the journal: `error` says it.
   */
  errorI18n: i18nSchema.nullable().optional().catch(null),
  lockfileChanged: z.boolean(),
  savedChanges: z
    .object({ ref: z.string(), sha: z.string(), message: z.string(), state: z.enum(['kept', 'reapplied', 'conflict']).optional() })
    .nullable(),
  /** Edits found in the checkout by a boot recovery, stashed before it moved the checkout. */
  recoveredEdits: z.object({ ref: z.string(), sha: z.string(), message: z.string() }).nullable().default(null),
  /** Further edits set aside for the same update (a rollback's, then a boot recovery's after a kill). */
  moreRecoveredEdits: z.array(z.object({ ref: z.string(), sha: z.string(), message: z.string() })).optional(),
  /** Where local commits not on the remote were kept (older journals lack it). */
  keptCommits: z.object({ branch: z.string(), count: z.number() }).nullable().default(null),
  /** Files the update's reset replaced that no stash could hold (ignored ones), copied aside first (older journals lack it). */
  replacedFiles: z.object({ dir: z.string(), files: z.array(z.string()), command: z.string() }).nullable().default(null),
  /** Undone onto a version that ships them (a boot recovery that ended on the new release): not put back, still aside. */
  replacedFilesKept: z.boolean().optional(),
  configBackup: z.string().nullable(),
  /** Boots of the new version that have not (yet) called markHealthy. */
  boots: z.number(),
  lastBootPid: z.number().nullable(),
});
/**
 * Entries are read one by one: an entry a later version wrote with an outcome or a step status this one
 * does not know is left out, not the whole journal (with the update this version's boot must recover:
 * this release is the one the next rolls back to).
 */
export const fileSchema = z.object({
  version: z.literal(1),
  entries: z.array(z.unknown()).transform((raw) => raw.flatMap((e) => {
    const entry = entrySchema.safeParse(e);
    return entry.success ? [entry.data] : [];
  })),
});

export type JournalEntry = z.infer<typeof entrySchema>;
