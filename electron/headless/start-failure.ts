// What a failed start says and its exit code. 2 is a setting the app cannot start with (restarting
// changes nothing: the systemd unit does not restart it); 1 anything else.
import { userInfo } from 'node:os';

export function startFailure(err: unknown): { message: string; code: 1 | 2 } {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof Error && 'exitCode' in err && err.exitCode === 2) return { message, code: 2 };
  // A data folder this user may not use: a service's `user=` without its HOME (supervisord keeps root's)
  // looked for /root/.config and exited 1, restarted until the manager gave up (outside review).
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') {
    const who = (() => {
      try {
        return `user ${userInfo().username}`;
      } catch {
        return `uid ${process.getuid?.() ?? '?'}`;
      }
    })();
    return {
      code: 2,
      message: `${message}. The data folder cannot be used by ${who} (permission denied). Point it at a folder this user owns: --data-dir, DISCORD_MONITOR_DATA_DIR, or the HOME a service manager gives the user (supervisord: environment=HOME="/home/…").`,
    };
  }
  return { message, code: 1 };
}
