// settings.json fixed (or edited) by hand while the settings dialog is open: the core sends the values
// now in use as settings.changed. The form shows them, unless the user has unsaved edits: those are
// kept, the fields they did not touch follow the file, and the dialog says the file changed. Saving
// then sends only the user's edits (never the stale values over the user's fix).
import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi } from './fake-api';
import { CHANNEL_ID, makeSettings } from './fixtures';
import { renderApp } from './render';

const FIXED_CHANNEL = '345678901234567890';

async function openSettings() {
  const fake = new FakeApi();
  const view = renderApp(fake);
  await view.user.click(await screen.findByTestId('settings-button'));
  const dialog = screen.getByTestId('settings-dialog') as HTMLDialogElement;
  const d = within(dialog);
  await d.findByLabelText('Channel ID');
  return { ...view, fake, dialog, d, input: (label: string) => d.getByLabelText(label) as HTMLInputElement };
}

/** What the core sends once it read the file fixed by hand. */
function fileChanged(fake: FakeApi, changes: Parameters<typeof makeSettings>[0]) {
  fake.settings = makeSettings(changes);
  act(() => fake.emit('settings.changed', fake.settings));
}

describe('settings changed outside the open dialog', () => {
  it('without edits, the form shows the new values and saving sends nothing back', async () => {
    const { fake, dialog, d, user, input } = await openSettings();
    expect(input('Channel ID').value).toBe(CHANNEL_ID);

    fileChanged(fake, { channelId: FIXED_CHANNEL, autoStartBot: true });
    await waitFor(() => expect(input('Channel ID').value).toBe(FIXED_CHANNEL));
    expect((d.getByLabelText('Start monitoring when the app starts') as HTMLInputElement).checked).toBe(true);
    expect(d.queryByText(/changed outside this window/)).toBeNull();

    await user.click(d.getByRole('button', { name: 'Save' }));
    expect(dialog.open).toBe(false);
    expect(fake.argsOf('settings.save')).toEqual([]);
  });

  it('with unsaved edits, keeps them, updates the other fields, says the file changed, and saves only the edits', async () => {
    const { fake, dialog, d, user, input } = await openSettings();
    await user.clear(input('Server (guild) ID'));
    await user.type(input('Server (guild) ID'), '999999999999999999');

    fileChanged(fake, { channelId: FIXED_CHANNEL });
    await waitFor(() => expect(input('Channel ID').value).toBe(FIXED_CHANNEL));
    expect(input('Server (guild) ID').value).toBe('999999999999999999');
    expect(d.getByText(/changed outside this window/).getAttribute('role')).toBe('status');

    await user.click(d.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dialog.open).toBe(false));
    expect(fake.argsOf('settings.save')).toEqual([{ guildId: '999999999999999999' }]);
  });
});
