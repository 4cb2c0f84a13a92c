// The confirmation's plan says which parts of the running build are reused rather than rebuilt.
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import type { UpdateView } from '../../shared/types';
import { FakeApi } from './fake-api';
import { availableView } from './fixtures';
import { renderApp } from './render';

async function buildLine(view: UpdateView, language: 'en' | 'fr' = 'en'): Promise<string | null> {
  const fake = new FakeApi();
  fake.updateView = view;
  const { user } = renderApp(fake, { language });
  await waitFor(() => expect(screen.getByTestId('update-button').dataset.state).toBe(view.state));
  await user.click(screen.getByTestId('update-button'));
  const plan = within(screen.getByTestId('update-confirm')).getByTestId('update-plan');
  return plan.querySelector('[data-item="build"]')?.textContent ?? null;
}

it('names the reused parts', async () => {
  expect(await buildLine(availableView({ build: { reused: ['renderer', 'preload'] } }))).toBe('Rebuild — unchanged, reused as is: the panel, the desktop preload');
});

it('names them in French', async () => {
  expect(await buildLine(availableView({ build: { reused: ['renderer'] } }), 'fr')).toBe('Recompiler — inchangé, repris tel quel : le panneau');
});

it('says only "Rebuild" when nothing is reused', async () => {
  expect(await buildLine(availableView({ build: { reused: [] } }))).toBe('Rebuild');
});

it('says only "Rebuild" when the server sent no build plan', async () => {
  expect(await buildLine(availableView({ build: null }))).toBe('Rebuild');
});
