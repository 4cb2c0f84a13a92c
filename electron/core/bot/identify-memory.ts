// The IDENTIFY gate's memory across processes: a service manager restarting a crashing app every
// second would otherwise IDENTIFY every second and spend Discord's 1000 daily session starts in
// minutes (past them Discord resets the token). Written atomically, readable by the user only.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writePrivateFileSync } from '../fs-modes.js';

export interface GateMemory {
  /** Epoch ms of the last session start reserved or IDENTIFY sent. */
  lastAt: number;
  /** `bot`: whose starts these are (botKey), a budget being one application's. */
  budget: { remaining: number; resetsAt: number; bot: string } | null;
  /** When a process last started its first session, and when one last shut down cleanly (crash-loop backoff). */
  processStartAt?: number;
  cleanExitAt?: number;
  /** Epoch ms of recent first sessions of processes started after one that did not shut down cleanly. */
  crashStarts?: number[];
}

/**
 * Which bot a token is, without keeping the token: its first part is the bot's user id in base64
 * (the same across token resets, as is the budget); otherwise a digest of the token.
 */
export function botKey(token: string): string {
  const id = Buffer.from(token.split('.')[0] ?? '', 'base64').toString('latin1');
  return /^\d{17,20}$/.test(id) ? `user:${id}` : `token:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
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
        const raw = JSON.parse(readFileSync(file, 'utf8')) as { lastAt?: unknown; budget?: { remaining?: unknown; resetsAt?: unknown; bot?: unknown } | null; processStartAt?: unknown; cleanExitAt?: unknown; crashStarts?: unknown };
        if (!finite(raw.lastAt)) return null;
        const b = raw.budget;
        // A figure of no known bot (an older file) is dropped: the next login reads Discord's own.
        const budget = b && finite(b.remaining) && finite(b.resetsAt) && typeof b.bot === 'string' ? { remaining: b.remaining, resetsAt: b.resetsAt, bot: b.bot } : null;
        const crashStarts = Array.isArray(raw.crashStarts) ? raw.crashStarts.filter(finite).slice(-100) : [];
        return { lastAt: raw.lastAt, budget, crashStarts, ...(finite(raw.processStartAt) ? { processStartAt: raw.processStartAt } : {}), ...(finite(raw.cleanExitAt) ? { cleanExitAt: raw.cleanExitAt } : {}) };
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
