// The shell's own switches. Not parseArgs(strict): Electron and Chromium put their own switches
// (and, when run from a checkout, the app folder) in argv, and those must not be rejected.

export interface ShellArgs {
  /** Start in the tray without a window (login item). */
  hidden: boolean;
  /** Started by our own relaunch: the previous process may still hold the single-instance lock. */
  relaunched: boolean;
}

export const HIDDEN = '--hidden';
export const RELAUNCHED = '--relaunched';

export function parseShellArgs(argv: readonly string[]): ShellArgs {
  return { hidden: argv.includes(HIDDEN), relaunched: argv.includes(RELAUNCHED) };
}
