// The desktop window gets core events as browser panels do (electron/core/live/event-frames.ts): the
// events of one event-loop turn in one IPC send, and a flood paced (counted, with a notice and the
// newest) — sent one by one, a 10,000-message burst cost the renderer as much CPU as the app on the same
// two cores. A command's reply never overtakes the events emitted before it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventFrame, ServerFrame } from '../../shared/ws-protocol.js';
import { fromWire } from '../../shared/live-wire.js';
import type { MessagesSkipped } from '../../shared/live-flow.js';
import type { ChatMessage } from '../../shared/types.js';
import type { Core } from '../../electron/core/app-core.js';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { PACE_BURST, PACE_INTERVAL_MS, PACE_QUIET_MS, PACE_WINDOW_MS } from '../../electron/core/live/panel-pace.js';
import { setupIpc } from '../../electron/shell/ipc.js';
import type { PanelWindow } from '../../electron/shell/panel-window.js';
import { rendererLocation } from '../../electron/shell/renderer-location.js';
import { chatMessage, until } from '../helpers/store-fixtures.js';
import { accountedFor } from '../headless/live-accounting.js';
import { ipcMain, resetElectronMock } from './electron-mock.js';
import { usePaintedWindow } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

let n = 0;
const message = () => chatMessage(++n, {}, 700000000000000000n);

describe('the desktop window over IPC (real core, mocked Electron)', () => {
  const t = usePaintedWindow();
  beforeEach(() => t.win.webContents.send.mockClear());

  const fromOurWindow = () => ({ sender: t.win.webContents, senderFrame: t.win.webContents.mainFrame });

  /** Each IPC send on the event channel, parsed: one text argument holding an event or a batch frame. */
  function sends(): EventFrame[][] {
    return t.win.webContents.send.mock.calls
      .filter((call) => call[0] === 'event')
      .map((call) => {
        expect(call).toHaveLength(2);
        expect(typeof call[1]).toBe('string');
        const frame = JSON.parse(call[1] as string) as ServerFrame;
        if (frame.type === 'batch') return frame.frames;
        expect(frame.type).toBe('event');
        return [frame as EventFrame];
      });
  }

  const isMessage = (e: EventFrame) => e.event === 'message.created' || e.event === 'message.skipped';
  const messageEvents = () => sends().flat().filter(isMessage);
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('a 10,000-message burst reaches the window as a handful of IPC sends, every message sent or counted once, the newest last', async () => {
    const burst = Array.from({ length: 10_000 }, message);
    const ids = burst.map((m) => m.id);
    const bus = t.started.shell.core.bus;
    // As the message sink emits a burst: slices of 250 per event-loop turn. Gaps of PACE_QUIET_MS between
    // turns (a slow machine) each make a notice due, so they are counted.
    const start = performance.now();
    let pauses = 0;
    for (let i = 0, before = start; i < burst.length; i += 250) {
      for (const m of burst.slice(i, i + 250)) bus.emit('message.created', m);
      await nextTurn();
      if (performance.now() - before >= PACE_QUIET_MS) pauses++;
      before = performance.now();
    }
    const elapsed = performance.now() - start;
    const last = () => messageEvents().at(-1);
    await until(() => (last()?.payload as MessagesSkipped | undefined)?.lastId === ids.at(-1), "the burst's newest on the window", 20_000, 5);
    const notices = accountedFor(messageEvents(), ids);
    // Only notices (one by one it was 10,000 sends): at most one per interval, one per pause, and the last.
    const withMessages = sends().filter((s) => s.some(isMessage));
    expect(messageEvents().filter((e) => e.event === 'message.created')).toEqual([]);
    expect(withMessages.length).toBe(notices.length);
    expect(notices.length).toBeLessThanOrEqual(Math.ceil(elapsed / PACE_INTERVAL_MS) + 1 + pauses);
    // The page makes them whole again (shared/live-wire.ts): the newest are the burst's last messages.
    const newest = (fromWire('message.skipped', notices.at(-1)) as MessagesSkipped).newest;
    expect(newest.at(-1)).toEqual(burst.at(-1));
  });

  it('a trickle (slower than a burst) still arrives one by one, each message in its own send', async () => {
    const bus = t.started.shell.core.bus;
    const sent: ChatMessage[] = [];
    for (let i = 0; i < 3 * (PACE_BURST - 1); i++) {
      if (i % (PACE_BURST - 1) === 0) await new Promise((resolve) => setTimeout(resolve, PACE_WINDOW_MS + 5));
      sent.push(message());
      bus.emit('message.created', sent.at(-1)!);
      await nextTurn();
    }
    await until(() => messageEvents().length >= sent.length, 'every message of the trickle');
    // One message a send (another event of the same turn may share it: the real core logs, e.g. on a loaded machine).
    const together = sends().filter((s) => s.filter(isMessage).length > 1);
    expect(together.map((s) => s.map((e) => e.event)), 'sends with more than one message').toEqual([]);
    expect(messageEvents().map((e) => e.event)).toEqual(sent.map(() => 'message.created'));
    expect(messageEvents().map((e) => fromWire(e.event, e.payload))).toEqual(sent);
  });

  it("a command's reply is never returned before the events emitted before it were sent", async () => {
    const m = message();
    t.started.shell.core.bus.emit('message.created', m);
    // What the window had been sent when the reply came back.
    const seen = () => sends().flat();
    const before = await ipcMain.invoke('bot.status', fromOurWindow()).then(seen);
    expect(before.filter(isMessage).map((e) => fromWire(e.event, e.payload))).toEqual([m]);

    // Events the command itself emits (settings.changed) go before its reply too.
    t.win.webContents.send.mockClear();
    let reply: unknown;
    const during = await ipcMain.invoke('settings.save', fromOurWindow(), { guildId: '123456789012345678' }).then((r) => ((reply = r), seen()));
    expect(reply).toMatchObject({ ok: true });
    expect(during.find((e) => e.event === 'settings.changed')?.payload).toMatchObject({ guildId: '123456789012345678' });
  });
});

describe("setupIpc's cleanup", () => {
  beforeEach(() => {
    resetElectronMock();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
  });
  afterEach(() => void vi.useRealTimers());

  it('mid-burst: no handler, pace timer or pending flush is left, and the window is sent nothing more', () => {
    const bus = new EventBus(new Redactor());
    const core = { bus, dispatch: vi.fn(), log: { logger: { warn: vi.fn() } } } as unknown as Core;
    const panel = { send: vi.fn() } as unknown as PanelWindow & { send: ReturnType<typeof vi.fn> };
    const stop = setupIpc(core, panel, rendererLocation('/opt/dm/.vite/build'));
    const emit = (k: number) => Array.from({ length: k }, message).forEach((m) => bus.emit('message.created', m));
    emit(PACE_BURST + 1);
    vi.advanceTimersByTime(0);
    emit(5);
    // The burst is paced: its notice waits on a timer, the last five on the next turn.
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(ipcMain.handlers.size).toBe(0);
    const before = panel.send.mock.calls.length;
    emit(PACE_BURST + 1);
    vi.advanceTimersByTime(10 * PACE_INTERVAL_MS);
    expect(panel.send.mock.calls.length).toBe(before);
  });
});
