// A French panel says a refused command in French wherever an API error is shown (restart, history,
// messages, settings), from the key the core sends beside its English.
import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { coreText } from '../../shared/core-text';
import { FakeApi } from './fake-api';
import { makeUpdateView } from './fixtures';
import { renderApp } from './render';

const busy = coreText('command.busy', { reason: coreText('command.updateRunning').i18n });
const busyError = () => new ApiError({ code: 'busy', message: busy.text, i18n: busy.i18n });
const FRENCH_BUSY = 'Une mise à jour est en cours. Réessayez quand elle sera terminée.';

describe('refused commands in the panel’s language', () => {
  it('a refused restart', async () => {
    const fake = new FakeApi();
    fake.updateView = makeUpdateView({ restartNeeded: true });
    fake.failNext('app.restart', busyError());
    const { user } = renderApp(fake, { language: 'fr' });
    const notice = await screen.findByTestId('restart-needed');
    await user.click(within(notice).getByRole('button', { name: 'Redémarrer maintenant' }));
    const alert = await within(notice).findByRole('alert');
    expect(alert.textContent).toContain(FRENCH_BUSY);
    expect(alert.textContent).not.toContain('Try again');
  });

  it('messages that could not be loaded', async () => {
    const fake = new FakeApi();
    fake.failNext('messages.list', busyError());
    renderApp(fake, { language: 'fr' });
    const said = await screen.findByText(/^Impossible de charger les messages : /);
    expect(said.textContent).toContain(FRENCH_BUSY);
  });

  it('a refused history backfill', async () => {
    const fake = new FakeApi();
    fake.failNext('history.backfill', busyError());
    const { user } = renderApp(fake, { language: 'fr' });
    await user.click(await screen.findByTestId('history-button'));
    await user.click(await screen.findByRole('tab', { name: 'Récupération' }));
    await user.click(await screen.findByTestId('backfill-start'));
    const alert = await within(screen.getByTestId('history-backfill')).findByRole('alert');
    expect(alert.textContent).toBe(FRENCH_BUSY);
  });
});
