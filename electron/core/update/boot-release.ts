// Boot recovery with releases: the process runs a complete release that no update step changed,
// so recovery only brings the source checkout to that release's commit — no reinstall, no rebuild.
// A new version that keeps failing is undone by switching `current` back, not by rebuilding.
import { existsSync } from 'node:fs';
import { coreText } from '../../../shared/core-text.js';
import { short } from './git.js';
import type { JournalEntry } from './journal.js';
import { readReleaseInfo, releaseDir, releaseOf, releasesDir } from './release-layout.js';
import { switchCurrent } from './switch.js';
import type { StepLog } from './steps.js';

export interface BootTarget {
  /** The commit the checkout must be at: the one of the build that runs (or will run after the restart). */
  commit: string;
  /** True only in a plain checkout whose build an older, in-place update may have half-written. */
  rebuild: boolean;
  /** This process runs a release other than the one to run from now on: restart into it. */
  restart?: boolean;
}

export interface BootReleaseOptions {
  appDir: string;
  /** Folder of the built file this process runs (`…/build`), null when run from source. */
  runningBuildDir: string | null;
  /** The boot's log: lines by key are said in the panel's language. */
  log: StepLog;
}

export function bootTarget(entry: JournalEntry, action: 'recover' | 'rollback', o: BootReleaseOptions): BootTarget {
  if (action === 'rollback') {
    if (!readReleaseInfo(releaseDir(o.appDir, entry.from))) return { commit: entry.from, rebuild: true };
    switchCurrent(o.appDir, entry.from);
    o.log(coreText('update.boot.releaseSwitchedBack', { commit: short(entry.from) }));
    return { commit: entry.from, rebuild: false };
  }
  const own = o.runningBuildDir ? releaseOf(o.runningBuildDir) : null;
  const info = own ? readReleaseInfo(releaseDir(o.appDir, own)) : null;
  // Killed right after the switch: the new version runs but was never handed over. An interrupted
  // update ends where it began, so switch back rather than run a version nobody watched start.
  if (info && info.commit === entry.to && entry.to !== entry.from && readReleaseInfo(releaseDir(o.appDir, entry.from))) {
    switchCurrent(o.appDir, entry.from);
    o.log(coreText('update.boot.interruptedAfterSwitch', { to: short(entry.to), from: short(entry.from) }));
    return { commit: entry.from, rebuild: false, restart: true };
  }
  if (info) return { commit: info.commit, rebuild: false };
  // A plain .vite: a release-mode update never writes into it; an older in-place one may have.
  return { commit: entry.from, rebuild: !existsSync(releasesDir(o.appDir)) };
}
