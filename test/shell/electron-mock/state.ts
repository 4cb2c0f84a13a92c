// The mock's state that tests set and inspect (`mock.state`), and Electron's preventable events.

export interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
export const preventable = <T extends object>(extra?: T): PreventableEvent & T =>
  Object.assign(
    {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    },
    extra,
  );

export type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export function freshState() {
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
