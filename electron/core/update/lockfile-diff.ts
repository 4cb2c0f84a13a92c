// What a lockfile change means for the user: which packages move, in one line for the confirmation.
import { coreText, type CoreSentence } from '../../../shared/core-text.js';

type Versions = Map<string, string>;

/** `packages` of a lockfile v2/v3 as name → version; null when the text is not such a lockfile. */
export function lockedVersions(text: string): Versions | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const packages = (parsed as { packages?: unknown } | null)?.packages;
  if (typeof packages !== 'object' || packages === null || Array.isArray(packages)) return null;
  const versions: Versions = new Map();
  for (const [path, info] of Object.entries(packages)) {
    const version = (info as { version?: unknown } | null)?.version;
    // "" is the project itself; nested copies (a/node_modules/b) are details of the same change.
    if (!path.startsWith('node_modules/') || path.lastIndexOf('node_modules/') !== 0 || typeof version !== 'string') continue;
    versions.set(path.slice('node_modules/'.length), version);
  }
  return versions;
}

export interface LockfileChange {
  changed: Array<{ name: string; from: string; to: string }>;
  added: string[];
  removed: string[];
}

export function diffLockfiles(before: Versions, after: Versions): LockfileChange {
  const change: LockfileChange = { changed: [], added: [], removed: [] };
  for (const [name, to] of after) {
    const from = before.get(name);
    if (from === undefined) change.added.push(name);
    else if (from !== to) change.changed.push({ name, from, to });
  }
  for (const name of before.keys()) if (!after.has(name)) change.removed.push(name);
  return change;
}

/** e.g. "discord.js 14.28.1 → 14.29.0, 2 more updated, 1 added"; falls back to a plain sentence on an unreadable file. */
export function summarizeLockfileChange(beforeText: string, afterText: string, shown = 2): string {
  return lockfileChange(beforeText, afterText, shown).text;
}

/** The same summary by key, for the panel's language (the update's confirmation). */
export function lockfileChange(beforeText: string, afterText: string, shown = 2): CoreSentence {
  const before = lockedVersions(beforeText);
  const after = lockedVersions(afterText);
  if (!before || !after) return coreText('update.deps.unreadable');
  const { changed, added, removed } = diffLockfiles(before, after);
  const parts = changed.slice(0, shown).map((c) => coreText('update.deps.version', { name: c.name, from: c.from, to: c.to }));
  if (changed.length > shown) parts.push(coreText('update.deps.moreUpdated', { count: changed.length - shown }));
  if (added.length) parts.push(coreText('update.deps.added', { count: added.length }));
  if (removed.length) parts.push(coreText('update.deps.removed', { count: removed.length }));
  if (parts.length === 0) return coreText('update.deps.sameVersions');
  return parts.reduceRight((rest, first) => coreText('update.deps.list', { first: first.i18n, rest: rest.i18n }));
}
