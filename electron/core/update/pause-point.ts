// Test-only pause points on the switch, handover, rollback and boot recovery paths (issue 10 §3 kill tests): unlike the
// update's other steps it runs no outside command a test could wrap. Inert unless DISCORD_MONITOR_PAUSE_DIR is set,
// and then only while the file `<dir>/<point>` exists (the test arms it for one update).
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type PausePoint =
  /** The new version is ready in standby; nothing switched, the bot still connected. */
  | 'standby-ready'
  /** `current` names the new release; the journal still says `running`, the bot still connected. */
  | 'switched'
  /** `current` switched, the journal at `restarting`, our gateway session closed; take-over not sent. */
  | 'before-take-over'
  /** The new version serves the panel socket and is identifying; we have not exited. */
  | 'handed-over'
  /** A rollback put back the checkout, the saved edits and the settings; the journal still says `running`. */
  | 'rolled-back'
  /** Boot recovery put back the checkout, the saved edits and the settings; the journal still says `running`. */
  | 'recovered';

/** Writes our pid to `<point>.reached`, then waits (the event loop running) until the trap is removed. */
export async function pauseAt(point: PausePoint, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const dir = env.DISCORD_MONITOR_PAUSE_DIR;
  if (!dir) return;
  const trap = join(dir, point);
  if (!existsSync(trap)) return;
  writeFileSync(`${trap}.reached.tmp`, String(process.pid));
  renameSync(`${trap}.reached.tmp`, `${trap}.reached`);
  while (existsSync(trap)) await new Promise((r) => setTimeout(r, 20));
}
