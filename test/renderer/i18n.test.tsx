import './setup';
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { fr } from '../../renderer/src/i18n/fr';
import { createI18n, detectLanguage } from '../../renderer/src/i18n';
import { FakeApi } from './fake-api';
import { makeSettings, makeStatus } from './fixtures';
import { renderApp } from './render';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`)));
}

describe('i18n', () => {
  afterEach(() => vi.restoreAllMocks());

  it('uses French when the language is fr', async () => {
    const fake = new FakeApi();
    fake.setStatus('not-configured');
    renderApp(fake, { language: 'fr' });
    expect((await screen.findByRole('button', { name: 'Configurer' })).dataset.testid).toBe('primary-action');
    expect(screen.getByTestId('status').textContent).toContain('Non configuré : ajoutez le token du bot');
    expect(screen.getByRole('button', { name: 'Paramètres' })).toBe(screen.getByTestId('settings-button'));
    expect(document.documentElement.lang).toBe('fr');
  });

  it('rebuilds the connected sentence in French from the structured status', async () => {
    const fake = new FakeApi();
    fake.status = makeStatus('connected');
    renderApp(fake, { language: 'fr' });
    const status = await screen.findByTestId('status');
    await within(status).findByText('Connecté à #general sur Test Guild', { exact: false });
    expect(screen.getByTestId('primary-action').textContent).toBe('Arrêter la surveillance');
  });

  it('uses French plurals and units', async () => {
    renderApp(new FakeApi(), { language: 'fr' });
    expect((await screen.findByTestId('footer')).textContent).toContain('0 message reçu pendant cette session');
  });

  it('picks the language from navigator.language, and a saved choice over it', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'en']);
    expect(detectLanguage()).toBe('fr');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE']);
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    expect(detectLanguage()).toBe('en');
    localStorage.setItem('dm.language', 'fr');
    expect(detectLanguage()).toBe('fr');
    expect(createI18n().language).toBe('fr');
  });

  it('switches language from the settings dialog and remembers it', async () => {
    const { user } = renderApp(new FakeApi());
    await user.click(await screen.findByTestId('settings-button'));
    const dialog = within(screen.getByTestId('settings-dialog'));
    await user.selectOptions(await dialog.findByLabelText('Language'), 'fr');
    expect(dialog.getByRole('button', { name: 'Enregistrer' })).toBeTruthy();
    expect(screen.getByTestId('primary-action').textContent).toBe('Démarrer la surveillance');
    expect(localStorage.getItem('dm.language')).toBe('fr');
  });

  it('saves the choice as a setting, so the desktop tray and other panels follow it', async () => {
    const fake = new FakeApi();
    const { user } = renderApp(fake);
    await user.click(await screen.findByTestId('settings-button'));
    const dialog = within(screen.getByTestId('settings-dialog'));
    await user.selectOptions(await dialog.findByLabelText('Language'), 'fr');
    await vi.waitFor(() => expect(fake.argsOf('settings.save')).toContainEqual({ language: 'fr' }));
    expect(fake.settings.language).toBe('fr');
  });

  it('applies the language saved in the settings (chosen in another panel), and a change pushed later', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({ language: 'fr' });
    renderApp(fake, { language: 'en' });
    await vi.waitFor(() => expect(screen.getByTestId('primary-action').textContent).toBe('Démarrer la surveillance'));
    expect(document.documentElement.lang).toBe('fr');
    act(() => fake.emit('settings.changed', makeSettings({ language: 'en' })));
    await vi.waitFor(() => expect(screen.getByTestId('primary-action').textContent).toBe('Start monitoring'));
    // '' means "the system's language": the panel keeps what it shows.
    act(() => fake.emit('settings.changed', makeSettings({ language: '' })));
    expect(screen.getByTestId('primary-action').textContent).toBe('Start monitoring');
  });

  it('has every English key in French, with no empty string', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
    const values = keys(fr).map((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], fr));
    expect(values.every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
  });
});
