// Whether a process still runs: boot recovery, the release switch and the relauncher ask it.
import { readFileSync } from 'node:fs';

/**
 * True when `pid` runs; EPERM means it exists but belongs to another user. A zombie (killed, not yet
 * reaped: an orphaned successor waits on init, which some containers run late or never) runs nothing.
 */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
  } catch {
    // No /proc (macOS, Windows): kill(pid, 0) is all there is.
    return true;
  }
}
