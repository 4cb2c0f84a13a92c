// Which service manager (if any) runs us, and the exact command that restarts only our service.
// Pure: the environment and file reader are passed in. Never a broad kill: the fallback is a self relaunch.
import { coreText, type CoreSentence } from '../../../shared/core-text.js';

export const RESTART_METHODS = ['systemd', 'supervisor', 'pm2', 'relaunch'] as const;
export type RestartMethod = (typeof RESTART_METHODS)[number];
export type RestartSetting = 'auto' | RestartMethod;

export interface RestartPlan {
  method: RestartMethod;
  /** The service manager command; null for `relaunch` (the Relauncher port does it) or when unusable. */
  argv: string[] | null;
  /** Why this method was chosen: the restart step's line says it (by key, in the panel's language). */
  reason: CoreSentence;
  /** Set when the method was forced but cannot be used here, with what to do about it (by key: the confirmation says it). */
  problem?: CoreSentence;
}

export type Env = Readonly<Record<string, string | undefined>>;
/** Returns the file's text, or null when it cannot be read. */
export type ReadFile = (path: string) => string | null;

const set = (v: string | undefined): v is string => v !== undefined && v !== '';

/**
 * Unit that owns this process, from /proc/self/cgroup (v2 `0::/…`, or v1 `N:name=systemd:/…`).
 * The last `.service` segment wins: user units live under `user@UID.service/app.slice/x.service`.
 */
export function systemdUnit(cgroup: string | null): { unit: string; user: boolean } | null {
  if (!cgroup) return null;
  for (const line of cgroup.split('\n')) {
    const [, controllers, path] = line.match(/^\d+:([^:]*):(.*)$/) ?? [];
    if (path === undefined || (controllers !== '' && controllers !== 'name=systemd')) continue;
    const segments = path.split('/');
    const unit = segments.filter((s) => s.endsWith('.service')).at(-1);
    if (!unit || /^user@\d+\.service$/.test(unit)) continue;
    return { unit, user: segments.some((s) => /^user@\d+\.service$/.test(s)) };
  }
  return null;
}

function systemd(env: Env, readFile: ReadFile): RestartPlan | null {
  if (!set(env.INVOCATION_ID)) return null;
  const found = systemdUnit(readFile('/proc/self/cgroup'));
  if (!found) return null;
  const argv = found.user
    ? ['systemctl', '--user', 'restart', found.unit]
    : ['systemctl', 'restart', found.unit];
  return { method: 'systemd', argv, reason: coreText(found.user ? 'update.restartReason.systemdUser' : 'update.restartReason.systemd', { unit: found.unit }) };
}

function supervisor(env: Env): RestartPlan | null {
  const name = env.SUPERVISOR_PROCESS_NAME;
  if (!set(env.SUPERVISOR_ENABLED) || !set(name)) return null;
  // Programs inside a [group:…] are addressed as group:process.
  const group = env.SUPERVISOR_GROUP_NAME;
  const target = set(group) && group !== name ? `${group}:${name}` : name;
  const server = set(env.SUPERVISOR_SERVER_URL) ? ['-s', env.SUPERVISOR_SERVER_URL] : [];
  return {
    method: 'supervisor',
    argv: ['supervisorctl', ...server, 'restart', target],
    reason: coreText('update.restartReason.supervisor', { program: target }),
  };
}

function pm2(env: Env): RestartPlan | null {
  if (!set(env.pm_id)) return null;
  return { method: 'pm2', argv: ['pm2', 'restart', env.pm_id], reason: coreText('update.restartReason.pm2', { id: env.pm_id }) };
}

const relaunch = (reason: CoreSentence): RestartPlan => ({ method: 'relaunch', argv: null, reason });

const HOW_TO = { systemd: 'update.restartHow.systemd', supervisor: 'update.restartHow.supervisor', pm2: 'update.restartHow.pm2' } as const;

/**
 * Innermost manager first: pm2 and supervisord are often started by a systemd unit whose
 * INVOCATION_ID their children inherit, and restarting that unit would restart every app it hosts.
 */
export function detectRestartMethod(env: Env, readFile: ReadFile, setting: RestartSetting = 'auto'): RestartPlan {
  const detectors = { pm2: () => pm2(env), supervisor: () => supervisor(env), systemd: () => systemd(env, readFile) };
  if (setting === 'relaunch') return relaunch(coreText('update.restartReason.relaunchForced'));
  if (setting !== 'auto') {
    const plan = detectors[setting]();
    if (plan) return { ...plan, reason: coreText('update.restartReason.forced', { reason: plan.reason.i18n }) };
    const problem = coreText('update.restartMethodUnusable', { method: setting, how: coreText(HOW_TO[setting]).i18n });
    return { method: setting, argv: null, reason: coreText('update.restartReason.forcedUnusable', { method: setting }), problem };
  }
  for (const detect of Object.values(detectors)) {
    const plan = detect();
    if (plan) return plan;
  }
  return relaunch(coreText('update.restartReason.noManager'));
}
