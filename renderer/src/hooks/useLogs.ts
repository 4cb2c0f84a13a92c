import { useEffect, useState } from 'react';
import type { LogEntry } from '../../../shared/types';
import { useApi } from '../api-context';

export const MAX_LOG_ENTRIES = 100;

/** Merge by id (the initial fetch and events can overlap), oldest first, last 100 kept. */
export function mergeLogs(current: LogEntry[], incoming: LogEntry[]): LogEntry[] {
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const e of incoming) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => a.id - b.id).slice(-MAX_LOG_ENTRIES);
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
