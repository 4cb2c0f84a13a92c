// A notice's dismissal the core refuses is said in the panel's language (a French-panel audit: the banner showed
// the core's English inside its French frame, although the core sent the sentence by key).
import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { coreText } from '../../shared/core-text';
import type { Notice } from '../../shared/types';
import { FakeApi } from './fake-api';
import { renderApp } from './render';

const notice: Notice = {
  id: 'n1', time: Date.now(), level: 'warn', code: 'settings-moved-aside',
  params: { path: '/home/moi/settings.corrupt.json', reason: 'x' },
  message: 'Settings file was unreadable; it was moved to /home/moi/settings.corrupt.json.',
};

describe('notice banner, French', () => {
  it('a dismissal refused by the core (shutting down) is said in French', async () => {
    const fake = new FakeApi();
    fake.notices = [notice];
    const said = coreText('command.shuttingDown');
    fake.failNext('app.dismissNotice', new ApiError({ code: 'unavailable', message: said.text, i18n: said.i18n }));
    const { user } = renderApp(fake, { language: 'fr' });
    const banner = await screen.findByTestId('notice');
    await user.click(within(banner).getByRole('button', { name: 'Ignorer' }));
    const error = await within(banner).findByText((_, el) => el?.classList.contains('notice__error') ?? false);
    expect(error.textContent).toContain('L’application s’arrête');
  });
});
