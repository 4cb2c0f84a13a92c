// After an update: the banner, and the restart-needed notice.
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { FakeApi } from './fake-api';
import { makeLastUpdate, makeUpdateView } from './fixtures';
import { emit } from './render';
import { appWith } from './update-ui';

describe('after an update', () => {
  it('banner: "Updated abc1234 → def5678 in 4.2 s", commits on demand, dismissible for good', async () => {
    const fake = new FakeApi();
    const lastUpdate = makeLastUpdate();
    const { user, unmount } = await appWith(makeUpdateView({ lastUpdate }), {}, fake);
    const banner = screen.getByTestId('last-update');
    expect(banner.dataset.outcome).toBe('success');
    expect(within(banner).getByText('Updated abc1234 → def5678 in 4.2 s')).toBeTruthy();
    expect(within(banner).queryByText('Fix the reconnection loop')).toBeNull();

    await user.click(within(banner).getByRole('button', { name: 'Show the 3 commits' }));
    expect(within(banner).getByText('Fix the reconnection loop')).toBeTruthy();
    expect(within(banner).getByText('Bump discord.js')).toBeTruthy();

    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('last-update')).toBeNull();
    // After a reload too; a later update gets its own banner.
    unmount();
    await appWith(makeUpdateView({ lastUpdate }), {}, fake);
    expect(screen.queryByTestId('last-update')).toBeNull();
    await emit(fake, 'update.status', makeUpdateView({ lastUpdate: { ...lastUpdate, finishedAt: lastUpdate.finishedAt + 1 } }));
    expect(screen.getByTestId('last-update')).toBeTruthy();
  });

  it('banner: a rollback says so with its message', async () => {
    await appWith(makeUpdateView({ lastUpdate: makeLastUpdate({ outcome: 'rolled-back', message: 'npm run build failed; the previous version is back.' }) }));
    const banner = screen.getByTestId('last-update');
    expect(banner.dataset.outcome).toBe('rolled-back');
    expect(banner.textContent).toBe('Update rolled back: npm run build failed; the previous version is back.');
  });

  it('banner: not shown for an update older than 10 minutes', async () => {
    await appWith(makeUpdateView({ lastUpdate: makeLastUpdate({ finishedAt: Date.now() - 11 * 60_000 }) }));
    expect(screen.queryByTestId('last-update')).toBeNull();
  });

  it('restart needed: a persistent notice whose "Restart now" calls app.restart', async () => {
    const { fake, user } = await appWith(makeUpdateView({ restartNeeded: true }));
    const notice = screen.getByTestId('restart-needed');
    expect(notice.textContent).toContain('Discord Monitor was updated: restart it to load the new version.');
    await user.click(within(notice).getByRole('button', { name: 'Restart now' }));
    expect(fake.argsOf('app.restart')).toHaveLength(1);
    await waitFor(() => expect(notice.textContent).toBe('Restarting Discord Monitor…'));
  });

  it('restart needed: a refused restart says why and can be retried', async () => {
    const fake = new FakeApi();
    fake.failNext('app.restart', new ApiError({ code: 'unavailable', message: 'No way to restart here.' }));
    const { user } = await appWith(makeUpdateView({ restartNeeded: true }), {}, fake);
    const notice = screen.getByTestId('restart-needed');
    await user.click(within(notice).getByRole('button', { name: 'Restart now' }));
    expect((await within(notice).findByRole('alert')).textContent).toBe('Could not restart: No way to restart here.');
    expect(within(notice).getByRole('button', { name: 'Restart now' })).toBeTruthy();
  });

  it('no notice when no restart is needed', async () => {
    await appWith(makeUpdateView());
    expect(screen.queryByTestId('restart-needed')).toBeNull();
  });
});
