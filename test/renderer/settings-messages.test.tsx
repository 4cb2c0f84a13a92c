import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi } from './fake-api';
import { makeSettings } from './fixtures';
import { renderApp } from './render';

async function openSettings(fake: FakeApi, language: 'en' | 'fr' = 'en') {
  const view = renderApp(fake, { language });
  await view.user.click(await screen.findByTestId('settings-button'));
  const dialog = screen.getByTestId('settings-dialog') as HTMLDialogElement;
  await within(dialog).findByLabelText(language === 'en' ? 'Highlight keywords' : 'Mots-clés en surbrillance');
  return { ...view, dialog, d: within(dialog) };
}

describe('settings dialog: messages', () => {
  it('edits the highlight keywords as a comma-separated list and saves the list', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({ highlightKeywords: ['deploy', 'on call'] });
    const { d, dialog, user } = await openSettings(fake);
    const field = d.getByLabelText('Highlight keywords') as HTMLInputElement;
    expect(field.value).toBe('deploy, on call');
    await user.clear(field);
    await user.type(field, 'deploy, outage , Deploy,');
    await user.click(d.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dialog.open).toBe(false));
    expect(fake.argsOf('settings.save')).toEqual([{ highlightKeywords: ['deploy', 'outage'] }]);
  });

  it('refuses keywords beyond the bounds inline, without saving', async () => {
    const fake = new FakeApi();
    const { d, user } = await openSettings(fake);
    const field = d.getByLabelText('Highlight keywords') as HTMLInputElement;
    await user.type(field, `fine, ${'x'.repeat(65)}`);
    await user.click(d.getByRole('button', { name: 'Save' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('settings-highlightKeywords-error')?.textContent).toMatch(/At most 50 keywords of at most 64 characters/);
    expect(fake.argsOf('settings.save')).toEqual([]);
  });

  it('chooses the history to read (FETCH_MODE, FETCH_LIMIT, FETCH_PERIOD)', async () => {
    const fake = new FakeApi();
    const { d, dialog, user } = await openSettings(fake);
    expect((d.getByLabelText('History to read') as HTMLSelectElement).value).toBe('recent');
    await user.selectOptions(d.getByLabelText('History to read'), 'History');
    await user.selectOptions(d.getByLabelText('At most'), '10,000');
    await user.selectOptions(d.getByLabelText('From'), 'the last 30 days');
    await user.click(d.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dialog.open).toBe(false));
    expect(fake.argsOf('settings.save')).toEqual([{ fetchMode: 'history', fetchLimit: '10000', fetchPeriod: '30d' }]);
  });

  it('locks what the environment sets, and says which variable', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({
      highlightKeywords: ['deploy'],
      fetchMode: 'history',
      fromEnv: { highlightKeywords: 'HIGHLIGHT_KEYWORDS', fetchMode: 'FETCH_MODE (.env)' },
    });
    const { d, dialog, user } = await openSettings(fake, 'fr');
    expect((d.getByLabelText('Mots-clés en surbrillance') as HTMLInputElement).readOnly).toBe(true);
    const mode = d.getByLabelText('Historique à lire') as HTMLSelectElement;
    expect(mode.disabled).toBe(true);
    expect(mode.value).toBe('history');
    expect(d.getByText('Défini par la variable d’environnement FETCH_MODE (.env)')).toBeTruthy();
    expect((d.getByLabelText('Au plus') as HTMLSelectElement).disabled).toBe(false);
    await user.selectOptions(d.getByLabelText('Depuis'), 'toujours');
    await user.click(d.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(dialog.open).toBe(false));
    expect(fake.argsOf('settings.save')).toEqual([{ fetchPeriod: 'all' }]);
  });
});
