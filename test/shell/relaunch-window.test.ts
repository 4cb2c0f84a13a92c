// After an update's relaunch the window comes back as it was (outside review): a login start (--hidden) whose
// window the user then opened came back to the tray only (the original --hidden won over the saved window state), and so
// did an open window with "Start hidden" on (the setting won over the saved window state).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { app, resetElectronMock } from './electron-mock.js';
import { painted, startMain, tempDirs, useShellWorld } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

const t = useShellWorld();

function goodBuild(dir: string): string {
  const file = join(dir, 'standby-entry.mjs');
  writeFileSync(file, `process.on('message', (m) => m.type === 'stand-down' && process.exit(0));\nprocess.send({ type: 'ready', pid: process.pid });\n`);
  return file;
}

/** Restarts `first` as an update would, then starts the process app.relaunch would; whether it has a window. */
async function relaunched(first: NonNullable<typeof t.started>, dirs: ReturnType<typeof tempDirs>): Promise<boolean> {
  await first.shell.core.updates.restartNow();
  await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0), { timeout: 15_000 });
  const args = app.relaunch.mock.calls[0]![0]!.args!;
  resetElectronMock();
  t.started = await startMain({ dirs, flags: args.slice(1) });
  return t.started!.shell.panel.window !== null;
}

it('a --hidden start whose window is open when an update relaunches comes back with its window', async () => {
  const dirs = tempDirs();
  t.started = await startMain({ dirs, flags: ['--hidden'], standbyEntry: goodBuild(dirs.root) });
  const first = t.started!;
  // The user clicks "Show panel" in the tray.
  first.menu().click('Show panel');
  const win = first.window();
  await painted(win);
  expect(win.isVisible()).toBe(true);
  expect(await relaunched(first, dirs)).toBe(true);
}, 30_000);

it('startHidden on, window opened by the user, update relaunch: the window comes back (window-state says visible)', async () => {
  const dirs = tempDirs();
  t.started = await startMain({ dirs, standbyEntry: goodBuild(dirs.root) });
  const first = t.started!;
  await painted(first.window());
  expect((await first.shell.core.dispatch('settings.save', { startHidden: true })).ok).toBe(true);
  expect(await relaunched(first, dirs)).toBe(true);
}, 30_000);
