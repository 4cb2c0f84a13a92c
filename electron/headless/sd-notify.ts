// systemd Type=notify: tells the manager we are ready — and, after a handover, that the main PID is
// now ours (NotifyAccess=all lets the successor send it while the old main process still runs).
// Node has no datagram unix sockets, so this runs systemd's own `systemd-notify`, which ships with
// systemd wherever NOTIFY_SOCKET is set; `--pid` makes it send MAINPID=<our pid>.
import { execFile } from 'node:child_process';
import { withoutSecrets } from '../core/update/child-env.js';
import type { Logger } from 'pino';
import { coreText, type I18nText } from '../../shared/core-text.js';

/** What to log: success is plumbing (debug, log file only); a failure is the operator's to fix. */
export type NotifyResult = { level: 'debug'; text: string } | { level: 'warn'; text: string; i18n: I18nText };

export function logNotify(logger: Logger, said: NotifyResult | null): void {
  if (said?.level === 'debug') logger.debug(said.text);
  else if (said) logger.warn({ i18n: said.i18n }, said.text);
}

export type NotifyRunner = (file: string, args: string[], env: NodeJS.ProcessEnv) => Promise<void>;

const runFile: NotifyRunner = (file, args, env) =>
  new Promise((resolve, reject) => {
    const child = execFile(file, args, { env: withoutSecrets(env), timeout: 5000 }, (err, _out, stderr) =>
      err ? reject(new Error(stderr.trim() || err.message)) : resolve(),
    );
    child.on('error', () => undefined); // reported through the callback
  });

/**
 * Sends `MAINPID=<pid>` + `READY=1` when NOTIFY_SOCKET is set. Returns what it did, for the log;
 * never throws (a unit without Type=notify simply has no NOTIFY_SOCKET).
 */
export async function notifyReady(env: NodeJS.ProcessEnv, pid = process.pid, run: NotifyRunner = runFile): Promise<NotifyResult | null> {
  if (!env.NOTIFY_SOCKET) return null;
  try {
    await run('systemd-notify', [`--pid=${pid}`, 'READY=1'], env);
    return { level: 'debug', text: `Told systemd the service is ready (main PID ${pid}).` };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const sentence = coreText('log.systemdNotifyFailed', { detail: why });
    return { level: 'warn', text: sentence.text, i18n: sentence.i18n };
  }
}
