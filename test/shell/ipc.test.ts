// IPC and page security: commands reach the core only from our own window showing our own page;
// events go to that window only; CSP, navigation, new windows and permissions are locked down.
import { describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../shared/contract.js';
import { CSP } from '../../electron/headless/http-server.js';
import type { ServerFrame } from '../../shared/ws-protocol.js';
import { REFUSED } from '../../electron/shell/ipc.js';
import { isRendererUrl, rendererLocation } from '../../electron/shell/renderer-location.js';
import { BrowserWindow, ipcMain, session, shell, WebContents, WebFrameMain } from './electron-mock.js';
import { usePaintedWindow } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

const t = usePaintedWindow();

const fromOurWindow = () => ({ sender: t.win.webContents, senderFrame: t.win.webContents.mainFrame });

describe('IPC commands', () => {
  it('registers a handler for every command in the registry', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...commandNames].sort());
  });

  it('dispatches commands from our window to the real core', async () => {
    const info = await ipcMain.invoke('app.info', fromOurWindow());
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', dataDir: t.started.dirs.userData } });
    const saved = await ipcMain.invoke('settings.save', fromOurWindow(), { guildId: '123456789012345678' });
    expect(saved).toMatchObject({ ok: true, value: { guildId: '123456789012345678' } });
    expect(t.started.shell.core.settings.view().guildId).toBe('123456789012345678');
    // Validation still happens in the core.
    expect(await ipcMain.invoke('settings.save', fromOurWindow(), { guildId: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses another webContents, a subframe, and our window once it shows another page', async () => {
    const dispatch = vi.spyOn(t.started.shell.core, 'dispatch');
    const stranger = new WebContents();
    stranger.mainFrame.url = t.win.webContents.mainFrame.url; // same URL, different window
    expect(await ipcMain.invoke('settings.save', { sender: stranger, senderFrame: stranger.mainFrame }, { guildId: '123456789012345678' })).toEqual(REFUSED);

    const iframe = new WebFrameMain(t.win.webContents.mainFrame.url, t.win.webContents.mainFrame);
    expect(await ipcMain.invoke('bot.start', { sender: t.win.webContents, senderFrame: iframe })).toEqual(REFUSED);

    expect(await ipcMain.invoke('app.info', { sender: t.win.webContents, senderFrame: null })).toEqual(REFUSED);

    t.win.webContents.mainFrame.url = 'https://evil.example/index.html';
    expect(await ipcMain.invoke('app.info', fromOurWindow())).toEqual(REFUSED);
    t.win.webContents.mainFrame.url = 'file:///tmp/other/index.html';
    expect(await ipcMain.invoke('app.info', fromOurWindow())).toEqual(REFUSED);

    expect(dispatch).not.toHaveBeenCalled();
    expect(t.started.shell.core.settings.view().guildId).toBe('');
    expect(REFUSED).toEqual({ ok: false, error: { code: 'invalid-input', message: "Refused: not the app's own window." } });
  });
});

describe('our renderer URL', () => {
  it('built panel: only that index.html over file://, any query or hash', () => {
    const built = rendererLocation('/opt/dm/.vite/build');
    expect(built).toMatchObject({ kind: 'file', url: 'file:///opt/dm/.vite/renderer/main_window/index.html' });
    expect(isRendererUrl(built, 'file:///opt/dm/.vite/renderer/main_window/index.html#/settings')).toBe(true);
    expect(isRendererUrl(built, 'file:///opt/dm/.vite/renderer/main_window/other.html')).toBe(false);
    expect(isRendererUrl(built, 'http://localhost:5173/')).toBe(false);
    expect(isRendererUrl(built, 'not a url')).toBe(false);
  });

  it('Vite dev server: its origin only', () => {
    const dev = rendererLocation('/opt/dm/.vite/build', 'http://localhost:5173');
    expect(isRendererUrl(dev, 'http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isRendererUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isRendererUrl(dev, 'file:///opt/dm/.vite/renderer/main_window/index.html')).toBe(false);
  });
});

describe('IPC events', () => {
  it('forwards core events on the single "event" channel to our window only, as JSON text frames', async () => {
    const other = new BrowserWindow({ show: false });
    t.win.webContents.send.mockClear();
    // The reply comes after the events the command emitted (ipc-live.test.ts): they have been sent.
    await ipcMain.invoke('settings.save', fromOurWindow(), { guildId: '123456789012345678' });
    const events = t.win.webContents.send.mock.calls.flatMap(([channel, text]: unknown[]) => {
      expect(channel).toBe('event');
      const frame = JSON.parse(text as string) as ServerFrame;
      return frame.type === 'batch' ? frame.frames : frame.type === 'event' ? [frame] : [];
    });
    expect(events).toContainEqual({ type: 'event', event: 'settings.changed', payload: expect.objectContaining({ guildId: '123456789012345678' }) });
    expect(events).toContainEqual({ type: 'event', event: 'bot.status', payload: expect.objectContaining({ state: 'not-configured' }) });
    expect(other.webContents.send).not.toHaveBeenCalled();
  });
});

describe('page security', () => {
  it('sends the headless CSP on every response', () => {
    const listener = session.defaultSession.headersListener!;
    const callback = vi.fn();
    listener({ url: 'file:///x/index.html', responseHeaders: { 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CSP] } });
  });

  it('blocks navigation away from the panel and opens https links in the browser only', () => {
    expect(t.win.webContents.navigate('https://evil.example/')).toBe(true);
    expect(t.win.webContents.navigate(t.win.webContents.getURL())).toBe(false);
    const open = t.win.webContents.windowOpenHandler!;
    expect(open({ url: 'https://discord.com/developers/applications' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://discord.com/developers/applications');
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies every permission request and check', () => {
    const granted = vi.fn();
    session.defaultSession.permissionRequestHandler!(t.win.webContents, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(session.defaultSession.permissionCheckHandler!(t.win.webContents, 'notifications')).toBe(false);
  });
});

describe('IPC command rate', () => {
  it('answers a flood from the window with rate-limited errors, the same budget as a headless panel', async () => {
    const { COMMAND_RATE } = await import('../../shared/limits.js');
    const replies = await Promise.all(
      Array.from({ length: COMMAND_RATE.burst * 4 }, () => ipcMain.invoke('bot.status', fromOurWindow()) as Promise<{ ok: boolean; error?: { code: string } }>),
    );
    const limited = replies.filter((r) => !r.ok && r.error?.code === 'rate-limited').length;
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(COMMAND_RATE.burst);
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThanOrEqual(COMMAND_RATE.burst * 3);
  });
});
