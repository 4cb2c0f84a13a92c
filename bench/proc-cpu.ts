// The machine's CPU time by process, from /proc (clock ticks, shown in ms): who used the cores during a
// burst. A process that exits between two snapshots is not counted.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux.

/** Chromium's processes by their role (renderer, gpu-process, utility: the network service…), the browser's as chromium. */
function labelOf(pid: string, comm: string): string {
  if (!/chrom/i.test(comm)) return comm;
  const type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1];
  const sub = /--utility-sub-type=([\w.]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1];
  return type ? `chromium ${sub ? sub.split('.').at(-2) : type}` : 'chromium';
}

/** [comm, user + system ms so far] of /proc/<path>/stat. */
function read(path: string): [string, number] {
  const stat = readFileSync(`/proc/${path}/stat`, 'utf8');
  const close = stat.lastIndexOf(')');
  const f = stat.slice(close + 2).split(' ');
  return [stat.slice(stat.indexOf('(') + 1, close), (Number(f[11]) + Number(f[12])) * TICK_MS];
}

/**
 * pid → [comm, user + system ms so far]; the threads of `byThread` pids as their own entries
 * (negative ids, comm "<pid's label>/<thread name>"; the main thread's name is the process's).
 */
export function snapshotCpu(byThread: number[] = []): Map<number, [string, number]> {
  const out = new Map<number, [string, number]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const [comm, ms] = read(name);
      out.set(Number(name), [labelOf(name, comm), ms]);
      if (!byThread.includes(Number(name))) continue;
      for (const tid of readdirSync(`/proc/${name}/task`)) {
        const [thread, tms] = read(`${name}/task/${tid}`);
        out.set(-Number(tid), [`${name}/${tid === name ? 'main' : thread}`, tms]);
      }
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** CPU ms used between two snapshots, by group: `named` pids by their label, the rest by command name. */
export function cpuUsedBy(before: Map<number, [string, number]>, after: Map<number, [string, number]>, named: Record<string, number | undefined>): Record<string, number> {
  const label = new Map(Object.entries(named).flatMap(([k, pid]) => (pid === undefined ? [] : [[pid, k] as const])));
  const used: Record<string, number> = {};
  for (const [pid, [comm, ms]] of after) {
    const spent = ms - (before.get(pid)?.[1] ?? 0);
    if (spent <= 0) continue;
    const owner = Number(comm.split('/')[0]);
    const key = pid < 0 ? `${label.get(owner) ?? owner}/${comm.split('/')[1]}` : (label.get(pid) ?? comm);
    used[key] = (used[key] ?? 0) + spent;
  }
  return used;
}

/** "app 820, chromium 410, fake 300, …" ms, largest first, those under 20 ms left out. */
export const formatCpu = (used: Record<string, number>) =>
  Object.entries(used)
    .filter(([, ms]) => ms >= 20)
    .sort((a, b) => b[1] - a[1])
    .map(([k, ms]) => `${k} ${ms}`)
    .join(', ');
