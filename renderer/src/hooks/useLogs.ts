import { useEffect, useState } from 'react';
import type { LogEntry } from '../../../shared/types';
import { useApi } from '../api-context';

/** Kept per level, as the core does: a flood of warnings must not push the one error out of view. */
export const MAX_LOG_ENTRIES = 100;

/** Merge by id (the initial fetch and events can overlap), oldest first, the last 100 of each level kept. */
export function mergeLogs(current: LogEntry[], incoming: LogEntry[]): LogEntry[] {
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const e of incoming) byId.set(e.id, e);
  const newestFirst = [...byId.values()].sort((a, b) => b.id - a.id);
  const seen = new Map<string, number>();
  const kept = newestFirst.filter((e) => {
    const n = (seen.get(e.level) ?? 0) + 1;
    seen.set(e.level, n);
    return n <= MAX_LOG_ENTRIES;
  });
  return kept.reverse();
}

export function useLogs() {
  const api = useApi();
  const [entries, setEntries] = useState<LogEntry[]>([]);

  useEffect(() => {
    let live = true;
    const off = api.on('log.entry', (entry) => setEntries((current) => mergeLogs(current, [entry])));
    api.logs.recent().then(
      (recent) => live && setEntries((current) => mergeLogs(current, recent)),
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, [api]);

  return entries;
}
