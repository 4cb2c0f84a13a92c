// Tray entries for updates: "Check for updates" and "Update now (N)" behind a native confirmation,
// plus a notification when an update finishes, fails or needs a restart.
import { dialog, Notification, type MenuItemConstructorOptions } from 'electron';
import type { UpdateView } from '../../shared/types.js';
import type { Core } from '../core/app-core.js';

export interface UpdateMenuDeps {
  /** True when the user confirms installing the update described by `view`. */
  confirm(view: UpdateView): Promise<boolean>;
  notify(title: string, body: string): void;
}

export const electronUpdateDeps: UpdateMenuDeps = {
  async confirm(view) {
    const commits = view.commits.slice(0, 10).map((c) => `• ${c.hash.slice(0, 7)} ${c.subject} (${c.author})`);
    const plan = [
      'Update the code',
      view.dependencies?.changed ? 'Reinstall dependencies (lockfile changed)' : 'No dependency change',
      'Rebuild and self-test',
      view.restart.auto ? `Restart via ${view.restart.description}` : 'Restart needed afterwards',
    ];
    const estimate = view.estimate ? `About ${Math.round(view.estimate.ms / 1000)} s${view.estimate.basis === 'default' ? ' (default estimate)' : ''}.` : '';
    const aside = view.localChanges.length ? `\nLocal changes set aside with git stash: ${view.localChanges.length} file(s).` : '';
    const { response } = await dialog.showMessageBox({
      type: 'question',
      buttons: ['Update now', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
      title: 'Discord Monitor update',
      message: `Install ${view.count} update${view.count === 1 ? '' : 's'}?`,
      detail: `${commits.join('\n')}\n\n${plan.join(' · ')}\n${estimate}${aside}`,
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
      deps.notify('Update refused', reply.error.message);
    }
  };

  function items(): MenuItemConstructorOptions[] {
    const view = core.updates.get();
    const out: MenuItemConstructorOptions[] = [];
    if (view.state === 'available') {
      out.push({
        label: `Update now (${view.count})`,
        click: () =>
          void deps.confirm(view).then((yes) => {
            if (yes && view.target) void run('update.run', { target: view.target });
          }),
      });
    }
    const label =
      view.state === 'checking' ? 'Checking for updates…' : view.state === 'updating' ? 'Updating…' : view.state === 'disabled' ? 'Updates disabled' : 'Check for updates';
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
        deps.notify(last.outcome === 'success' ? 'Discord Monitor updated' : 'Update rolled back', last.message);
      }
      announced = last?.finishedAt ?? announced;
      const outcome = view.run?.outcome ?? null;
      if (outcome && outcome !== lastOutcome && outcome !== 'running') {
        if (outcome === 'restarting') deps.notify('Discord Monitor is restarting', view.run!.message);
        else if (outcome === 'restart-needed') deps.notify('Update installed', view.run!.message);
        else deps.notify('Update failed', view.run!.message);
      }
      lastOutcome = outcome;
    });
  }

  return { items, watch };
}
