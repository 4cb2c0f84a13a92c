// When self-update cannot or must not run, and the sentence that says why.
import { coreText, type CoreSentence, type I18nText } from '../../../shared/core-text.js';
import { SentenceError } from '../sentence-error.js';
import { gitInstalled, isCheckoutRoot } from './git.js';

export type DisabledReason = 'packaged' | 'auto-update-off' | 'git-missing' | 'not-a-checkout';

export interface Disabled {
  reason: DisabledReason;
  message: string;
  /** `message` by key, for the panel's language. */
  i18n: I18nText;
}

const disabled = (reason: DisabledReason, sentence: CoreSentence): Disabled => ({ reason, message: sentence.text, i18n: sentence.i18n });

export interface PreconditionOptions {
  appDir: string;
  /** Installed from a package (deb/rpm/zip): it updates through that package, never through git. */
  packaged?: boolean;
  /** The autoUpdateEnabled setting; only checks honour it (a manual update is the user's explicit choice). */
  autoUpdateEnabled?: boolean;
}

export async function whyDisabled(opts: PreconditionOptions): Promise<Disabled | null> {
  if (opts.packaged) return disabled('packaged', coreText('update.disabled.packaged'));
  if (opts.autoUpdateEnabled === false) return disabled('auto-update-off', coreText('update.disabled.autoUpdateOff'));
  if (!(await gitInstalled())) return disabled('git-missing', coreText('update.disabled.gitMissing'));
  if (!(await isCheckoutRoot(opts.appDir))) return disabled('not-a-checkout', coreText('update.disabled.notACheckout', { dir: opts.appDir }));
  return null;
}

/** A sentence by key: the update service says it as the run's outcome, in the panel's language. */
export class UpdateRefusedError extends SentenceError {
  constructor(readonly disabled: Disabled) {
    super(coreText('update.refused', { reason: disabled.i18n }));
    this.name = 'UpdateRefusedError';
  }
}
