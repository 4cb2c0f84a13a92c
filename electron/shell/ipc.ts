// Commands in, events out, over Electron IPC. Every command is checked to come from our own
// window showing our own page: a stray webContents (or a page navigated elsewhere) gets nothing.
// Events go framed and paced as to a browser panel (core/live/event-frames.ts): the renderer shares
// the machine with the bot, and a burst sent one by one cost it as much CPU as the app.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../shared/api.js';
import { commandNames } from '../../shared/contract.js';
import { COMMAND_RATE } from '../../shared/limits.js';
import { rateLimited, TokenBucket } from '../core/token-bucket.js';
import type { Core } from '../core/app-core.js';
import { EventFrames } from '../core/live/event-frames.js';
import type { PanelWindow } from './panel-window.js';
import { isRendererUrl, type RendererLocation } from './renderer-location.js';

/** The single channel events travel on, one JSON text (an event or a batch frame) a send; the preload splits it by event name. */
export const EVENT_CHANNEL = 'event';
/** The preload's word that a page (re)loaded: it reads the store itself, so what its window was counted before is dropped. */
export const PAGE_READY_CHANNEL = 'event.page-ready';

export const REFUSED: Envelope = { ok: false, error: { code: 'invalid-input', message: "Refused: not the app's own window." } };

export function setupIpc(core: Core, panel: PanelWindow, renderer: RendererLocation): () => void {
  // One budget for the window, like one per headless connection: a runaway page cannot storm the core.
  const bucket = new TokenBucket(COMMAND_RATE);
  // No acknowledgements over IPC (never `behind`), but a flood is still paced.
  const frames = new EventFrames(core.bus);
  const sink = { sendText: (text: string) => panel.send(EVENT_CHANNEL, text) };
  let removeSink = frames.add(sink);
  // A new page lists the store itself: like a new browser socket it starts with no run (no notice counting earlier messages).
  const pageReady = (event: IpcMainEvent) => {
    if (!isOwnPanel(event, panel, renderer)) return;
    removeSink();
    removeSink = frames.add(sink);
  };
  ipcMain.on(PAGE_READY_CHANNEL, pageReady);
  const answer = async (name: string, event: IpcMainInvokeEvent, arg: unknown): Promise<Envelope> => {
    if (isOwnPanel(event, panel, renderer)) return bucket.take() ? core.dispatch(name, arg) : rateLimited(COMMAND_RATE);
    core.log.logger.warn(`Refused ${name} from ${event.senderFrame?.url ?? 'a closed frame'}: not the app's own window.`);
    return REFUSED;
  };
  for (const name of commandNames) {
    ipcMain.handle(name, async (event, arg: unknown) => {
      const reply = await answer(name, event, arg);
      // Events emitted before this reply go first (the panel may rely on their order).
      frames.flush();
      return reply;
    });
  }
  return () => {
    ipcMain.off(PAGE_READY_CHANNEL, pageReady);
    frames.close();
    for (const name of commandNames) ipcMain.removeHandler(name);
  };
}

/** The sender is our window's top frame, and that frame shows our panel. */
export function isOwnPanel(event: IpcMainInvokeEvent | IpcMainEvent, panel: PanelWindow, renderer: RendererLocation): boolean {
  const win = panel.window;
  const frame = event.senderFrame;
  if (!win || !frame) return false;
  return event.sender === win.webContents && frame.parent === null && isRendererUrl(renderer, frame.url);
}
