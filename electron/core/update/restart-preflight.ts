// The restart an update ends with, tried before the update starts where it can be without restarting:
// the service manager is asked about our process through the channel the restart will use. A supervisord
// socket closed to the app's user (its default, 0700 root, for a `user=monitor` program) failed only at
// the very end: the new version installed, the app left on the old one. systemd is not probed: whether
// `systemctl restart` is allowed cannot be asked without restarting.
import { execFile } from 'node:child_process';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import { withoutSecrets } from './child-env.js';
import type { RestartPlan } from './restart-method.js';

const PROBE_TIMEOUT_MS = 5_000;

/** The status command that goes where the plan's restart goes; null when there is none to ask. */
export function probeArgv(plan: RestartPlan): string[] | null {
  const argv = plan.argv;
  if (!argv) return null;
  const at = argv.lastIndexOf('restart');
  if (plan.method === 'supervisor' && at > 0) return argv.map((a, i) => (i === at ? 'status' : a));
  if (plan.method === 'pm2' && at > 0) return argv.map((a, i) => (i === at ? 'describe' : a));
  return null;
}

const FIX = { supervisor: 'update.restartFix.supervisor', pm2: 'update.restartFix.pm2' } as const;

/**
 * Null when the plan's restart can be expected to work; else what will stop it and what to change. A
 * supervisorctl `status` exits 3 for a process that is not running: the manager answered, which is what counts.
 */
export function preflightRestart(plan: RestartPlan, env?: NodeJS.ProcessEnv): Promise<CoreSentence | null> {
  if (plan.problem) return Promise.resolve(plan.problem);
  const argv = probeArgv(plan);
  if (!argv) return Promise.resolve(null);
  const [file, ...args] = argv as [string, ...string[]];
  return new Promise((resolve) => {
    execFile(file, args, { env: withoutSecrets(env), timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' }, (err, stdout, stderr) => {
      // A non-zero exit puts the number in `code`; a command that cannot start, its errno name.
      const code = err ? ((err as unknown as { code?: number | string }).code ?? null) : 0;
      if (code === 0 || (plan.method === 'supervisor' && code === 3)) return resolve(null);
      const said = `${stdout}\n${stderr}`.trim().slice(-500) || (err?.message ?? '');
      const fix = plan.method === 'supervisor' || plan.method === 'pm2' ? FIX[plan.method] : 'update.restartFix.other';
      resolve(coreText('update.restartProblem', { command: argv.join(' '), output: said, fix: coreText(fix).i18n }));
    });
  });
}
