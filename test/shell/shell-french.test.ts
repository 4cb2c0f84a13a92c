// A French desktop (app.getLocale() says fr) gets the shell in French: tray menu and tooltip, the
// close notice, the update confirmation and notifications. An English one keeps the English.
import { describe, expect, it, vi } from 'vitest';
import { createUpdateMenu, electronUpdateDeps } from '../../electron/shell/update-menu.js';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { coreText } from '../../shared/core-text.js';
import type { UpdateView } from '../../shared/types.js';
import { renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { dialog, mock, shell } from './electron-mock.js';
import { painted, startMain, useShellWorld } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

const t = useShellWorld();

const view: UpdateView = {
  state: 'available', message: 'Update available.', checkedAt: 1, current: 'a'.repeat(40), target: 'b'.repeat(40), count: 2,
  commits: [{ hash: 'b'.repeat(40), subject: 'Fix reconnect', author: 'Ada', date: '2026-11-20T10:00:00Z' }], localChanges: ['x.ts'],
  dependencies: { changed: true, summary: 'reinstall dependencies (lockfile changed)' }, estimate: { ms: 12_000, basis: 'default' },
  restart: { auto: false, method: 'relaunch', description: 'a relaunch of the app' }, run: null, lastUpdate: null, restartNeeded: false,
};

describe('the desktop shell in French', () => {
  it('tray menu labels and the tooltip (the core status) are French', async () => {
    mock.state.locale = 'fr-FR';
    t.started = await startMain({ flags: ['--hidden'] });
    const labels = t.started!.menu().items.map((i) => i.label ?? '—');
    // The updater's item is "Recherche de mises à jour…" while the startup check runs, then "Rechercher des mises à jour".
    expect(labels[3]).toMatch(/^Recherche(r des| de) mises à jour/);
    expect(labels.filter((_, i) => i !== 3)).toEqual(['Afficher le panneau', 'Démarrer la surveillance', '—', '—', 'Lancer au démarrage de la session', 'Ouvrir le dossier des journaux', '—', 'Quitter']);
    expect(t.started!.tray().tooltip).toMatch(/^Non configuré — /);
  });

  it('the close notice is French', async () => {
    mock.state.locale = 'fr';
    t.started = await startMain();
    const win = t.started!.window();
    await painted(win);
    win.close();
    expect(mock.state.notifications).toEqual([
      { title: 'Discord Monitor fonctionne toujours', body: expect.stringMatching(/^Fermer la fenêtre laisse la surveillance continuer en arrière-plan\./) },
    ]);
  });

  it('the update confirmation and an update’s notification are French', async () => {
    mock.state.locale = 'fr-CA';
    await electronUpdateDeps.confirm(view);
    const box = dialog.showMessageBox.mock.calls[0]![0] as { buttons: string[]; title: string; message: string; detail: string };
    expect(box.buttons).toEqual(['Mettre à jour', 'Annuler']);
    expect(box.message).toBe('Installer 2 mises à jour ?');
    expect(box.detail).toContain('Réinstaller les dépendances (lockfile modifié)');
    expect(box.detail).toContain('Environ 12 s (estimation par défaut).');
    // A relaunch, sent with its key, is said in French in the plan too.
    const relaunch = coreText('update.method.relaunch');
    await electronUpdateDeps.confirm({ ...view, restart: { auto: true, method: 'relaunch', description: relaunch.text, i18n: { description: relaunch.i18n } } });
    expect((dialog.showMessageBox.mock.calls.at(-1)![0] as { detail: string }).detail).toContain('Redémarrer via une relance de l’application');

    const notes: string[] = [];
    const bus = new EventBus(new Redactor());
    let current: UpdateView = { ...view, state: 'up-to-date', count: 0, target: null };
    const menu = createUpdateMenu({ dispatch: vi.fn() as never, bus, updates: { get: () => current } as never, log: { logger: { warn: vi.fn() } } as never }, {
      confirm: async () => true,
      notify: (title, body) => notes.push(`${title}: ${body}`),
    });
    expect(menu.items().map((i) => i.label)).toEqual(['Rechercher des mises à jour']);
    menu.watch(() => undefined);
    const failed = coreText('update.failedRolledBack', { step: 'build', error: 'exit 1', from: 'abc1234' });
    current = { ...current, run: { outcome: 'rolled-back', message: failed.text, i18n: { message: failed.i18n } } as never };
    bus.emit('update.status', current);
    expect(notes).toEqual([expect.stringMatching(/^Échec de la mise à jour: Échec de la mise à jour à l’étape « build » : exit 1\. Retour à abc1234/)]);
  });

  it('the tray’s log line for a folder that cannot be opened carries its key', async () => {
    t.started = await startMain({ flags: ['--hidden'] });
    const { core } = t.started!.shell;
    shell.openPath.mockResolvedValueOnce('No application is registered to open folders');
    t.started!.menu().click('Open log folder');
    await vi.waitFor(() => expect(core.log.recent().some((e) => e.i18n?.key === 'shell.openFailed')).toBe(true));
    const opened = core.log.recent().find((e) => e.i18n?.key === 'shell.openFailed')!;
    expect(opened.message).toBe(`Could not open ${t.started!.dirs.logs}: No application is registered to open folders`);
    expect(renderText(opened.i18n!, coreFr, { locale: 'fr' })).toBe(`Impossible d’ouvrir ${t.started!.dirs.logs} : No application is registered to open folders`);
  });

  it('an English desktop keeps the English', async () => {
    mock.state.locale = 'en-GB';
    t.started = await startMain({ flags: ['--hidden'] });
    expect(t.started!.menu().item('Show panel')).toBeDefined();
    expect(t.started!.tray().tooltip).toMatch(/^Not configured — /);
  });

  it('follows the language chosen in the panel (a setting) over the system language, and the system again once it is cleared', async () => {
    mock.state.locale = 'en-US';
    t.started = await startMain();
    const { core } = t.started!.shell;
    await painted(t.started!.window());
    expect((await core.dispatch('settings.save', { language: 'fr' })).ok).toBe(true);
    // The tray is rebuilt at once, tooltip (the core status) included.
    await vi.waitFor(() => expect(t.started!.menu().item('Afficher le panneau')).toBeDefined());
    expect(t.started!.tray().tooltip).toMatch(/^Non configuré — /);
    await electronUpdateDeps.confirm(view);
    expect((dialog.showMessageBox.mock.calls.at(-1)![0] as { buttons: string[] }).buttons).toEqual(['Mettre à jour', 'Annuler']);

    // A French system, English chosen in the panel: English.
    mock.state.locale = 'fr-FR';
    expect((await core.dispatch('settings.save', { language: 'en' })).ok).toBe(true);
    await vi.waitFor(() => expect(t.started!.menu().item('Show panel')).toBeDefined());
    const win = t.started!.window();
    win.close();
    expect(mock.state.notifications.at(-1)?.title).toBe('Discord Monitor is still running');

    // Cleared: the system's language again.
    expect((await core.dispatch('settings.save', { language: '' })).ok).toBe(true);
    await vi.waitFor(() => expect(t.started!.menu().item('Afficher le panneau')).toBeDefined());
  });
});
