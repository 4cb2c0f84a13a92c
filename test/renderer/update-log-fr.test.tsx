// A step's log in the panel's language: the lines the pipeline writes itself come with their key and
// are said in French; a command's output (and a line from a core older than the panel) stays as it came.
import './setup';
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

  it('the rollback’s error: each part it could not undo in French', async () => {
    const fake = new FakeApi();
    await appWith(availableView(), { language: 'fr' }, fake);
    const part = coreText('update.rollback.part', { what: coreText('update.rollback.restoreCheckout').i18n, error: 'fatal: unable to write new index file' });
    const run = makeRun({ build: { status: 'failed', error: 'boom' }, rollback: { status: 'failed', error: part.text, i18n: { error: part.i18n } } }, { outcome: 'failed' });
    await emit(fake, 'update.status', availableView({ state: 'updating', run }));
    expect(step('rollback').querySelector('.update-step__error')?.textContent).toBe('restauration du dossier de l’application : fatal: unable to write new index file');
  });
});
