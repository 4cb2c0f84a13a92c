// The guarded "delete all messages": off unless dangerous actions are enabled, checks the bot's
// permissions first, needs the triple confirmation, writes a backup, then deletes in the background
// (one run at a time) with progress events, cancel, a final count and a log line saying who asked.
import type { Logger } from 'pino';
import type { DeleteAllCheck, DeleteProgress } from '../../../../shared/archive.js';
import { coreText, type CoreSentence } from '../../../../shared/core-text.js';
import { CommandError } from '../../errors.js';
import type { BackupService } from '../backups.js';
import { confirmationProblems, type DeleteAllInput } from './confirm.js';
import { deleteAll } from './job.js';
import { lastRun, saveRun } from './run-file.js';
import { permissionList, type DeleteTarget } from './target.js';

export interface DeleteAllOptions {
  enabled: () => boolean;
  /** The connected channel, or null when the bot is not connected. */
  target: () => DeleteTarget | null;
  backups: BackupService;
  logger: Logger;
  emit: (p: DeleteProgress) => void;
  /** Who the request came from, for the log ("the desktop panel", "the panel (headless)"). */
  requester: string;
  /** Where the last run's state is kept as it goes (run-file.ts): a run cut short is said at the next start. */
  runFile?: string;
}

const NOT_ENABLED = coreText('archive.deleteNotEnabled');
const NOT_CONNECTED = coreText('archive.deleteNotConnected');

/** The problems of the confirmation, as one sentence after another. */
function together(sentences: CoreSentence[]): CoreSentence['i18n'] {
  return sentences.map((s) => s.i18n).reduce((first, second) => coreText('archive.twoSentences', { first, second }).i18n);
}

export class DeleteAllService {
  private current: DeleteProgress | null = null;
  private abort: AbortController | null = null;
  /** Set from the moment a run is accepted (before its backup): a second request is refused meanwhile. */
  private starting = false;

  constructor(private readonly o: DeleteAllOptions) {
    const last = o.runFile ? lastRun(o.runFile) : null;
    this.current = last?.run ?? null;
    if (last?.interrupted) o.logger.warn(last.run.message);
  }

  progress(): DeleteProgress | null {
    return this.current;
  }

  check(): DeleteAllCheck {
    const enabled = this.o.enabled();
    const target = this.o.target();
    const missing = target?.missingPermissions() ?? [];
    const running = this.current?.state === 'running' ? this.current : null;
    const busy = running !== null || this.starting;
    // Permission names as Discord words them in the panel's language ("Gérer les messages").
    const reason = !enabled
      ? NOT_ENABLED
      : !target
        ? NOT_CONNECTED
        : missing.length
          ? coreText('archive.deleteLacks', { permissions: permissionList(missing), channel: target.channel.name })
          : busy
            ? coreText('archive.deleteRunning')
            : null;
    const said = { reason: reason?.text ?? null, reasonI18n: reason?.i18n ?? null };
    return { allowed: reason === null, dangerousActionsEnabled: enabled, channel: target?.channel ?? null, missing, ...said, running };
  }

  private reasonOf(check: DeleteAllCheck): CoreSentence {
    return check.reason !== null && check.reasonI18n ? { text: check.reason, i18n: check.reasonI18n } : NOT_CONNECTED;
  }

  /** Validates everything, writes the backup, starts deleting; resolves once it has started. */
  async start(input: DeleteAllInput): Promise<{ started: true; backup: string }> {
    const check = this.check();
    const target = this.o.target();
    if (!check.allowed || !target) throw new CommandError('unavailable', this.reasonOf(check));
    const problems = Object.entries(confirmationProblems(input, target.channel.name));
    if (problems.length) {
      const fields = Object.fromEntries(problems);
      throw new CommandError('invalid-input', coreText('archive.deleteNotConfirmed', { problems: together(problems.map(([, said]) => said)) }), fields);
    }
    const where = `#${target.channel.name} (${target.channel.guild})`;
    // Taken before the first await: two requests at once started two runs, and Cancel stopped one.
    this.starting = true;
    // Cancel works from now on: a run cancelled during its backup deletes nothing.
    const abort = new AbortController();
    this.abort = abort;
    let backup: string;
    try {
      backup = (await this.o.backups.backupNow('before-delete-all')).file;
    } catch (err) {
      this.starting = false;
      this.abort = null;
      const detail = (err as { i18n?: CoreSentence['i18n'] }).i18n ?? (err as Error).message;
      throw new CommandError('unavailable', coreText('archive.deleteNothingDeleted', { detail }));
    }
    this.starting = false;
    this.o.logger.warn(`Delete all messages in ${where} asked from ${this.o.requester}; backup written first: ${backup}.`);
    const started = Date.now();
    const starting = coreText('archive.deleteStarting', { channel: target.channel.name, guild: target.channel.guild });
    this.update({ state: 'running', deleted: 0, bulk: 0, single: 0, failed: 0, startedAt: started, finishedAt: null, backup, channel: target.channel.name, message: starting.text, i18n: starting.i18n });
    void deleteAll(target, { ...this.current! }, { signal: abort.signal, onProgress: (p) => this.update(p) }).then((end) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const counts = { deleted: end.deleted, bulk: end.bulk, single: end.single, failed: end.failed };
      const said =
        end.state === 'done'
          ? coreText('archive.deleteDone', { ...counts, seconds })
          : end.state === 'cancelled'
            ? coreText('archive.deleteCancelled', counts)
            : coreText('archive.deleteFailed', { ...counts, error: end.i18n ?? end.message });
      end.message = said.text;
      end.i18n = said.i18n;
      // The log line adds who asked and the backup: English in the file; the panel shows the progress sentence.
      this.o.logger[end.state === 'failed' ? 'error' : 'warn'](`Delete all messages in ${where}: ${end.message} Asked from ${this.o.requester}. Backup: ${backup}.`);
      if (this.abort === abort) this.abort = null;
      this.update(end);
    });
    return { started: true, backup };
  }

  cancel(): DeleteProgress | null {
    this.abort?.abort();
    return this.current;
  }

  private update(p: DeleteProgress): void {
    this.current = p;
    if (this.o.runFile) saveRun(this.o.runFile, p);
    this.o.emit(p);
  }

  dispose(): void {
    this.abort?.abort();
  }
}
