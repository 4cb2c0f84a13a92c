// What the core needs from its host (Electron shell or headless entry). Small on purpose.

import type { I18nText } from '../../shared/core-text.js';

/** Where the bot token is kept. Electron: safeStorage; headless: a 0600 file. */
export interface SecretBox {
  /** True when the stored secret is encrypted at rest. */
  readonly encrypted: boolean;
  /** Sentence shown to the user when the secret is not encrypted, else null. */
  readonly warning: string | null;
  /** `warning` by key, for the panel's language (absent: shown in English). */
  readonly warningI18n?: I18nText | null;
  get(): Promise<string | null>;
  set(secret: string): Promise<void>;
  clear(): Promise<void>;
}

export interface AppPaths {
  /** Settings, token, journal, message state. */
  dataDir: string;
  /** Rotating log files. */
  logDir: string;
  /** The app's own folder (the git checkout when run from source); .env is read from here. */
  appDir: string;
}

/** How the process restarts itself after an update (Electron: app.relaunch; headless: detached spawn). */
export interface Relauncher {
  relaunch(extraArgs: string[]): Promise<void>;
}

export interface Notifier {
  notify(title: string, body: string): void;
}

/** Start on login (desktop only: headless mode leaves it to the service manager). */
export interface LoginItemPort {
  isEnabled(): boolean;
  setEnabled(enabled: boolean): void;
}

/** Desktop: asks where to save an export (a native save dialog); null when the user cancels. */
export interface SaveDialogPort {
  /** `name`: the suggested file name; the shell picks the folder. */
  choose(name: string, format: string): Promise<string | null>;
}

/**
 * A new version started beside this one (headless): it loads, opens its stores and gets the panel's
 * socket in standby, and becomes the app only when told, once our gateway session is closed.
 */
export interface HandoverPort {
  /** Starts the new build in standby; resolves once it is ready, rejects saying why it cannot be. */
  standby(log: (line: string) => void, entry?: string): Promise<void>;
  /** Hands the app to the ready standby (this process then stops serving and exits). */
  takeOver(opts: { resumeBot: boolean }): Promise<void>;
  /** Stops a standby that will not take over; no-op when there is none. */
  abort(): Promise<void>;
}
