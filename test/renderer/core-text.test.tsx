// A French panel says the core's sentences in French (status, error with its hint, log entry, update
// step), from the key and parameters the core sends beside its English; an unknown key shows the English.
import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { coreText } from '../../shared/core-text';
import type { BotError } from '../../shared/types';
import { FakeApi } from './fake-api';
import { availableView, makeLog, makeRun, makeStatus } from './fixtures';
import { emit, renderApp } from './render';

function channelError(): BotError {
  const message = coreText('error.channelNotFound', { channelId: '42', guild: 'Test Guild' });
  const hint = coreText('error.channelNotFound.hint');
  return { code: 'channel-not-found', message: message.text, hint: hint.text, i18n: { message: message.i18n, hint: hint.i18n } };
}

describe('core sentences in the panel’s language', () => {
  it('a status the core words (catch-up progress) is French, numbers in French', async () => {
    const fake = new FakeApi();
    const waiting = coreText('status.catchingUp', { fetched: 3400, about: 9000 });
    fake.status = makeStatus('connecting', { sentence: waiting.text, i18n: waiting.i18n });
    renderApp(fake, { language: 'fr' });
    const status = await screen.findByTestId('status');
    // French groups digits with a narrow no-break space (the text matcher would normalise it away).
    await within(status).findByText(/^Rattrapage : /);
    expect(status.querySelector('.status__sentence')?.textContent).toContain('Rattrapage : 3\u202f400 messages sur environ 9\u202f000…');
  });

  it('an error and its hint are French, the retry sentence around it too', async () => {
    const fake = new FakeApi();
    const error = channelError();
    const retry = coreText('status.errorRetrying', { error: error.i18n!.message, seconds: 4, attempt: 2 });
    fake.status = makeStatus('error', { error, sentence: retry.text, i18n: retry.i18n });
    renderApp(fake, { language: 'fr' });
    const status = await screen.findByTestId('status');
    await within(status).findByText('Le salon 42 est introuvable sur Test Guild, ou le bot ne peut pas le voir. Nouvel essai dans 4 s (tentative 2).', { exact: false });
    expect(status.querySelector('.status__error-message')?.textContent).toBe('Le salon 42 est introuvable sur Test Guild, ou le bot ne peut pas le voir.');
    expect(status.querySelector('.status__hint')?.textContent).toMatch(/^Vérifiez l’ID du salon/);
    expect(status.textContent).not.toContain('was not found');
  });

  it('a log entry is French; one whose key this panel does not know stays English', async () => {
    const fake = new FakeApi();
    const caught = coreText('log.caughtUp', { count: 2500 });
    fake.logs = [{ ...makeLog(1, 'info', caught.text), i18n: caught.i18n }, { ...makeLog(2, 'warn', 'Something new.'), i18n: { key: 'log.fromTheFuture', params: {} } }];
    renderApp(fake, { language: 'fr' });
    const log = await screen.findByTestId('log');
    await within(log).findByText(/messages publiés pendant la déconnexion/);
    expect(log.querySelector('.log__message')?.textContent).toBe('2\u202f500 messages publiés pendant la déconnexion ont été rattrapés.');
    expect(within(log).getByText('Something new.')).toBeTruthy();
    expect(log.textContent).not.toContain('Caught up');
  });

  it('an update step’s error and the run’s sentence are French', async () => {
    const fake = new FakeApi();
    renderApp(fake, { language: 'fr' });
    await screen.findByTestId('status');
    const failed = coreText('update.commandFailed', { command: 'npm run build', code: '1' });
    const outcome = coreText('update.failedRolledBack', { step: 'build', error: failed.i18n, from: 'abc1234' });
    await emit(
      fake,
      'update.status',
      availableView({
        run: makeRun(
          { build: { status: 'failed', error: failed.text, i18n: { error: failed.i18n } }, rollback: { status: 'done' } },
          { outcome: 'rolled-back', message: outcome.text, i18n: { message: outcome.i18n } },
        ),
      }),
    );
    const build = (await screen.findAllByTestId('update-step')).find((s) => s.dataset.step === 'build')!;
    expect(build.textContent).toContain('npm run build s’est terminé avec le code 1 — voir les lignes du journal ci-dessus');
    expect(screen.getByTestId('update-failure').textContent).toContain('Échec de la mise à jour');
    expect(screen.getByTestId('update-failure').textContent).not.toContain('Update failed');
  });

  it('a refused command’s sentence is French (start while an update runs)', async () => {
    const fake = new FakeApi();
    fake.setStatus('ready');
    const busy = coreText('command.busy', { reason: coreText('command.updateRunning').i18n });
    fake.override('bot.start', () => {
      throw new ApiError({ code: 'busy', message: busy.text, i18n: busy.i18n });
    });
    const { user } = renderApp(fake, { language: 'fr' });
    await user.click(await screen.findByRole('button', { name: 'Démarrer la surveillance' }));
    const alert = await screen.findByText(/Une mise à jour est en cours\. Réessayez quand elle sera terminée\./);
    expect(alert.textContent).not.toContain('Try again');
  });
});
