// The one stand-in for the `electron` module, used by every shell test through
// vi.mock('electron', () => import('./electron-mock.js')). Electron's binary cannot run here, so
// this mimics the parts the shell uses, with the behaviours the shell relies on (close can be
// prevented, a prevented close cancels a quit, ready-to-show comes after loading, one IPC handler
// per channel). `mock` holds the state tests set and inspect; resetElectronMock() starts afresh.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
const preventable = <T extends object>(extra?: T): PreventableEvent & T =>
  Object.assign(
    {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    },
    extra,
  );

type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

function freshState() {
  return {
    paths: { userData: '/nonexistent/userData', logs: '/nonexistent/logs', home: '/nonexistent/home' } as Record<string, string>,
    appPath: '/nonexistent/app',
    /** What app.getLocale() answers (the system's language, as Chromium reports it). */
    locale: 'en-US',
    isPackaged: false,
    /** requestSingleInstanceLock() answers this (a function so tests can free the lock later). */
    lockAvailable: (): boolean => true,
    lockRequests: 0,
    quitRequests: 0,
    /** True once a quit went through (not prevented, no window refused to close). */
    quitted: false,
    exitCode: null as number | null,
    relaunches: [] as Array<{ args?: string[]; execPath?: string }>,
    loginItem: { openAtLogin: false, wasOpenedAtLogin: false },
    /** ready-to-show follows loadFile/loadURL on the next turn, as after a first paint. */
    autoReadyToShow: true,
    safe: {
      backend: 'gnome_libsecret' as Backend,
      available: true,
      /** isAsyncEncryptionAvailable() answers false this many times first (a keyring unlocking at login). */
      unavailableAnswers: 0,
      /** decryptStringAsync() throws this many times first. */
      decryptFailures: 0,
      shouldReEncrypt: false,
    },
    notifications: [] as Array<{ title?: string; body?: string }>,
    exposed: new Map<string, unknown>(),
  };
}

export const mock = { state: freshState() };

// ── app ──────────────────────────────────────────────────────────────────────

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

// ── windows and web contents ─────────────────────────────────────────────────

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

// ── tray and menus ───────────────────────────────────────────────────────────

export interface NativeImage {
  path: string;
  isEmpty(): boolean;
}
export const nativeImage = {
  createFromPath: vi.fn((path: string): NativeImage => ({ path, isEmpty: () => false })),
};

export interface MenuItemOptions {
  label?: string;
  type?: string;
  enabled?: boolean;
  checked?: boolean;
  click?: (item: MenuItemOptions) => void;
}
export class MockMenu {
  constructor(readonly items: MenuItemOptions[]) {}
  /** Test helper: the item with this label, or an error naming the labels there are. */
  item(label: string): MenuItemOptions {
    const found = this.items.find((i) => i.label === label);
    if (!found) throw new Error(`no menu item "${label}" in [${this.items.map((i) => i.label ?? `(${i.type})`).join(', ')}]`);
    return found;
  }
  /** Test helper: clicks as Electron does (a checkbox flips before its click handler runs). */
  click(label: string): void {
    const item = this.item(label);
    if (item.enabled === false) throw new Error(`menu item "${label}" is disabled`);
    if (item.type === 'checkbox') item.checked = !item.checked;
    item.click?.(item);
  }
}
export const Menu = {
  buildFromTemplate: vi.fn((template: MenuItemOptions[]) => new MockMenu(template.map((i) => ({ ...i })))),
  setApplicationMenu: vi.fn(),
};

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  image: NativeImage | string;
  images: string[] = [];
  tooltip = '';
  menu: MockMenu | null = null;
  readonly setContextMenu = vi.fn((menu: MockMenu) => {
    this.menu = menu;
  });
  constructor(image: NativeImage | string) {
    super();
    this.image = image;
    this.images.push(typeof image === 'string' ? image : image.path);
    Tray.instances.push(this);
  }
  setImage(image: NativeImage | string): void {
    this.image = image;
    this.images.push(typeof image === 'string' ? image : image.path);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  get imagePath(): string {
    return typeof this.image === 'string' ? this.image : this.image.path;
  }
  destroy(): void {}
}

