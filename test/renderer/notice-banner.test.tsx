import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../shared/types';
import { FakeApi } from './fake-api';
import { emit, renderApp } from './render';

const PATH = '/home/me/.config/Discord Monitor/settings.corrupt-2026-12-01T10-00-00-000Z.json';
const moved = (id = 'n1'): Notice => ({
  id,
  time: Date.now(),
  level: 'warn',
  code: 'settings-moved-aside',
  params: { path: PATH, reason: 'it holds a list, not an object of settings' },
  message: `Settings file was unreadable (it holds a list, not an object of settings); it was moved to ${PATH} and defaults are in use. Re-enter your settings or repair that file.`,
});

describe('notices banner', () => {
  it('says a moved-aside settings file, with its path, until dismissed', async () => {
    const fake = new FakeApi();
    fake.notices = [moved()];
    const { user } = renderApp(fake);
    const banner = await screen.findByTestId('notice');
    expect(banner.dataset.code).toBe('settings-moved-aside');
    expect(banner.textContent).toContain(PATH);
    expect(banner.textContent).toMatch(/could not be read.*default settings are in use/);
    expect(banner.getAttribute('role')).toBe('alert');

    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(fake.argsOf('app.dismissNotice')).toEqual([{ id: 'n1' }]);
    expect(screen.queryByTestId('notice')).toBeNull();
  });

  it('is in French for a French panel', async () => {
    const fake = new FakeApi();
    fake.notices = [moved()];
    const { user } = renderApp(fake, { language: 'fr' });
    const banner = await screen.findByTestId('notice');
    expect(banner.textContent).toContain(PATH);
    expect(banner.textContent).toMatch(/fichier de réglages/);
    await user.click(within(banner).getByRole('button', { name: 'Ignorer' }));
    expect(fake.argsOf('app.dismissNotice')).toEqual([{ id: 'n1' }]);
  });

  it('follows notices.changed (a notice raised or dismissed elsewhere)', async () => {
    const fake = new FakeApi();
    renderApp(fake);
    await screen.findByTestId('log');
    expect(screen.queryByTestId('notice')).toBeNull();
    await emit(fake, 'notices.changed', [moved('a'), { ...moved('b'), code: 'something-new', params: {}, message: 'A sentence only the core knows.' }]);
    const banners = screen.getAllByTestId('notice');
    expect(banners).toHaveLength(2);
    // A code the panel has no translation for shows the core's English sentence.
    expect(banners[1]!.textContent).toContain('A sentence only the core knows.');
    await emit(fake, 'notices.changed', []);
    expect(screen.queryByTestId('notice')).toBeNull();
  });

  it('a failed dismissal keeps the notice and says so', async () => {
    const fake = new FakeApi();
    fake.notices = [moved()];
    fake.failNext('app.dismissNotice', new Error('Discord Monitor is not reachable.'));
    const { user } = renderApp(fake);
    const banner = await screen.findByTestId('notice');
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(await within(banner).findByText(/Could not dismiss/)).toBeTruthy();
    expect(screen.getByTestId('notice')).toBeTruthy();
  });
});
