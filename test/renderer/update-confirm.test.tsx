// The confirmation dialog: commits, plan, local changes, estimate, and a refused run.
import './setup';
import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreText } from '../../shared/core-text';
import { FakeApi } from './fake-api';
import { availableView, makeRun, TO_SHA } from './fixtures';
import { emit } from './render';
import { appWith, button, confirmDialog, overlay } from './update-ui';

describe('update confirmation', () => {
  async function openConfirm(view = availableView(), fake = new FakeApi()) {
    const utils = await appWith(view, {}, fake);
    await utils.user.click(button());
    return { ...utils, d: within(confirmDialog()) };
  }

  it('lists the commits, the plan, the local changes and the estimate; "Update now" runs on the exact target', async () => {
    const { fake, d, user } = await openConfirm();
    expect(confirmDialog().getAttribute('aria-modal')).toBe('true');
    expect(d.getByText('3 new commits will be installed (abc1234 → def5678):')).toBeTruthy();

    const commits = within(d.getByTestId('update-commits')).getAllByRole('listitem');
    expect(commits).toHaveLength(3);
    expect(within(commits[0]!).getByText('def5678').title).toBe(TO_SHA);
    expect(within(commits[0]!).getByText('Fix the reconnection loop')).toBeTruthy();
    expect(within(commits[0]!).getByText('Alice Martin, 2 days ago')).toBeTruthy();
    expect(within(commits[1]!).getByText('Bob Durand, 3 hours ago')).toBeTruthy();

    const plan = within(d.getByTestId('update-plan'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // The bot keeps monitoring until the dependencies it runs on are replaced.
    expect(plan).toEqual([
      'Update the code abc1234 → def5678',
      'Stop the bot (it keeps monitoring until this point)',
      'Reinstall dependencies (lockfile changed) — package-lock.json changed (discord.js 14.28 → 14.29)',
      'Rebuild',
      'Restart via systemd (systemctl restart discord-monitor.service)',
    ]);

    const local = d.getByTestId('update-local-changes');
    expect(local.textContent).toContain('kept in git stash');
    expect(within(local).getAllByRole('listitem').map((li) => li.textContent)).toEqual([' M config/custom.css', '?? notes.txt']);
    expect(d.getByTestId('update-estimate').textContent).toBe('Takes about 12 s, based on past updates.');

    // Focus starts on the action, as the dialog was opened to update.
    expect(document.activeElement).toBe(d.getByTestId('update-confirm-button'));
    await user.click(d.getByTestId('update-confirm-button'));
    expect(fake.argsOf('update.run')).toEqual([{ target: TO_SHA }]);
    expect(TO_SHA).toMatch(/^[0-9a-f]{40}$/);
    await waitFor(() => expect(confirmDialog().open).toBe(false));
  });

  it('says when nothing changes in the dependencies, when a restart is needed, and a default estimate', async () => {
    const { d } = await openConfirm(
      availableView({
        dependencies: { changed: false, summary: '' },
        estimate: { ms: 30_000, basis: 'default' },
        restart: { auto: false, method: 'relaunch', description: 'relaunch' },
        localChanges: [],
      }),
    );
    const plan = within(d.getByTestId('update-plan'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(plan).toEqual([
      'Update the code abc1234 → def5678',
      'No dependency change',
      'Rebuild',
      'Restart needed afterwards (the bot keeps running until then)',
    ]);
    expect(d.getByTestId('update-estimate').textContent).toBe('Takes about 30 s (default estimate).');
    expect(d.queryByTestId('update-local-changes')).toBeNull();
  });

  it('a restart that cannot work here is said before the update, in the plan (English, French)', async () => {
    const problem = "supervisorctl -s unix:///run/supervisor.sock status discord-monitor failed (error: <class 'PermissionError'>, [Errno 13] Permission denied): the update would install but not restart the app: let the app's user use supervisord's socket";
    const restart = { auto: true, method: 'supervisor', description: 'supervisorctl', problem };
    const { d, unmount } = await openConfirm(availableView({ restart }));
    expect(d.getByTestId('update-restart-problem').textContent).toBe(`This restart will fail: ${problem}`);
    unmount();
    const fr = await appWith(availableView({ restart }), { language: 'fr' });
    await fr.user.click(button());
    expect(within(confirmDialog()).getByTestId('update-restart-problem').textContent).toBe(`Ce redémarrage échouera : ${problem}`);
  });

  it('the dependency change sent with its key is said in French', async () => {
    const summary = coreText('update.deps.unreadable');
    const fr = await appWith(availableView({ dependencies: { changed: true, summary: summary.text, i18n: summary.i18n } }), { language: 'fr' });
    await fr.user.click(button());
    expect(within(confirmDialog()).getByTestId('update-plan').textContent).toContain(' — package-lock.json a changé');
  });

  it('a restart problem and a relaunch sent with their keys are said in French', async () => {
    const problem = coreText('update.restartMethodUnusable', { method: 'pm2', how: coreText('update.restartHow.pm2').i18n });
    const description = coreText('update.method.relaunch');
    const restart = { auto: true, method: 'relaunch', description: description.text, problem: problem.text, i18n: { description: description.i18n, problem: problem.i18n } };
    const fr = await appWith(availableView({ restart }), { language: 'fr' });
    await fr.user.click(button());
    const d = within(confirmDialog());
    expect(d.getByTestId('update-restart-problem').textContent).toBe(
      'Ce redémarrage échouera : La méthode de redémarrage est réglée sur pm2, mais elle ne peut pas servir ici : démarrez l’application avec pm2 (pm_id est nécessaire), ou réglez la méthode de redémarrage sur auto.',
    );
    expect(d.getByTestId('update-plan').textContent).toContain('Redémarrer via une relance de l’application');
  });

  it('without a dependency change, the bot is stopped just before the restart', async () => {
    const { d } = await openConfirm(availableView({ dependencies: { changed: false, summary: '' } }));
    expect(
      within(d.getByTestId('update-plan'))
        .getAllByRole('listitem')
        .map((li) => li.dataset.item),
    ).toEqual(['code', 'deps', 'build', 'stopBot', 'restart']);
  });

  it('shows a refused run inline and stays open (the branch moved since the check)', async () => {
    const fake = new FakeApi();
    const { d, user } = await openConfirm(availableView(), fake);
    // The server saw a newer head; this page has not heard of it yet.
    fake.updateView = { ...fake.updateView, target: 'f'.repeat(40) };
    await user.click(d.getByTestId('update-confirm-button'));

    const alert = await d.findByRole('alert');
    expect(alert.textContent).toBe('The update did not start: The branch has moved since the check: check again before updating.');
    expect(fake.argsOf('update.run')).toEqual([{ target: TO_SHA }]);
    expect(confirmDialog().open).toBe(true);
    expect(overlay().open).toBe(false);
    expect((d.getByTestId('update-confirm-button') as HTMLButtonElement).disabled).toBe(false);

    await user.click(d.getByRole('button', { name: 'Cancel' }));
    expect(confirmDialog().open).toBe(false);
    expect(fake.argsOf('update.run')).toHaveLength(1);
  });

  it('gives way to the progress overlay when an update starts elsewhere, and does not come back after it', async () => {
    const fake = new FakeApi();
    await openConfirm(availableView(), fake);
    await emit(fake, 'update.status', availableView({ state: 'updating', run: makeRun({ 'stop-bot': { status: 'running' } }) }));
    expect(confirmDialog().open).toBe(false);
    expect(overlay().open).toBe(true);
    await emit(fake, 'update.status', availableView({ run: makeRun({}, { outcome: 'rolled-back', message: 'Rolled back.' }) }));
    expect(confirmDialog().open).toBe(false);
  });
});
