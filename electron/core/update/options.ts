// Inputs of runUpdate, and the defaults that make a real install work out of the box.
import { readFileSync } from 'node:fs';
import type { Env, ReadFile, RestartSetting } from './restart-method.js';
import type { BotControl, ConfigBackup, Restarter, StepEvent, UpdateCommands } from './types.js';

export interface UpdateTimeouts {
  botStop: number;
  botStart: number;
  config: number;
  /** Local git commands; the timer restarts whenever git prints something. */
  git: number;
  fetch: number;
  install: number;
  build: number;
  selfTest: number;
  /** Until the restarter reports; a service manager usually kills us well before. */
  restart: number;
}

export interface UpdateContext {
  /** The checkout the app runs from; commands run here. */
  appDir: string;
  /** Holds the update journal. */
  dataDir: string;
  /** Update branch: empty → the current branch's upstream; a name → `origin/<name>`. */
  branch?: string;
  /** On: restart through the service manager (or a relaunch). Off: the bot restarts in this process. */
  autoRestartService: boolean;
  restartMethod?: RestartSetting;
  packaged?: boolean;
  bot: BotControl;
  /**
   * When the bot disconnects. 'first' (the original panel's order): before anything else.
   * 'late': it keeps monitoring through fetch/build/self-test and stops right before the restart
   * (or before install-deps when the lockfile changed: node_modules must not change under it);
   * with automatic restart off it never stops. The gateway gap shrinks from the whole update to
   * the restart itself; the awaited close keeps one session per token either way.
   */
  stopBot?: 'first' | 'late';
  config: ConfigBackup;
  restarter: Restarter;
  commands?: Partial<UpdateCommands>;
  /**
   * Build each version into its own `.releases/<commit>` folder and switch to it atomically (default
   * when `commands` is not given: it relies on scripts/build.mjs honouring DM_BUILD_OUT).
   */
  releases?: boolean;
  timeouts?: Partial<UpdateTimeouts>;
  onEvent?: (event: StepEvent) => void;
  /** Inputs of restart-method detection (default: this process's environment and /proc). */
  detect?: { env: Env; readFile: ReadFile };
  /**
   * The new build started beside this process in standby (headless): replaces the self-test command.
   * `start` rejects saying why it cannot run; `abort` stops it when the update goes no further.
   */
  standby?: { start(log: (line: string) => void, entry?: string): Promise<void>; abort(): Promise<void> };
  /** Environment of the install/build/self-test commands (default: this process's). */
  commandEnv?: NodeJS.ProcessEnv;
}

export const DEFAULT_COMMANDS: UpdateCommands = {
  install: ['npm', 'ci'],
  build: ['npm', 'run', 'build'],
  selfTest: ['node', '.vite/build/headless.js', '--self-test'],
};

export const DEFAULT_TIMEOUTS: UpdateTimeouts = {
  botStop: 30_000,
  botStart: 60_000,
  config: 15_000,
  git: 60_000,
  fetch: 120_000,
  install: 15 * 60_000,
  build: 10 * 60_000,
  selfTest: 2 * 60_000,
  restart: 30_000,
};

export const readFileOrNull: ReadFile = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

export const realDetectInputs = (): { env: Env; readFile: ReadFile } => ({ env: process.env, readFile: readFileOrNull });
