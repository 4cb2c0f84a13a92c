// One instance per user: a second launch focuses the first and exits; a relaunched process waits
// for the old one to release the lock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupSingleInstance } from '../../electron/shell/single-instance.js';
import { app, BrowserWindow, mock, resetElectronMock } from './electron-mock.js';
import { painted, startMain, stopMain, type Started } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

let started: Started | null = null;
beforeEach(() => resetElectronMock());
afterEach(async () => {
  await stopMain(started);
  started = null;
});

const secondInstance = (argv: string[] = ['/opt/electron', '/app']) => app.emit('second-instance', { preventDefault() {} }, argv, '/', {});

describe('single instance', () => {
  it('a second launch shows, restores and focuses the existing window', async () => {
    started = await startMain();
    const win = started!.window();
    await painted(win);
    win.close(); // hidden to the tray
    win.minimize();
    win.focus.mockClear();
    secondInstance();
    expect(win.isVisible()).toBe(true);
    expect(win.isMinimized()).toBe(false);
    expect(win.focus).toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('a second launch opens the panel of an instance started --hidden', async () => {
    started = await startMain({ flags: ['--hidden'] });
    expect(BrowserWindow.instances).toHaveLength(0);
    secondInstance();
    await painted(started!.window());
    expect(started!.window().isVisible()).toBe(true);
  });

  // The login item starts the app with --hidden: logging in again (a second desktop session, a session
  // restored) while it already runs must not put its window in front of the user.
  it('a second launch with --hidden (the login item) leaves a hidden panel hidden and a shown one where it is', async () => {
    started = await startMain({ flags: ['--hidden'] });
    secondInstance(['/opt/electron', '/app', '--hidden']);
    expect(BrowserWindow.instances).toHaveLength(0);
    secondInstance();
    const win = started!.window();
    await painted(win);
    win.minimize();
    win.focus.mockClear();
    secondInstance(['/opt/electron', '/app', '--hidden']);
    expect(win.isMinimized()).toBe(true);
    expect(win.focus).not.toHaveBeenCalled();
  });

  it('replays a launch that came while the app was still starting', async () => {
    const lock = await setupSingleInstance({ relaunched: false });
    secondInstance();
    const show = vi.fn();
    lock!.onSecondInstance(show);
    expect(show).toHaveBeenCalledTimes(1);
    secondInstance();
    expect(show).toHaveBeenCalledTimes(2);
  });

  it('ignores the knock of its own relaunched successor', async () => {
    started = await startMain({ flags: ['--hidden'] });
    secondInstance(['/opt/electron', '/app', '--relaunched']);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('quits without creating anything when another instance holds the lock', async () => {
    mock.state.lockAvailable = () => false;
    const result = await startMain();
    expect(result).toBeNull();
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(mock.state.lockRequests).toBe(1);
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('--relaunched retries every 250 ms until the old process lets go', async () => {
    const freedAt = Date.now() + 700;
    mock.state.lockAvailable = () => Date.now() >= freedAt;
    started = await startMain({ flags: ['--relaunched', '--hidden'] });
    expect(started).not.toBeNull();
    expect(Date.now()).toBeGreaterThanOrEqual(freedAt);
    expect(mock.state.lockRequests).toBeGreaterThanOrEqual(3);
    expect(mock.state.lockRequests).toBeLessThanOrEqual(5);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('--relaunched gives up and quits after the deadline', async () => {
    mock.state.lockAvailable = () => false;
    const began = Date.now();
    const lock = await setupSingleInstance({ relaunched: true, retryEveryMs: 20, retryForMs: 200 });
    expect(lock).toBeNull();
    expect(Date.now() - began).toBeGreaterThanOrEqual(200);
    expect(mock.state.lockRequests).toBeGreaterThan(3);
    expect(app.quit).toHaveBeenCalledTimes(1);
  });
});
