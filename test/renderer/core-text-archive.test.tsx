// A French panel says the archive's sentences in French: the backup failure, why delete-all is refused,
// the delete run's outcome and a refused command, from the keys the core sends beside its English.
import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { coreText } from '../../shared/core-text';
import { FakeApi } from './fake-api';
import { makeSettings } from './fixtures';
import { emit, renderApp } from './render';

async function openArchive(fake: FakeApi) {
  const view = renderApp(fake, { language: 'fr' });
  await view.user.click(await screen.findByTestId('archive-button'));
  return { ...view, d: within(await screen.findByTestId('archive-dialog')) };
}

describe('archive sentences in the panel’s language', () => {
  it('the last backup failure and the delete-all refusal are French', async () => {
    const fake = new FakeApi();
    const failed = coreText('archive.backupFailed', { dir: '/data/b', detail: coreText('archive.noChannel').i18n });
    const off = coreText('archive.deleteNotEnabled');
    fake.override('archive.status', () => ({
      backups: { enabled: false, dir: '/data/b', keep: 7, intervalHours: 24, recent: [], nextAt: null, error: failed.text, errorI18n: failed.i18n },
      deleteAll: null,
    }));
    fake.override('archive.deleteAllCheck', () => ({
      allowed: false, dangerousActionsEnabled: false, channel: null, missing: [], reason: off.text, reasonI18n: off.i18n, running: null,
    }));
    const { d } = await openArchive(fake);
    expect((await d.findByText(/^La sauvegarde des messages n’a pas pu être écrite dans \/data\/b/)).textContent).toContain('aucun salon n’est encore configuré');
    expect((await d.findByTestId('delete-refused')).textContent).toMatch(/Les actions dangereuses sont désactivées/);
    expect(d.getByTestId('delete-refused').textContent).not.toContain('Dangerous actions are off');
  });

  it('the delete run’s outcome is French', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({ dangerousActionsEnabled: true });
    const { d } = await openArchive(fake);
    await d.findByTestId('delete-start');
    const done = coreText('archive.deleteDone', { deleted: 8, bulk: 5, single: 3, failed: 0, seconds: '1.5' });
    await emit(fake, 'archive.deleteProgress', {
      state: 'done', deleted: 8, bulk: 5, single: 3, failed: 0, startedAt: 1, finishedAt: 2, backup: null, channel: 'general', message: done.text, i18n: done.i18n,
    });
    const progress = await d.findByTestId('delete-progress');
    expect(progress.textContent).toContain('Terminé : 8 supprimés (5 en masse, 3 un par un), 0 refusés par Discord, en 1.5 s.');
    expect(progress.textContent).not.toContain('Done:');
  });

  it('a refused backup command is French', async () => {
    const fake = new FakeApi();
    const refused = coreText('archive.backupFailed', { dir: '/data/b', detail: 'EACCES' });
    fake.override('archive.backupNow', () => {
      throw new ApiError({ code: 'unavailable', message: refused.text, i18n: refused.i18n });
    });
    const { d, user } = await openArchive(fake);
    await user.click(await d.findByTestId('backup-now'));
    const said = await d.findByText(/La sauvegarde des messages n’a pas pu être écrite dans \/data\/b : EACCES/);
    expect(said.textContent).not.toContain('could not be written');
  });
});
