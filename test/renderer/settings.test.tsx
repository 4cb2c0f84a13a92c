import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { FakeApi } from './fake-api';
import { CHANNEL_ID, GUILD_ID, makeSettings } from './fixtures';
import { renderApp } from './render';

async function openSettings(fake = new FakeApi()) {
  const view = renderApp(fake);
  await view.user.click(await screen.findByTestId('settings-button'));
  const dialog = screen.getByTestId('settings-dialog') as HTMLDialogElement;
  await within(dialog).findByLabelText('Channel ID');
  return { ...view, dialog, d: within(dialog) };
}

const input = (d: ReturnType<typeof within>, label: string) => d.getByLabelText(label) as HTMLInputElement;

describe('settings dialog', () => {
  it('is an accessible modal', async () => {
    const { dialog } = await openSettings();
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBe(dialog);
    // Focus starts in the first field.
    expect(document.activeElement).toBe(screen.getByLabelText('Bot token'));
  });

  it('rejects a bad channel ID inline and does not call save', async () => {
    const { fake, d, user } = await openSettings();
    const channel = input(d, 'Channel ID');
    await user.clear(channel);
    await user.type(channel, '12345');
    await user.click(d.getByRole('button', { name: 'Save' }));

    expect(channel.getAttribute('aria-invalid')).toBe('true');
    const describedBy = channel.getAttribute('aria-describedby')!.split(' ');
    const message = describedBy.map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(message).toContain('Must be a Discord ID: 17 to 20 digits');
    expect(fake.argsOf('settings.save')).toEqual([]);
    expect(document.activeElement).toBe(channel);
  });

  it('shows the error when the field is left, not while typing', async () => {
    const { d, user } = await openSettings();
    const guild = input(d, 'Server (guild) ID');
    await user.clear(guild);
    await user.type(guild, 'abc');
    expect(guild.getAttribute('aria-invalid')).toBeNull();
    await user.tab();
    expect(guild.getAttribute('aria-invalid')).toBe('true');
  });

  it('saves only the changed fields and closes', async () => {
    const { fake, dialog, d, user } = await openSettings();
    const channel = input(d, 'Channel ID');
    await user.clear(channel);
    await user.type(channel, '345678901234567890');
    await user.click(d.getByLabelText('Start monitoring when the app starts'));
    await user.click(d.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(dialog.open).toBe(false));
    expect(fake.argsOf('settings.save')).toEqual([{ channelId: '345678901234567890', autoStartBot: true }]);
  });

  it('saves on Enter', async () => {
    const { fake, dialog, d, user } = await openSettings();
    await user.clear(input(d, 'Server (guild) ID'));
    await user.type(input(d, 'Server (guild) ID'), '999999999999999999{Enter}');
    await waitFor(() => expect(dialog.open).toBe(false));
    expect(fake.argsOf('settings.save')).toEqual([{ guildId: '999999999999999999' }]);
  });

  it('closes without saving when nothing changed', async () => {
    const { fake, dialog, d, user } = await openSettings();
    await user.click(d.getByRole('button', { name: 'Save' }));
    expect(dialog.open).toBe(false);
    expect(fake.argsOf('settings.save')).toEqual([]);
  });

  it('shows the server’s field errors under the field', async () => {
    const fake = new FakeApi();
    fake.failNext(
      'settings.save',
      new ApiError({ code: 'invalid-input', message: 'Some settings are invalid.', fields: { guildId: 'no such guild for this bot' } }),
    );
    const { dialog, d, user } = await openSettings(fake);
    await user.clear(input(d, 'Server (guild) ID'));
    await user.type(input(d, 'Server (guild) ID'), '999999999999999999');
    await user.click(d.getByRole('button', { name: 'Save' }));

    const guild = input(d, 'Server (guild) ID');
    await waitFor(() => expect(guild.getAttribute('aria-invalid')).toBe('true'));
    expect(d.getByText('no such guild for this bot').id).toBe(guild.getAttribute('aria-describedby')?.split(' ').at(-1));
    expect(d.getByRole('alert').textContent).toContain('Some settings are invalid.');
    expect(dialog.open).toBe(true);
  });

  it('makes fields set by the environment read-only and says which variable', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({ fromEnv: { guildId: 'DISCORD_GUILD_ID', autoStartBot: 'AUTO_START_BOT' } });
    const { d, user } = await openSettings(fake);
    const guild = input(d, 'Server (guild) ID');
    expect(guild.readOnly).toBe(true);
    expect(d.getByText('Set by environment variable DISCORD_GUILD_ID')).toBeTruthy();
    expect(guild.getAttribute('aria-describedby')).toContain(d.getByText('Set by environment variable DISCORD_GUILD_ID').id);
    expect(input(d, 'Start monitoring when the app starts').disabled).toBe(true);

    await user.type(guild, '1');
    expect(guild.value).toBe(GUILD_ID);
  });

  it('never fills the token field; shows the last four characters as a placeholder', async () => {
    const { d } = await openSettings();
    const token = input(d, 'Bot token');
    expect(token.type).toBe('password');
    expect(token.value).toBe('');
    expect(token.placeholder).toBe('set ••••abcd');
  });

  it('sends a typed token, and validates it', async () => {
    const { fake, dialog, d, user } = await openSettings();
    const token = input(d, 'Bot token');
    await user.type(token, 'short');
    await user.click(d.getByRole('button', { name: 'Save' }));
    expect(token.getAttribute('aria-invalid')).toBe('true');
    expect(fake.argsOf('settings.save')).toEqual([]);

    await user.clear(token);
    await user.type(token, 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123');
    await user.click(d.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dialog.open).toBe(false));
    expect(fake.argsOf('settings.save')).toEqual([{ token: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123' }]);
  });

  it('"Remove token" sends token: null', async () => {
    const { fake, d, user } = await openSettings();
    await user.click(d.getByRole('button', { name: 'Remove token' }));
    expect(fake.argsOf('settings.save')).toEqual([{ token: null }]);
    await waitFor(() => expect(input(d, 'Bot token').placeholder).toBe('Paste the token from Developer Portal → Bot'));
    expect(d.queryByRole('button', { name: 'Remove token' })).toBeNull();
  });

  it('says plainly when the token is stored without encryption', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({
      token: { set: true, last4: 'wxyz', source: 'stored', encrypted: false, warning: 'The token is stored without encryption.' },
    });
    const { d } = await openSettings(fake);
    expect(d.getByText('The token is stored without encryption.')).toBeTruthy();
  });

  it('keeps the API URL under "Advanced"', async () => {
    const { d, user } = await openSettings();
    const apiUrl = input(d, 'Discord API URL');
    expect(apiUrl.closest('details')?.open).toBe(false);
    await user.click(d.getByText('Advanced'));
    expect(apiUrl.closest('details')?.open).toBe(true);
  });

  it('tests the unsaved values and shows the names found', async () => {
    const { fake, d, user } = await openSettings();
    await user.clear(input(d, 'Channel ID'));
    await user.type(input(d, 'Channel ID'), '345678901234567890');
    await user.click(d.getByRole('button', { name: 'Test connection' }));
    expect(await d.findByText('Connected as MonitorBot to #general on Test Guild.')).toBeTruthy();
    expect(fake.argsOf('settings.testConnection')).toEqual([
      { guildId: GUILD_ID, channelId: '345678901234567890', apiUrl: 'https://discord.com/api' },
    ]);
    expect(fake.argsOf('settings.save')).toEqual([]);
  });

  it('keeps the keyboard on the test button while it runs and after (a disabled button dropped focus to the page)', async () => {
    const { fake, d, user } = await openSettings();
    const button = d.getByRole('button', { name: 'Test connection' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(button);
    expect(await d.findByText('Connected as MonitorBot to #general on Test Guild.')).toBeTruthy();
    expect(document.activeElement).toBe(button);
    // A second press while one runs starts no second test.
    expect(fake.argsOf('settings.testConnection')).toHaveLength(1);
  });

  it('shows the precise error and hint of a failed test', async () => {
    const fake = new FakeApi();
    fake.testResult = {
      ok: false,
      error: { code: 'channel-not-found', message: 'The bot cannot see channel 2345.', hint: 'Invite the bot or give it View Channel.' },
    };
    const { d, user } = await openSettings(fake);
    await user.click(d.getByRole('button', { name: 'Test connection' }));
    expect(await d.findByText('Test failed: The bot cannot see channel 2345.')).toBeTruthy();
    expect(d.getByText('Invite the bot or give it View Channel.')).toBeTruthy();
  });

  it('does not test invalid values', async () => {
    const { fake, d, user } = await openSettings();
    await user.clear(input(d, 'Channel ID'));
    await user.type(input(d, 'Channel ID'), 'general');
    await user.click(d.getByRole('button', { name: 'Test connection' }));
    expect(input(d, 'Channel ID').getAttribute('aria-invalid')).toBe('true');
    expect(fake.argsOf('settings.testConnection')).toEqual([]);
  });

  it('closes on Escape, discarding edits', async () => {
    const { fake, dialog, d, user } = await openSettings();
    await user.type(input(d, 'Channel ID'), '1');
    await user.keyboard('{Escape}');
    expect(dialog.open).toBe(false);
    expect(fake.argsOf('settings.save')).toEqual([]);

    await user.click(screen.getByTestId('settings-button'));
    expect((await within(dialog).findByLabelText('Channel ID') as HTMLInputElement).value).toBe(CHANNEL_ID);
  });

  it('closes on a backdrop click but not on a click inside', async () => {
    const { dialog, d, user } = await openSettings();
    await user.click(d.getByText('Bot token'));
    expect(dialog.open).toBe(true);
    await user.click(dialog);
    expect(dialog.open).toBe(false);
  });

  it('keeps Tab focus inside the dialog', async () => {
    const { d, user } = await openSettings();
    const save = d.getByRole('button', { name: 'Save' });
    save.focus();
    await user.tab();
    expect(document.activeElement).toBe(d.getByRole('button', { name: 'Close settings' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(save);
  });
});

describe('start on login', () => {
  it('is offered where the app supports it and applies at once', async () => {
    const fake = new FakeApi();
    fake.loginItem = { supported: true, enabled: false };
    const { d, user } = await openSettings(fake);
    const box = (await d.findByLabelText('Start Discord Monitor when I log in')) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await user.click(box);
    await waitFor(() => expect(fake.calls.some((c) => c.command === 'app.setStartOnLogin' && (c.arg as { enabled: boolean }).enabled)).toBe(true));
    await waitFor(() => expect(box.checked).toBe(true));
    expect(fake.calls.some((c) => c.command === 'settings.save')).toBe(false);
  });

  it('is absent in headless mode (the service manager starts it)', async () => {
    const { d } = await openSettings();
    await d.findByLabelText('Channel ID');
    await waitFor(() => expect(d.queryByLabelText('Start Discord Monitor when I log in')).toBeNull());
  });
});

describe('start hidden', () => {
  it('is saved at once next to start on login (desktop)', async () => {
    const fake = new FakeApi();
    fake.loginItem = { supported: true, enabled: true };
    const { d, user } = await openSettings(fake);
    const box = (await d.findByLabelText('Start hidden in the tray (no window)')) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await user.click(box);
    await waitFor(() => expect(fake.argsOf('settings.save')).toEqual([{ startHidden: true }]));
    await waitFor(() => expect(box.checked).toBe(true));
  });
});
