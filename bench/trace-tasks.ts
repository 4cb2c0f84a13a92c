// Chromium's own record of the page's main-thread tasks (a devtools.timeline trace): each task's
// wall time and the CPU time its thread actually ran. On a shared machine a task can be long only
// because the thread waited for a core; the CPU time tells the code's cost from the machine's load.

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export const TRACE_CATEGORIES = (process.env.BENCH_TRACE_CATEGORIES ?? 'toplevel,devtools.timeline').split(',');

export interface TaskCost {
  /** Wall time, ms. */
  wall: number;
  /** CPU time of the main thread, ms. */
  cpu: number;
  /** CPU time by the task's direct steps (Layout, FunctionCall, …), largest first. */
  steps: [string, number][];
}

/** The page's main-thread tasks longer than `minMs` (wall), longest first. */
export function mainThreadTasks(trace: Buffer, minMs = 50): TaskCost[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: TaskCost[] = [];
  let end = -1;
  let current: { cost: TaskCost; steps: Map<string, number>; stepEnd: number } | null = null;
  for (const e of own) {
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
      if (e.ts < end) continue; // nested task of the same run
      // A task cut by the end of the trace can say more CPU than wall time: not a measure.
      if ((e.tdur ?? 0) > e.dur! + 1000) continue;
      end = e.ts + e.dur!;
      current = e.dur! >= minMs * 1000 ? { cost: { wall: e.dur! / 1000, cpu: (e.tdur ?? 0) / 1000, steps: [] }, steps: new Map(), stepEnd: -1 } : null;
      if (current) tasks.push(current.cost);
      continue;
    }
    // Direct steps only: an event inside the previous step is part of it.
    if (!current || e.ts >= end || e.ts < current.stepEnd) continue;
    current.stepEnd = e.ts + e.dur!;
    current.steps.set(e.name, (current.steps.get(e.name) ?? 0) + (e.tdur ?? e.dur!) / 1000);
    current.cost.steps = [...current.steps].sort((a, b) => b[1] - a[1]);
  }
  return tasks.sort((a, b) => b.wall - a.wall);
}
