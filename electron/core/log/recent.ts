// The panel's event log in memory: the newest entries of EACH level, so a flood of warnings
// (refused connections, a reconnect loop) cannot push the one error that matters out of view.
import type { LogEntry, LogLevel } from '../../../shared/types.js';

export class RecentEntries {
  private readonly byLevel = new Map<LogLevel, LogEntry[]>();

  constructor(private readonly perLevel: number) {}

  push(entry: LogEntry): void {
    let list = this.byLevel.get(entry.level);
    if (!list) this.byLevel.set(entry.level, (list = []));
    list.push(entry);
    if (list.length > this.perLevel) list.shift();
  }

  /** All kept entries, oldest first. */
  list(): LogEntry[] {
    return [...this.byLevel.values()].flat().sort((a, b) => a.id - b.id);
  }
}
