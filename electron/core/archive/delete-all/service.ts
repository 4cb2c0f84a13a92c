// The guarded "delete all messages": off unless dangerous actions are enabled, checks the bot's
// permissions first, needs the triple confirmation, writes a backup, then deletes in the background
// (one run at a time) with progress events, cancel, a final count and a log line saying who asked.
import type { Logger } from 'pino';
import type { DeleteAllCheck, DeleteProgress } from '../../../../shared/archive.js';
import { CommandError } from '../../errors.js';
import type { BackupService } from '../backups.js';
import { confirmationProblems, type DeleteAllInput } from './confirm.js';
import { deleteAll } from './job.js';
import type { DeleteTarget } from './target.js';

export interface DeleteAllOptions {
  enabled: () => boolean;
  /** The connected channel, or null when the bot is not connected. */
  target: () => DeleteTarget | null;
  backups: BackupService;
  logger: Logger;
  emit: (p: DeleteProgress) => void;
  /** Who the request came from, for the log ("the desktop panel", "the panel (headless)"). */
  requester: string;
}

const NOT_ENABLED = 'Dangerous actions are off. Enable them in Settings → Dangerous actions (or set DANGEROUS_ACTIONS_ENABLED=True) to delete all messages.';
const NOT_CONNECTED = 'The bot is not connected. Start monitoring first: deleting goes through its connection to Discord.';

export class DeleteAllService {
  private current: DeleteProgress | null = null;
  private abort: AbortController | null = null;

  constructor(private readonly o: DeleteAllOptions) {}

  progress(): DeleteProgress | null {
    return this.current;
  }

  check(): DeleteAllCheck {
    const enabled = this.o.enabled();
    const target = this.o.target();
    const missing = target?.missingPermissions() ?? [];
    const running = this.current?.state === 'running' ? this.current : null;
    const reason = !enabled
      ? NOT_ENABLED
      : !target
        ? NOT_CONNECTED
        : missing.length
          ? `The bot lacks ${missing.join(' and ')} in #${target.channel.name}. Give its role ${missing.join(' and ')} (Server Settings → Roles, or the channel's Permissions), then check again.`
          : running
            ? 'Messages are being deleted already.'
            : null;
    return { allowed: reason === null, dangerousActionsEnabled: enabled, channel: target?.channel ?? null, missing, reason, running };
  }

  /** Validates everything, writes the backup, starts deleting; resolves once it has started. */
  async start(input: DeleteAllInput): Promise<{ started: true; backup: string }> {
    const check = this.check();
    const target = this.o.target();
    if (!check.allowed || !target) throw new CommandError('unavailable', check.reason ?? NOT_CONNECTED);
    const problems = confirmationProblems(input, target.channel.name);
    if (Object.keys(problems).length) throw new CommandError('invalid-input', `Not confirmed: ${Object.values(problems).join(' ')}`, problems);
    const where = `#${target.channel.name} (${target.channel.guild})`;
    let backup: string;
    try {
      backup = (await this.o.backups.backupNow('before-delete-all')).file;
    } catch (err) {
      throw new CommandError('unavailable', `Nothing was deleted: ${(err as Error).message}`);
    }
    this.o.logger.warn(`Delete all messages in ${where} asked from ${this.o.requester}; backup written first: ${backup}.`);
    const abort = new AbortController();
    this.abort = abort;
    const started = Date.now();
    this.current = { state: 'running', deleted: 0, bulk: 0, single: 0, failed: 0, startedAt: started, finishedAt: null, backup, channel: target.channel.name, message: `Deleting the messages of ${where}…` };
    this.o.emit(this.current);
    void deleteAll(target, { ...this.current }, { signal: abort.signal, onProgress: (p) => this.update(p) }).then((end) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const counts = `${end.deleted} deleted (${end.bulk} in bulk, ${end.single} one by one), ${end.failed} refused by Discord`;
      end.message =
        end.state === 'done' ? `Done: ${counts}, in ${seconds} s.` : end.state === 'cancelled' ? `Cancelled: ${counts} before stopping.` : `${end.message} So far: ${counts}.`;
      this.o.logger[end.state === 'failed' ? 'error' : 'warn'](`Delete all messages in ${where}: ${end.message} Asked from ${this.o.requester}. Backup: ${backup}.`);
      this.abort = null;
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
    this.o.emit(p);
  }

  dispose(): void {
    this.abort?.abort();
  }
}
