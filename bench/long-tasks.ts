// What ran inside Chromium's long tasks: the V8 CPU profile (CDP Profiler) of the run, cut at each
// long task's interval. Self time is grouped by what the code is (the bundle's chunk says which
// library; "(program)" is the browser's own style/layout/paint, "(garbage collector)" GC).
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
export interface LongTask {
  /** performance.now() in the page, ms. */
  start: number;
  duration: number;
}

/** The marker the page runs once so page time and profile time can be lined up. */
export const MARKER = '__scrollBenchMarker';
export const MARKER_SOURCE = `function ${MARKER}() { const t = performance.now(); while (performance.now() - t < 30) {} return t; }`;

export async function startProfiler(cdp: CDPSession, intervalUs = 500): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

export async function stopProfiler(cdp: CDPSession): Promise<CpuProfile> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  return profile;
}

/** The label of one sampled frame: the chunk (library) and the function. */
function label(node: ProfileNode): string {
  const { url } = node.callFrame;
  // A regular expression's frame is named by its whole source (highlight.js grammars run to kilobytes).
  const functionName = node.callFrame.functionName.length > 60 ? `${node.callFrame.functionName.slice(0, 60)}…` : node.callFrame.functionName;
  if (!url) return functionName || '(anonymous)';
  const chunk = /\/assets\/([A-Za-z]+(?:-[a-z]+)*)-[\w-]+\.js/.exec(url)?.[1] ?? url.replace(/^.*\//, '');
  return `${chunk}:${functionName || '(anonymous)'}`;
}

export interface Attribution {
  /** Self time in ms by frame label, largest first. */
  self: [string, number][];
  /** Time in ms under each frame label anywhere on the stack (inclusive), largest first. */
  inclusive: [string, number][];
  /** The three longest tasks, each with its own self time. */
  longest: { task: LongTask; self: [string, number][] }[];
}

/**
 * Self and inclusive time of the profile's samples that fall inside the long tasks. `markerPageMs` is
 * the page's performance.now() when the marker ran; the marker's first sample fixes the offset.
 */
export function attribute(profile: CpuProfile, tasks: LongTask[], markerPageMs: number): Attribution {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const markerIndex = profile.samples.findIndex((id) => byId.get(id)?.callFrame.functionName === MARKER);
  if (markerIndex < 0) throw new Error('the marker was not sampled: raise the run length or lower the interval');
  const toProfileUs = (pageMs: number) => times[markerIndex]! + (pageMs - markerPageMs) * 1000;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);
  const sorted = [...tasks].sort((a, b) => a.start - b.start);
  const longest = [...tasks].sort((a, b) => b.duration - a.duration).slice(0, 3);
  const each = new Map<LongTask, Map<string, number>>(longest.map((t) => [t, new Map()]));
  let i = 0;
  for (const task of sorted) {
    const from = toProfileUs(task.start);
    const to = toProfileUs(task.start + task.duration);
    const mine = each.get(task);
    while (i < times.length && times[i]! < from) i++;
    for (let j = i; j < times.length && times[j]! < to; j++) {
      const ms = ((times[j + 1] ?? times[j]!) - times[j]!) / 1000;
      const leaf = byId.get(profile.samples[j]!)!;
      add(self, label(leaf), ms);
      if (mine) add(mine, label(leaf), ms);
      const seen = new Set<string>();
      for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
        const l = label(byId.get(id)!);
        if (!seen.has(l)) add(inclusive, l, ms);
        seen.add(l);
      }
    }
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { self: top(self), inclusive: top(inclusive), longest: longest.map((t) => ({ task: t, self: top(each.get(t)!) })) };
}
