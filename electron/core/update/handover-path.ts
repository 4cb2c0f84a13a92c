// Which way the new version takes over: a handover (it starts beside us and we exit) where the
// process may change, or today's restart where a service manager insists on its own PID.
import type { Env, RestartPlan } from './restart-method.js';

export interface TakeOverPath {
  handover: boolean;
  /** One sentence for the step log. */
  why: string;
}

export function takeOverPath(plan: RestartPlan, env: Env): TakeOverPath {
  if (plan.problem) return { handover: false, why: plan.problem.text };
  if (plan.method === 'relaunch') return { handover: true, why: 'handover: the new version started beside this one takes over the panel port, then this process exits' };
  if (plan.method === 'systemd' && env.NOTIFY_SOCKET) {
    return { handover: true, why: 'handover under systemd (Type=notify): the new version sends MAINPID= so systemd tracks it, then this process exits' };
  }
  if (plan.method === 'systemd') return { handover: false, why: 'restart through systemd: the unit is not Type=notify (NotifyAccess=all), so the main PID cannot move — use the unit in build/' };
  return { handover: false, why: `restart through ${plan.method}, which cannot change a program's PID; the new version was built and passed standby first` };
}
