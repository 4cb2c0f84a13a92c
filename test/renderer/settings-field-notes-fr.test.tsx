// A French panel shows the core's field notes (under the field) in French: they travel by key like the
// sentence below the form. And the backup folder is checked in the panel before it is sent.
import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { CommandError } from '../../electron/core/errors';
import { checkApiUrlChange } from '../../electron/core/handlers/token-destination';
import { FakeApi } from './fake-api';
import { renderApp } from './render';

async function openFrenchSettings(fake: FakeApi) {
  const view = renderApp(fake, { language: 'fr' });
  await view.user.click(await screen.findByTestId('settings-button'));
  const dialog = screen.getByTestId('settings-dialog') as HTMLDialogElement;
  await within(dialog).findByLabelText('ID du salon');
  return { ...view, d: within(dialog) };
}

const notesOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');

describe('settings: a field refused by the core, in French', () => {
  it('changing the API URL without retyping the token: the note under "Token du bot" is French', async () => {
    const fake = new FakeApi();
    fake.override('settings.save', (patch) => {
      try {
        checkApiUrlChange(patch as { apiUrl?: string; token?: string | null }, { token: 'saved.token.0123456789-abcdefghij', apiUrl: fake.settings.apiUrl } as never, {});
      } catch (err) {
        if (err instanceof CommandError) throw new ApiError(err.toBody());
        throw err;
      }
      return fake.settings;
    });
    const { d, user } = await openFrenchSettings(fake);
    await user.click(d.getByText('Avancé'));
    const url = d.getByLabelText('URL de l’API Discord');
    await user.clear(url);
    await user.type(url, 'https://discord.example.org/api');
    await user.click(d.getByRole('button', { name: 'Enregistrer' }));

    const alert = await d.findByRole('alert');
    expect(alert.textContent).toMatch(/^Paramètres non enregistrés : /);
    const token = d.getByLabelText('Token du bot');
    expect(token.getAttribute('aria-invalid')).toBe('true');
    expect(notesOf(token)).not.toMatch(/is needed again/);
    expect(notesOf(token)).toMatch(/retapez|à nouveau|de nouveau/i);
  });
});

describe('archive: the backup folder, in French', () => {
  it('a folder without a leading "/" is refused in the panel, in French, and not sent', async () => {
    const fake = new FakeApi();
    const view = renderApp(fake, { language: 'fr' });
    await view.user.click(await screen.findByTestId('archive-button'));
    const d = within(await screen.findByTestId('archive-dialog'));
    await view.user.type(await d.findByTestId('backup-dir'), 'sauvegardes');
    await view.user.click(d.getByRole('button', { name: 'Enregistrer' }));
    const said = (await d.findByText(/chemin absolu/)).textContent ?? '';
    expect(said).not.toMatch(/must be|backupDir|settings\.save/);
    expect(fake.argsOf('settings.save')).toEqual([]);
  });
});
