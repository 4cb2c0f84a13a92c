// Tray entries for updates: "Check for updates" and "Update now (N)" behind a native confirmation,
// plus a notification when an update finishes, fails or needs a restart.
import { dialog, Notification, type MenuItemConstructorOptions } from 'electron';
import type { UpdateCommit, UpdateView } from '../../shared/types.js';
import type { Core } from '../core/app-core.js';
import { sayInShell, shellLanguage, shellText, type ShellKey } from './shell-text.js';

export interface UpdateMenuDeps {
  /** True when the user confirms installing the update described by `view`. */
  confirm(view: UpdateView): Promise<boolean>;
  notify(title: string, body: string): void;
}

const commitLine = (c: UpdateCommit) => `• ${c.hash.slice(0, 7)} ${c.subject} (${c.author})`;

// A native dialog does not scroll: at most 10 lines of any list, then how many are left out.
function listed(lines: string[], say: (key: ShellKey, params?: Record<string, string | number>) => string): string[] {
  return lines.length <= 10 ? lines : [...lines.slice(0, 10), say('andMore', { count: lines.length - 10 })];
}

export const electronUpdateDeps: UpdateMenuDeps = {
  async confirm(view) {
    const language = shellLanguage();
    const say = (key: ShellKey, params: Record<string, string | number> = {}) => shellText(key, params, language);
    const commits = listed(view.commits.map(commitLine), say);
    const plan = [
      say('planCode'),
      say(view.dependencies?.changed ? 'planDeps' : 'planNoDeps'),
      say('planBuild'),
      view.restart.auto ? say('planRestartVia', { description: sayInShell(view.restart.description, view.restart.i18n?.description, language) }) : say('planRestartNeeded'),
    ];
    const seconds = view.estimate ? Math.round(view.estimate.ms / 1000) : 0;
    const estimate = view.estimate ? say(view.estimate.basis === 'default' ? 'estimateDefault' : 'estimate', { seconds }) : '';
    // The user's own work, said as the panel's confirmation says it: edits to git stash, commits to a branch.
    const edits = view.localChanges.length;
    const aside = edits ? `\n\n${say(edits === 1 ? 'localChangesOne' : 'localChangesMany', { count: edits })}\n${listed(view.localChanges, say).join('\n')}` : '';
    const own = view.localCommits?.commits.length ? view.localCommits : null;
    const moved = own
      ? `\n\n${say(own.commits.length === 1 ? 'localCommitsOne' : 'localCommitsMany', { count: own.commits.length, branch: own.branch })}\n${listed(own.commits.map(commitLine), say).join('\n')}`
      : '';
    const { response } = await dialog.showMessageBox({
      type: 'question',
      buttons: [say('updateNow'), say('cancel')],
      defaultId: 0,
      cancelId: 1,
      title: say('updateTitle'),
      message: say(view.count === 1 ? 'installOne' : 'installMany', { count: view.count }),
      detail: `${commits.join('\n')}\n\n${plan.join(' · ')}\n${estimate}${aside}${moved}`,
    });
    return response === 0;
  },
  notify(title, body) {
    if (Notification.isSupported()) new Notification({ title, body }).show();
  },
};

export function createUpdateMenu(core: Pick<Core, 'dispatch' | 'bus' | 'updates' | 'log'>, deps: UpdateMenuDeps = electronUpdateDeps) {
  const run = async (command: 'update.check' | 'update.run', arg?: unknown) => {
    const reply = await core.dispatch(command, arg);
    if (!reply.ok) {
      core.log.logger.warn(reply.error.message);
      deps.notify(shellText('updateRefused'), sayInShell(reply.error.message, reply.error.i18n));
    }
  };

  function items(): MenuItemConstructorOptions[] {
    const view = core.updates.get();
    const out: MenuItemConstructorOptions[] = [];
    if (view.state === 'available') {
      out.push({
        label: shellText('updateNowCount', { count: view.count }),
        click: () =>
          void deps.confirm(view).then((yes) => {
            if (yes && view.target) void run('update.run', { target: view.target });
          }),
      });
    }
    const label = shellText(view.state === 'checking' ? 'checking' : view.state === 'updating' ? 'updating' : view.state === 'disabled' ? 'updatesDisabled' : 'checkUpdates');
    out.push({ label, enabled: view.state !== 'checking' && view.state !== 'updating' && view.state !== 'disabled', click: () => void run('update.check') });
    return out;
  }

  /** Rebuilds the tray on every update change and tells the user how a run ended. */
  function watch(refresh: () => void): () => void {
    let lastOutcome: string | null = null;
    let announced = core.updates.get().lastUpdate?.finishedAt ?? null;
    return core.bus.on('update.status', (view) => {
      refresh();
      // The new process learns how the update ended once it is healthy: say it once.
      const last = view.lastUpdate;
      if (last && last.finishedAt !== announced && Date.now() - last.finishedAt < 10 * 60_000) {
        deps.notify(shellText(last.outcome === 'success' ? 'updated' : 'rolledBack'), sayInShell(last.message, last.i18n?.message));
      }
      announced = last?.finishedAt ?? announced;
      const outcome = view.run?.outcome ?? null;
      if (outcome && outcome !== lastOutcome && outcome !== 'running') {
        const said = sayInShell(view.run!.message, view.run!.i18n?.message);
        deps.notify(shellText(outcome === 'restarting' ? 'restarting' : outcome === 'restart-needed' ? 'installed' : 'failed'), said);
      }
      lastOutcome = outcome;
    });
  }

  return { items, watch };
}
