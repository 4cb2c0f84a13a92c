// The update UI in French.
import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi } from './fake-api';
import { availableView, makeLastUpdate, makeRun, makeUpdateView } from './fixtures';
import { emit } from './render';
import { appWith, button, confirmDialog, overlay, step } from './update-ui';

describe('update UI in French', () => {
  it('button, confirmation, steps and banner', async () => {
    const fake = new FakeApi();
    const { user } = await appWith(availableView({ lastUpdate: makeLastUpdate() }), { language: 'fr' }, fake);
    expect(button().title).toBe('3 mises à jour disponibles — cliquez pour mettre à jour');
    expect(button().textContent).toContain('Mettre à jour');
    expect(screen.getByTestId('last-update').textContent).toContain('Mis à jour abc1234 → def5678 en 4,2 s');

    await user.click(button());
    const d = within(confirmDialog());
    expect(screen.getByRole('dialog', { name: 'Mettre à jour Discord Monitor ?' })).toBe(confirmDialog());
    expect(d.getByText('Cela va :')).toBeTruthy();
    expect(d.getByText('Arrêter le bot Discord (il surveille jusque-là)')).toBeTruthy();
    expect(d.getByText('Réinstaller les dépendances (lockfile modifié)', { exact: false })).toBeTruthy();
    expect(d.getByText('Alice Martin, avant-hier')).toBeTruthy();
    expect(d.getByTestId('update-local-changes').textContent).toContain('conservées dans git stash');
    expect(d.getByTestId('update-estimate').textContent).toBe('Le processus prend environ 12 s, d’après les mises à jour précédentes.');
    expect(d.getByTestId('update-confirm-button').textContent).toBe('Mettre à jour');

    await emit(fake, 'update.status', availableView({ state: 'updating', run: makeRun({ 'stop-bot': { status: 'running' } }) }));
    expect(within(overlay()).getByRole('heading').textContent).toBe('Mise à jour de Discord Monitor…');
    expect(step('stop-bot').textContent).toContain('Arrêt du bot Discord');
    expect(within(overlay()).getByRole('status').textContent).toBe('Étape 1 sur 11 : Arrêt du bot Discord');
  });

  it('up to date, in French', async () => {
    await appWith(makeUpdateView(), { language: 'fr' });
    expect(button().title).toBe('À jour — cliquez pour vérifier à nouveau');
    expect(button().textContent).toContain('vérifié il y a 2 min');
  });
});
