// What the window looked like when the app relaunched itself after an update, so the new process
// reopens it in the same place and size — or leaves it in the tray if it was there.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** null when no window had been opened (a --hidden start). */
  bounds: Bounds | null;
  visible: boolean;
}

const FILE = 'relaunch-window.json';

const isBounds = (b: unknown): b is Bounds =>
  typeof b === 'object' && b !== null && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((b as Record<string, unknown>)[k]));

/** Written right before app.relaunch (temp file + rename). */
export function saveWindowState(dataDir: string, state: WindowState): void {
  const file = join(dataDir, FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}

/** Read once by the relaunched process, then removed: an ordinary start opens the default window. */
export function takeWindowState(dataDir: string): WindowState | null {
  const file = join(dataDir, FILE);
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { bounds?: unknown; visible?: unknown };
    return { bounds: isBounds(raw.bounds) ? raw.bounds : null, visible: raw.visible === true };
  } catch {
    return null;
  } finally {
    rmSync(file, { force: true });
  }
}
