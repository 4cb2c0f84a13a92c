// When self-update cannot or must not run, and the sentence that says why.
import { gitInstalled, isCheckoutRoot } from './git.js';

export type DisabledReason = 'packaged' | 'auto-update-off' | 'git-missing' | 'not-a-checkout';

export interface Disabled {
  reason: DisabledReason;
  message: string;
}

export interface PreconditionOptions {
  appDir: string;
  /** Installed from a package (deb/rpm/zip): it updates through that package, never through git. */
  packaged?: boolean;
  /** The autoUpdateEnabled setting; only checks honour it (a manual update is the user's explicit choice). */
  autoUpdateEnabled?: boolean;
}

export async function whyDisabled(opts: PreconditionOptions): Promise<Disabled | null> {
  if (opts.packaged) {
    return { reason: 'packaged', message: 'This is a packaged install: it is updated by installing a newer package, not from git.' };
  }
  if (opts.autoUpdateEnabled === false) {
    return { reason: 'auto-update-off', message: 'Update checks are turned off — enable them in Settings → Updates.' };
  }
  if (!(await gitInstalled())) {
    return { reason: 'git-missing', message: 'git is not installed or not on PATH — install git to enable updates.' };
  }
  if (!(await isCheckoutRoot(opts.appDir))) {
    return {
      reason: 'not-a-checkout',
      message: `${opts.appDir} is not a git checkout — updates need the app to run from a git clone of its repository.`,
    };
  }
  return null;
}

export class UpdateRefusedError extends Error {
  constructor(readonly disabled: Disabled) {
    super(`Cannot update: ${disabled.message}`);
    this.name = 'UpdateRefusedError';
  }
}
