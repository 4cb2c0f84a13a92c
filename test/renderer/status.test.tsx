import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { FakeApi } from './fake-api';
import { makeStatus } from './fixtures';
import { emit, renderApp } from './render';

async function appIn(state: Parameters<FakeApi['setStatus']>[0], extra = {}) {
  const fake = new FakeApi();
  fake.setStatus(state, extra);
  const view = renderApp(fake);
  const status = await screen.findByTestId('status');
  await within(status).findByText(fake.status.sentence, { exact: false });
  return { ...view, status, button: () => screen.getByTestId('primary-action') };
}

describe('status indicator and primary action', () => {
  it('not-configured: "Configure" opens the settings dialog', async () => {
    const { status, button, user } = await appIn('not-configured');
    expect(status.dataset.state).toBe('not-configured');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(button().textContent).toBe('Configure');
    await user.click(button());
    expect((screen.getByTestId('settings-dialog') as HTMLDialogElement).open).toBe(true);
  });

  it('ready: "Start monitoring" calls bot.start and shows the returned state', async () => {
    const { fake, status, button, user } = await appIn('ready');
    expect(status.dataset.state).toBe('ready');
    expect(button().textContent).toBe('Start monitoring');
    await user.click(button());
    expect(fake.argsOf('bot.start')).toHaveLength(1);
    expect(status.dataset.state).toBe('connecting');
    expect(button().textContent).toBe('Connecting…');
  });

  it('connecting: disabled "Connecting…" with a spinner, and no command on click', async () => {
    const { fake, button, user } = await appIn('connecting');
    expect(button().textContent).toBe('Connecting…');
    expect((button() as HTMLButtonElement).disabled).toBe(true);
    expect(button().querySelector('.spinner')).not.toBeNull();
    await user.click(button());
    expect(fake.calls.filter((c) => c.command.startsWith('bot.') && c.command !== 'bot.status')).toEqual([]);
  });

  it('connected: names the channel and guild, "Stop monitoring" calls bot.stop', async () => {
    const { fake, status, button, user } = await appIn('connected');
    expect(status.textContent).toContain('Connected to #general on Test Guild');
    expect(button().textContent).toBe('Stop monitoring');
    await user.click(button());
    expect(fake.argsOf('bot.stop')).toHaveLength(1);
    expect(status.dataset.state).toBe('ready');
  });

  it('error: shows message, hint and link; "Retry" restarts, "Open settings" opens the dialog', async () => {
    const { fake, status, button, user } = await appIn('error');
    expect(status.textContent).toContain('Discord rejected the bot token.');
    expect(status.textContent).toContain('Reset the token in Developer Portal');
    const link = within(status).getByRole('link', { name: 'How to fix it' });
    expect(link.getAttribute('href')).toBe('https://discord.com/developers/applications');
    expect(button().textContent).toBe('Retry');
    await user.click(button());
    expect(fake.argsOf('bot.start')).toHaveLength(1);

    fake.setStatus('error');
    await emit(fake, 'bot.status', { ...fake.status, since: Date.now() + 1 });
    await user.click(screen.getByRole('button', { name: 'Open settings' }));
    expect((screen.getByTestId('settings-dialog') as HTMLDialogElement).open).toBe(true);
  });

  it('says for how long, and the retry attempt when there is one', async () => {
    const { status } = await appIn('connecting', { since: Date.now() - 3 * 60_000 - 5_000, attempt: 3 });
    expect(status.textContent).toContain('for 3 min');
    expect(status.textContent).toContain('Retry attempt 3');
  });

  it('follows bot.status events', async () => {
    const { fake, status } = await appIn('ready');
    await emit(fake, 'bot.status', makeStatus('connected', { since: Date.now() + 10 }));
    expect(status.dataset.state).toBe('connected');
    expect(screen.getByTestId('primary-action').textContent).toBe('Stop monitoring');
  });

  it('ignores a stale status fetched after a newer event', async () => {
    const fake = new FakeApi();
    let answer!: () => void;
    fake.override('bot.status', () => new Promise((resolve) => (answer = () => resolve(makeStatus('ready', { since: 1 })))));
    renderApp(fake);
    await emit(fake, 'bot.status', makeStatus('connected'));
    answer();
    const status = await screen.findByTestId('status');
    await screen.findByText('Stop monitoring');
    expect(status.dataset.state).toBe('connected');
  });

  it('shows why a command failed', async () => {
    const { fake, button, user } = await appIn('ready');
    fake.failNext('bot.start', new ApiError({ code: 'busy', message: 'An update is running.' }));
    await user.click(button());
    expect((await screen.findByRole('alert')).textContent).toContain('An update is running.');
  });
});
