// A step's log in the panel's language: the lines the pipeline writes itself come with their key and
// are said in French; a command's output (and a line from a core older than the panel) stays as it came.
import './setup';
import { cleanup } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreText } from '../../shared/core-text';
import { FakeApi } from './fake-api';
import { availableView, makeRun } from './fixtures';
import { emit } from './render';
import { appWith, overlay, step } from './update-ui';

const logOf = (name: string) => step(name).querySelector('[data-testid="update-step-log"]')?.textContent;

describe('an update step’s log', () => {
  it('says the pipeline’s lines in French, command output as printed', async () => {
    const fake = new FakeApi();
    await appWith(availableView(), { language: 'fr' }, fake);
    const fetched = coreText('update.line.fetched', { ref: 'origin/main', to: 'def5678', count: 2, from: 'abc1234' });
    const run = makeRun(
      {
        fetch: { status: 'running', log: ['From /srv/origin', fetched.text], i18n: { log: [null, fetched.i18n] } },
      },
      { outcome: 'running' },
    );
    await emit(fake, 'update.status', availableView({ state: 'updating', run }));
    expect(overlay().open).toBe(true);
    expect(logOf('fetch')).toBe('From /srv/origin\norigin/main est à def5678 : 2 nouveaux commits depuis abc1234.');
  });

  it('the restart step’s “Restarting via … (reason)” line in French, and in English for an English panel', async () => {
    const reason = coreText('update.restartReason.systemdUser', { unit: 'dm.service' }).i18n;
    const line = coreText('update.line.restartingViaCommand', { method: 'systemd', command: 'systemctl --user restart dm.service', reason });
    const run = makeRun({ restart: { status: 'running', log: [line.text], i18n: { log: [line.i18n] } } }, { outcome: 'running' });
    for (const [language, said] of [
      ['fr', 'Redémarrage via systemd : systemctl --user restart dm.service (processus de l’unité systemd utilisateur dm.service).'],
      ['en', 'Restarting via systemd: systemctl --user restart dm.service (running as systemd user unit dm.service).'],
    ] as const) {
      const fake = new FakeApi();
      await appWith(availableView(), { language }, fake);
      await emit(fake, 'update.status', availableView({ state: 'updating', run }));
      expect(logOf('restart')).toBe(said);
      cleanup();
    }
  });

  it('the rollback’s error: each part it could not undo in French', async () => {
    const fake = new FakeApi();
    await appWith(availableView(), { language: 'fr' }, fake);
    const part = coreText('update.rollback.part', { what: coreText('update.rollback.restoreCheckout').i18n, error: 'fatal: unable to write new index file' });
    const run = makeRun({ build: { status: 'failed', error: 'boom' }, rollback: { status: 'failed', error: part.text, i18n: { error: part.i18n } } }, { outcome: 'failed' });
    await emit(fake, 'update.status', availableView({ state: 'updating', run }));
    expect(step('rollback').querySelector('.update-step__error')?.textContent).toBe('restauration du dossier de l’application : fatal: unable to write new index file');
  });
});
