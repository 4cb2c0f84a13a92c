// Closing the window hides it to the tray and shows a one-time notice; the "shown" flag lives in
// shell-flags.json. A folder that refuses the write (read-only: a real bind mount) or a flags file holding
// valid JSON that is no object threw out of the window's close handler (an error dialog in Electron), and
// the notice never showed (outside review).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { mountReadOnly, unmountAll } from '../helpers/disk.js';
import { mock } from './electron-mock.js';
import { painted, startMain, tempDirs, useShellWorld } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

const t = useShellWorld();

/** Closes the window; what the close handler threw, if anything. */
function close(win: { close: () => void }): unknown {
  try {
    win.close();
    return null;
  } catch (err) {
    return err;
  }
}

for (const [name, content] of [['null', 'null'], ['a string', '"yes"'], ['a number', '1'], ['a list', '[true]']] as const) {
  it(`shell-flags.json holding ${name}: closing hides the window and shows the notice`, async () => {
    const dirs = tempDirs();
    writeFileSync(join(dirs.userData, 'shell-flags.json'), content);
    t.started = await startMain({ dirs });
    const win = t.started!.window();
    await painted(win);
    expect(close(win)).toBeNull();
    expect(win.isVisible()).toBe(false);
    expect(mock.state.notifications).toHaveLength(1);
  });
}

it('a read-only data folder: closing hides the window and shows the notice (the flag is kept in memory)', async () => {
  const dirs = tempDirs();
  t.started = await startMain({ dirs });
  const win = t.started!.window();
  await painted(win);
  mountReadOnly(dirs.userData);
  let thrown: unknown;
  try {
    thrown = close(win);
  } finally {
    unmountAll();
  }
  expect(thrown).toBeNull();
  expect(win.isVisible()).toBe(false);
  expect(mock.state.notifications).toHaveLength(1);
});
