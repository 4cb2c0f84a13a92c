// The panel window: created on first show (a --hidden start creates none), shown only once painted
// (no white flash), and closing it hides it to the tray while the bot keeps running.
import { BrowserWindow, Notification } from 'electron';
import { shellLanguage, shellText } from './shell-text.js';
import type { Logger } from 'pino';
import type { RendererLocation } from './renderer-location.js';
import type { ShellFlags } from './shell-flags.js';
import type { Bounds } from './window-state.js';

export interface PanelWindowOptions {
  renderer: RendererLocation;
  preload: string;
  icon: string;
  flags: ShellFlags;
  logger: Logger;
  /** True once the app is quitting: then a close really closes. */
  isQuitting(): boolean;
  /** Where the window was before an update's relaunch; default size otherwise. */
  bounds?: Bounds | null;
}

/** The one-time notice when the window is closed, in the shell's language (CLOSE_NOTICE: the English). */
export const closeNotice = (language = shellLanguage()) => ({ title: shellText('closeTitle', {}, language), body: shellText('closeBody', {}, language) });
export const CLOSE_NOTICE = closeNotice('en');

/** Reloads of a crashed page allowed within a minute. */
const MAX_RELOADS_A_MINUTE = 3;

export class PanelWindow {
  /** When the page's renderer last stopped, within the last minute. */
  private crashes: number[] = [];
  private win: BrowserWindow | null = null;
  private painted = false;
  private markShown!: () => void;
  /** Resolves after the first paint: background work waits for it so launch feels instant. */
  readonly firstShown = new Promise<void>((resolve) => (this.markShown = resolve));

  constructor(private readonly o: PanelWindowOptions) {}

  /** The live window, or null before the first show and after the app closed it. */
  get window(): BrowserWindow | null {
    return this.win && !this.win.isDestroyed() ? this.win : null;
  }

  show(): void {
    const win = this.window ?? this.create();
    if (!this.painted) return; // ready-to-show will show it
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  /** Position, size and visibility now, for the relaunch after an update. */
  state(): { bounds: Bounds | null; visible: boolean } {
    const win = this.window;
    return { bounds: win ? win.getBounds() : null, visible: win ? win.isVisible() : false };
  }

  /** Sends to our window only; nothing when there is none (hidden start). */
  send(channel: string, ...args: unknown[]): void {
    this.window?.webContents.send(channel, ...args);
  }

  private create(): BrowserWindow {
    this.painted = false;
    const win = new BrowserWindow({
      show: false,
      ...(this.o.bounds ?? { width: 1100, height: 760 }),
      minWidth: 640,
      minHeight: 420,
      title: 'Discord Monitor',
      icon: this.o.icon,
      autoHideMenuBar: true,
      webPreferences: {
        preload: this.o.preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        // Middle-click would open links in new windows behind the window-open handler's back.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    win.once('ready-to-show', () => {
      this.painted = true;
      win.show();
      win.focus();
      this.markShown();
    });
    win.on('close', (event) => {
      if (this.o.isQuitting()) return;
      event.preventDefault();
      win.hide();
      this.o.flags.once(
        'closeToTrayNoticeShown',
        () => {
          if (Notification.isSupported()) new Notification(closeNotice()).show();
        },
        (err) => this.o.logger.warn(`Could not remember that the close-to-tray notice was shown (${String(err)}): it may show again.`),
      );
    });
    win.on('closed', () => {
      if (this.win === win) this.win = null;
    });
    // A renderer that crashed (or was killed: out of memory) left a blank window until the app restarted;
    // the bot and the core run on. It is reloaded, a few times a minute at most, so a page that crashes
    // at once does not reload forever.
    win.webContents.on('render-process-gone', (_event, details: { reason: string; exitCode?: number }) => {
      if (details.reason === 'clean-exit' || this.o.isQuitting() || win.isDestroyed()) return;
      const now = Date.now();
      this.crashes = this.crashes.filter((t) => now - t < 60_000).concat(now);
      if (this.crashes.length > MAX_RELOADS_A_MINUTE) {
        this.o.logger.error(`The panel's page keeps stopping (${details.reason}): not reloaded again: restart the app to get the panel back (the bot runs on).`);
        return;
      }
      this.o.logger.error(`The panel's page stopped (${details.reason}, exit code ${details.exitCode ?? '?'}): reloading it. The bot was not affected.`);
      win.webContents.reload();
    });
    this.win = win;
    const loaded = this.o.renderer.kind === 'file' ? win.loadFile(this.o.renderer.file) : win.loadURL(this.o.renderer.url);
    loaded.catch((err: unknown) => {
      this.o.logger.error(`The panel did not load from ${this.o.renderer.url}: ${String(err)}. Run \`npm run build\` if it is missing.`);
    });
    return win;
  }
}
