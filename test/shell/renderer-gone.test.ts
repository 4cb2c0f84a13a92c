// The panel's renderer crashing (or killed: out of memory) left a blank window until the app restarted,
// while the bot ran on. The page is reloaded — three times a minute at most, so a page that crashes at
// once does not reload forever; a renderer that exits cleanly (the window closing) is left alone.
import { expect, it, vi } from 'vitest';
import { painted, startMain, useShellWorld } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

const t = useShellWorld();

it('a crashed page is reloaded, at most three times a minute; a clean exit is not', async () => {
  t.started = await startMain();
  const win = t.started!.window();
  await painted(win);
  const gone = (reason: string) => win.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });
  gone('clean-exit');
  expect(win.webContents.reload).not.toHaveBeenCalled();
  gone('crashed');
  expect(win.webContents.reload).toHaveBeenCalledTimes(1);
  gone('oom');
  gone('killed');
  expect(win.webContents.reload).toHaveBeenCalledTimes(3);
  gone('crashed');
  expect(win.webContents.reload).toHaveBeenCalledTimes(3);
  // The core never noticed: still answering.
  expect((await t.started!.shell.core.dispatch('app.info')).ok).toBe(true);
});
