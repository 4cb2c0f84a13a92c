import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi } from './fake-api';
import { makeInfo, makeLog } from './fixtures';
import { emit, renderApp } from './render';

describe('event log', () => {
  it('shows the last 3 lines, expandable to all, with levels written out', async () => {
    const fake = new FakeApi();
    fake.logs = [makeLog(1), makeLog(2, 'warn'), makeLog(3), makeLog(4, 'error', 'Gateway closed')];
    const { user } = renderApp(fake);
    const log = await screen.findByTestId('log');
    await within(log).findByText('Gateway closed');

    expect(within(log).getAllByRole('listitem')).toHaveLength(3);
    expect(within(log).queryByText('Log line 1')).toBeNull();
    const last = within(log).getAllByRole('listitem').at(-1)!;
    expect(last.dataset.level).toBe('error');
    expect(last.classList.contains('log__entry--error')).toBe(true);
    expect(last.textContent).toContain('error');

    const toggle = within(log).getByRole('button', { name: 'Show all' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(log).getAllByRole('listitem')).toHaveLength(4);
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)).not.toBeNull();
  });

  it('adds log.entry events and keeps the last 100', async () => {
    const fake = new FakeApi();
    fake.logs = [makeLog(1)];
    const { user } = renderApp(fake);
    const log = await screen.findByTestId('log');
    await within(log).findByText('Log line 1');
    for (let id = 2; id <= 120; id++) await emit(fake, 'log.entry', makeLog(id));
    // An entry both fetched and pushed is shown once.
    await emit(fake, 'log.entry', makeLog(120));
    await user.click(within(log).getByRole('button', { name: 'Show all' }));
    const items = within(log).getAllByRole('listitem');
    expect(items).toHaveLength(100);
    expect(items[0]!.textContent).toContain('Log line 21');
    expect(items.at(-1)!.textContent).toContain('Log line 120');
  });
});

describe('footer', () => {
  it('shows version, short commit and mode', async () => {
    const fake = new FakeApi();
    fake.info = makeInfo({ version: '3.1.4', commit: 'abcdef0123456789', mode: 'headless' });
    renderApp(fake);
    const footer = await screen.findByTestId('footer');
    await within(footer).findByText('abcdef0');
    expect(footer.textContent).toContain('v3.1.4');
    expect(footer.textContent).toContain('Headless (browser)');
    expect(footer.textContent).not.toContain('abcdef0123456789');
  });
});
