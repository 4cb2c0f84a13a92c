// The "Updates off" tooltip says what turned updates off, in the panel's language.
import './setup';
import { screen, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import type { UpdateView } from '../../shared/types';
import { FakeApi } from './fake-api';
import { makeUpdateView } from './fixtures';
import { renderApp } from './render';

async function tooltipOf(view: UpdateView, language: 'en' | 'fr') {
  const fake = new FakeApi();
  fake.updateView = view;
  const { unmount } = renderApp(fake, { language });
  await waitFor(() => expect(screen.getByTestId('update-button').dataset.state).toBe('disabled'));
  const title = screen.getByTestId('update-button').title;
  unmount();
  return title;
}

const byEnv = makeUpdateView({ state: 'disabled', message: 'Update checks are turned off by AUTO_UPDATE_ENABLED.', disabled: { reason: 'auto-update-off', envVar: 'AUTO_UPDATE_ENABLED' } });

it('set by an environment variable: names it instead of the locked Settings checkbox', async () => {
  expect(await tooltipOf(byEnv, 'en')).toBe('Update checks are turned off by the environment variable AUTO_UPDATE_ENABLED, set where the app is started: remove it or set it to True there.');
});

it('in French too', async () => {
  expect(await tooltipOf(byEnv, 'fr')).toBe('Les vérifications de mises à jour sont désactivées par la variable d’environnement AUTO_UPDATE_ENABLED, définie là où l’application est lancée : supprimez-la ou mettez-la à True.');
  expect(await tooltipOf(makeUpdateView({ state: 'disabled', message: 'x', disabled: { reason: 'auto-update-off' } }), 'fr')).toContain('Paramètres → Mises à jour');
});
