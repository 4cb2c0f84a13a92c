// Counts said with their plural form and the locale's digits (a French-panel audit: "1 messages enregistrés",
// "12345 messages", "14 h — 1 messages"). French: "1 message enregistré", and "12 345".
import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi } from './fake-api';
import { renderApp } from './render';

describe('counts in a French panel', () => {
  it('Archive → Export (desktop) of one message: "1 message enregistré", not "1 messages enregistrés"', async () => {
    const fake = new FakeApi();
    fake.override('archive.export', async () => ({ file: '/home/moi/general.html', count: 1, bytes: 1000, mediaFailed: 0 }));
    const { user } = renderApp(fake, { language: 'fr' });
    await user.click(await screen.findByTestId('archive-button'));
    const d = within(await screen.findByTestId('archive-dialog'));
    await user.click(d.getByTestId('export-start'));
    const result = await d.findByTestId('export-result');
    expect(result.textContent).not.toMatch(/^1 messages enregistrés/);
    expect(result.textContent).toMatch(/^1 message enregistré /);
  });

  it('Archive → Export (desktop) of 12 345 messages: the number in French digits', async () => {
    const fake = new FakeApi();
    fake.override('archive.export', async () => ({ file: '/home/moi/general.html', count: 12345, bytes: 1000, mediaFailed: 0 }));
    const { user } = renderApp(fake, { language: 'fr' });
    await user.click(await screen.findByTestId('archive-button'));
    const d = within(await screen.findByTestId('archive-dialog'));
    await user.click(d.getByTestId('export-start'));
    const result = await d.findByTestId('export-result');
    // Today: "12345 messages enregistrés dans …"
    expect(result.textContent).toContain((12345).toLocaleString('fr'));
  });

  it('History → Statistics: an hour with one message is titled "1 message"', async () => {
    const fake = new FakeApi();
    fake.stats = { ...fake.stats, total: 1, hours: Array.from({ length: 24 }, (_, h) => (h === 14 ? 1 : 0)) };
    const { user } = renderApp(fake, { language: 'fr' });
    await user.click(await screen.findByTestId('history-button'));
    await user.click(await screen.findByRole('tab', { name: 'Statistiques' }));
    const stats = await screen.findByTestId('history-stats');
    const hour = await within(stats).findByTitle(/^14 h/);
    // Today: "14 h — 1 messages"
    expect(hour.getAttribute('title')).toBe('14 h — 1 message');
  });
});
