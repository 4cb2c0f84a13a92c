// The IDENTIFY gate's memory across processes: a service manager restarting a crashing app every
// second would otherwise IDENTIFY every second and spend Discord's 1000 daily session starts in
// minutes (past them Discord resets the token). Written atomically, readable by the user only.
import { readFileSync } from 'node:fs';
import { writePrivateFileSync } from '../fs-modes.js';

export interface GateMemory {
  /** Epoch ms of the last session start reserved or IDENTIFY sent. */
  lastAt: number;
  budget: { remaining: number; resetsAt: number } | null;
}

export interface GateStore {
  load(): GateMemory | null;
  save(memory: GateMemory): void;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function fileGateStore(file: string): GateStore {
  return {
    load() {
      try {
        const raw = JSON.parse(readFileSync(file, 'utf8')) as { lastAt?: unknown; budget?: { remaining?: unknown; resetsAt?: unknown } | null };
        if (!finite(raw.lastAt)) return null;
        const b = raw.budget;
        const budget = b && finite(b.remaining) && finite(b.resetsAt) ? { remaining: b.remaining, resetsAt: b.resetsAt } : null;
        return { lastAt: raw.lastAt, budget };
      } catch {
        return null; // missing or unreadable: start as a fresh process would
      }
    },
    save(memory) {
      try {
        writePrivateFileSync(file, JSON.stringify(memory));
      } catch {
        // A full or read-only disk: the in-memory gate still spaces this process's IDENTIFYs.
      }
    },
  };
}
