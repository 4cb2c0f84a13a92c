// Review of the desktop event framing (ipc.ts): the window's one sink outlives its page. A page that
// (re)loads mid-burst (a reload, or the window opened from the tray during a hidden start's catch-up)
// lists the store itself; it must not then get a notice counting messages emitted before it loaded,
// which a browser panel (a new socket, a new sink) never gets, and which its footer adds as "received".
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { EventFrame, ServerFrame } from '../../shared/ws-protocol.js';
import type { MessagesSkipped } from '../../shared/live-flow.js';
import type { Core } from '../../electron/core/app-core.js';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { PACE_BURST, PACE_INTERVAL_MS } from '../../electron/core/live/panel-pace.js';
import { PAGE_READY_CHANNEL, setupIpc } from '../../electron/shell/ipc.js';
import type { PanelWindow } from '../../electron/shell/panel-window.js';
import { rendererLocation } from '../../electron/shell/renderer-location.js';
import { chatMessage } from '../helpers/store-fixtures.js';
import { ipcMain, resetElectronMock, WebContents, WebFrameMain } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

let n = 0;
const message = () => chatMessage(++n, {}, 710000000000000000n);
const renderer = rendererLocation('/opt/dm/.vite/build');

beforeEach(() => {
  resetElectronMock();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
});
afterEach(() => void vi.useRealTimers());

function world() {
  const bus = new EventBus(new Redactor());
  const core = { bus, dispatch: vi.fn(), log: { logger: { warn: vi.fn() } } } as unknown as Core;
  const webContents = new WebContents();
  webContents.mainFrame.url = renderer.url;
  const panel = { window: { webContents }, send: vi.fn() } as unknown as PanelWindow & { send: ReturnType<typeof vi.fn> };
  const stop = setupIpc(core, panel, renderer);
  const emit = (k: number) => Array.from({ length: k }, message).map((m) => (bus.emit('message.created', m), m.id));
  /** Message events sent from call `from` on, unpacked from their frames. */
  const sentFrom = (from: number): EventFrame[] =>
    panel.send.mock.calls.slice(from).flatMap((call) => {
      const frame = JSON.parse(call[1] as string) as ServerFrame;
      return (frame.type === 'batch' ? frame.frames : [frame as EventFrame]).filter((e) => e.event.startsWith('message.'));
    });
  return { panel, webContents, stop, emit, sentFrom };
}

it('a page loaded mid-burst is told only of messages emitted after it loaded', () => {
  const w = world();
  w.emit(PACE_BURST + 1);
  vi.advanceTimersByTime(0);
  w.emit(PACE_BURST + 1);
  vi.advanceTimersByTime(0);
  // The page reloads: its preload says so, then it lists the store (which has every message so far).
  const from = w.panel.send.mock.calls.length;
  ipcMain.emit(PAGE_READY_CHANNEL, { sender: w.webContents, senderFrame: w.webContents.mainFrame });
  const after = w.emit(3);
  vi.advanceTimersByTime(10 * PACE_INTERVAL_MS);
  const events = w.sentFrom(from);
  const created = events.filter((e) => e.event === 'message.created').map((e) => (e.payload as { id: string }).id);
  const notices = events.filter((e) => e.event === 'message.skipped').map((e) => e.payload as MessagesSkipped);
  expect(created.length + notices.reduce((sum, x) => sum + x.count, 0)).toBe(after.length);
  for (const x of notices) expect(after).toContain(x.firstId);
  w.stop();
});

it('a stray page saying it loaded changes nothing for ours', () => {
  const w = world();
  w.emit(PACE_BURST + 1);
  vi.advanceTimersByTime(0);
  const ids = w.emit(2);
  const stray = new WebContents();
  stray.mainFrame.url = 'https://example.com/';
  ipcMain.emit(PAGE_READY_CHANNEL, { sender: stray, senderFrame: stray.mainFrame });
  // Our own window, but a subframe: not our page either.
  ipcMain.emit(PAGE_READY_CHANNEL, { sender: w.webContents, senderFrame: new WebFrameMain(renderer.url, w.webContents.mainFrame) });
  vi.advanceTimersByTime(10 * PACE_INTERVAL_MS);
  const notices = w.sentFrom(0).filter((e) => e.event === 'message.skipped').map((e) => e.payload as MessagesSkipped);
  // The run begun before the stray message still ends with the burst's newest.
  expect(notices.at(-1)?.lastId).toBe(ids.at(-1));
  expect(notices.reduce((sum, x) => sum + x.count, 0)).toBe(PACE_BURST + 3);
  w.stop();
  expect(ipcMain.listenerCount(PAGE_READY_CHANNEL)).toBe(0);
});
