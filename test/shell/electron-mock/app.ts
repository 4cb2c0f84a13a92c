// `app` and its windows: lifecycle (a quit that a before-quit or a refusing window cancels), paths, login
// item, relaunch; BrowserWindow and its WebContents (close can be prevented, ready-to-show after loading).
// One file: a quit closes the windows and a new window announces itself on `app`.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';
import { mock, preventable } from './state.js';

class App extends EventEmitter {
  get isPackaged(): boolean {
    return mock.state.isPackaged;
  }
  requestSingleInstanceLock = vi.fn(() => {
    mock.state.lockRequests++;
    return mock.state.lockAvailable();
  });
  whenReady = vi.fn(() => Promise.resolve());
  getLocale = vi.fn(() => mock.state.locale);
  isReady = vi.fn(() => true);
  getPath = vi.fn((name: string) => {
    const path = mock.state.paths[name];
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  });
  setPath = vi.fn((name: string, path: string) => {
    mock.state.paths[name] = path;
  });
  setAppLogsPath = vi.fn((path?: string) => {
    mock.state.paths.logs = path ?? join(mock.state.paths.userData!, 'logs');
  });
  getAppPath = vi.fn(() => mock.state.appPath);
  getName = vi.fn(() => 'Discord Monitor');
  getVersion = vi.fn(() => '3.0.0');
  getLoginItemSettings = vi.fn((_options?: { path?: string; args?: string[] }) => ({ ...mock.state.loginItem }));
  setLoginItemSettings = vi.fn((settings: { openAtLogin?: boolean }) => {
    mock.state.loginItem.openAtLogin = settings.openAtLogin ?? false;
  });
  relaunch = vi.fn((options?: { args?: string[]; execPath?: string }) => {
    mock.state.relaunches.push(options ?? {});
  });
  exit = vi.fn((code = 0) => {
    mock.state.exitCode = code;
  });
  /** As Electron: before-quit (preventable), then every window is closed; a window refusing cancels the quit. */
  quit = vi.fn(() => {
    mock.state.quitRequests++;
    const event = preventable();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const win of BrowserWindow.getAllWindows()) {
      win.close();
      if (!win.isDestroyed()) return;
    }
    mock.state.quitted = true;
    this.emit('will-quit', preventable());
    this.emit('quit');
  });
}
export const app = new App();

let nextId = 1;

export class WebFrameMain {
  constructor(
    public url: string,
    public parent: WebFrameMain | null = null,
  ) {}
}

export class WebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new WebFrameMain('');
  readonly send = vi.fn();
  readonly reload = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  private destroyed = false;
  getURL(): string {
    return this.mainFrame.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** Test helper: a navigation attempt; returns true when the app prevented it. */
  navigate(url: string): boolean {
    const event = preventable({ url });
    this.emit('will-navigate', event, url);
    return event.defaultPrevented;
  }
}

export interface BrowserWindowOptions {
  show?: boolean;
  icon?: string;
  webPreferences?: Record<string, unknown>;
  [key: string]: unknown;
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.isDestroyed());
  }

  readonly webContents = new WebContents();
  loaded: string | null = null;
  private visible: boolean;
  private bounds: { x: number; y: number; width: number; height: number };
  private minimized = false;
  private destroyed = false;
  readonly focus = vi.fn();

  constructor(readonly options: BrowserWindowOptions = {}) {
    super();
    this.visible = options.show ?? true;
    const n = (v: unknown, d: number) => (typeof v === 'number' ? v : d);
    this.bounds = { x: n(options.x, 0), y: n(options.y, 0), width: n(options.width, 800), height: n(options.height, 600) };
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', preventable(), this.webContents);
  }

  private load(url: string): Promise<void> {
    this.loaded = url;
    this.webContents.mainFrame.url = url;
    if (mock.state.autoReadyToShow) setImmediate(() => !this.destroyed && this.emit('ready-to-show'));
    return Promise.resolve();
  }
  loadFile(file: string): Promise<void> {
    return this.load(pathToFileURL(file).href);
  }
  loadURL(url: string): Promise<void> {
    return this.load(url);
  }
  /** Like Electron on Windows and Linux: show() does not un-minimize; restore() does. */
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<{ x: number; y: number; width: number; height: number }>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** As a click on the window's close button: preventable. */
  close(): void {
    if (this.destroyed) return;
    const event = preventable();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroy();
    this.emit('closed');
  }
}
