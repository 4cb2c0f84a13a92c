// Messages between the running version and its successor in standby (over the spawn's IPC channel).

/** Successor → running version. */
export type FromStandby =
  | { type: 'ready'; pid: number }
  | { type: 'failed'; reason: string }
  /** It serves the panel's socket now; its bot is starting. */
  | { type: 'took-over'; pid: number }
  /** systemd (when it runs us) was told MAINPID=<its pid>: the old process may exit without ending the service. */
  | { type: 'notified' };

/** Running version → successor. */
export type ToStandby =
  /** Our gateway session is closed: serve the panel, identify (if the bot ran), become the app. */
  | { type: 'take-over'; resumeBot: boolean }
  /** The update will not hand over (failed later, or a service manager restarts us): exit quietly. */
  | { type: 'stand-down' };

/** The descriptor number the inherited listening socket gets in the successor (0-2 stdio, 3 IPC). */
export const LISTEN_FD = 4;

/**
 * The successor's first code: imports the new entry and reports a load failure over IPC before exiting,
 * so the running version can say why (its stderr goes to the same terminal or journal, not to us).
 */
export const BOOTSTRAP = [
  "import { pathToFileURL } from 'node:url';",
  'try { await import(pathToFileURL(process.argv[1]).href); }',
  "catch (e) { await new Promise((r) => process.send ? process.send({ type: 'failed', reason: e instanceof Error ? e.message : String(e) }, r) : r()); throw e; }",
].join('\n');

export const isFromStandby = (m: unknown): m is FromStandby =>
  typeof m === 'object' && m !== null && ['ready', 'failed', 'took-over', 'notified'].includes((m as { type?: unknown }).type as string);