export class Notification {
  static isSupported = vi.fn(() => true);
  constructor(private readonly options: { title?: string; body?: string } = {}) {}
  show(): void {
    mock.state.notifications.push(this.options);
  }
}

// ── IPC and preload ──────────────────────────────────────────────────────────

type Handler = (event: unknown, ...args: unknown[]) => unknown;
class IpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    // Electron throws too: a second handler for one channel is a bug.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test helper: what ipcRenderer.invoke(channel, arg) from `sender` would receive. */
  async invoke(channel: string, sender: { sender: WebContents; senderFrame: WebFrameMain | null }, arg?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(sender, arg);
  }
}
export const ipcMain = new IpcMain();

class IpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (_channel: string, _arg?: unknown): Promise<unknown> => ({ ok: true, value: null }));
  readonly send = vi.fn();
  readonly sendSync = vi.fn();
}
export const ipcRenderer = new IpcRenderer();

export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    mock.state.exposed.set(key, api);
  }),
};

// ── safeStorage: a reversible scramble standing in for the keyring ──────────

const MAGIC = Buffer.from('mock-v10:');
const scramble = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
export const safeStorage = {
  getSelectedStorageBackend: vi.fn(() => mock.state.safe.backend),
  isAsyncEncryptionAvailable: vi.fn(async () => {
    if (mock.state.safe.unavailableAnswers > 0) {
      mock.state.safe.unavailableAnswers--;
      return false;
    }
    return mock.state.safe.available;
  }),
  isEncryptionAvailable: vi.fn(() => mock.state.safe.available),
  encryptStringAsync: vi.fn(async (text: string) => Buffer.concat([MAGIC, scramble(Buffer.from(text, 'utf8'))])),
  decryptStringAsync: vi.fn(async (data: Buffer) => {
    if (mock.state.safe.decryptFailures > 0) {
      mock.state.safe.decryptFailures--;
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    if (!data.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('Ciphertext is not from this keyring.');
    return { result: scramble(data.subarray(MAGIC.length)).toString('utf8'), shouldReEncrypt: mock.state.safe.shouldReEncrypt };
  }),
};

// ── session, shell, dialog ───────────────────────────────────────────────────

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;
export const session = {
  defaultSession: {
    headersListener: null as HeadersListener | null,
    permissionRequestHandler: null as ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
    permissionCheckHandler: null as ((wc: unknown, permission: string) => boolean) | null,
    webRequest: {
      onHeadersReceived: vi.fn((listener: HeadersListener) => {
        session.defaultSession.headersListener = listener;
      }),
    },
    setPermissionRequestHandler: vi.fn((handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void) => {
      session.defaultSession.permissionRequestHandler = handler;
    }),
    setPermissionCheckHandler: vi.fn((handler: (wc: unknown, permission: string) => boolean) => {
      session.defaultSession.permissionCheckHandler = handler;
    }),
  },
};

export const shell = {
  openPath: vi.fn(async (_path: string) => ''),
  openExternal: vi.fn(async (_url: string) => undefined),
};

export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async (_options: unknown) => ({ response: 0 })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: undefined as string | undefined })),
};

// ── reset ────────────────────────────────────────────────────────────────────

/** Fresh state, listeners and call records. Also resets every vi.fn/spyOn in the test file (vi.resetAllMocks). */
export function resetElectronMock(): void {
  mock.state = freshState();
  app.removeAllListeners();
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  BrowserWindow.instances = [];
  Tray.instances = [];
  session.defaultSession.headersListener = null;
  session.defaultSession.permissionRequestHandler = null;
  session.defaultSession.permissionCheckHandler = null;
  vi.resetAllMocks();
}
