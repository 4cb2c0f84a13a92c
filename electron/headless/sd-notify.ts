// systemd Type=notify: tells the manager we are ready — and, after a handover, that the main PID is
// now ours (NotifyAccess=all lets the successor send it while the old main process still runs).
// Node has no datagram unix sockets, so this runs systemd's own `systemd-notify`, which ships with
// systemd wherever NOTIFY_SOCKET is set; `--pid` makes it send MAINPID=<our pid>.
import { execFile } from 'node:child_process';

export type NotifyRunner = (file: string, args: string[], env: NodeJS.ProcessEnv) => Promise<void>;

const runFile: NotifyRunner = (file, args, env) =>
  new Promise((resolve, reject) => {
    const child = execFile(file, args, { env, timeout: 5000 }, (err, _out, stderr) =>
      err ? reject(new Error(stderr.trim() || err.message)) : resolve(),
    );
    child.on('error', () => undefined); // reported through the callback
  });

/**
 * Sends `MAINPID=<pid>` + `READY=1` when NOTIFY_SOCKET is set. Returns what it did, for the log;
 * never throws (a unit without Type=notify simply has no NOTIFY_SOCKET).
 */
export async function notifyReady(env: NodeJS.ProcessEnv, pid = process.pid, run: NotifyRunner = runFile): Promise<string | null> {
  if (!env.NOTIFY_SOCKET) return null;
  try {
    await run('systemd-notify', [`--pid=${pid}`, 'READY=1'], env);
    return `Told systemd the service is ready (main PID ${pid}).`;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return `Could not tell systemd the service is ready (${why}): install systemd's systemd-notify, or use Type=simple in the unit.`;
  }
}
