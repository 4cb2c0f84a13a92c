// The update button in each state, and how useUpdate folds replies and events.
import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import type { UpdateView } from '../../shared/types';
import { FakeApi } from './fake-api';
import { availableView, makeRun, makeUpdateView } from './fixtures';
import { emit, renderApp } from './render';
import { appWith, button, confirmDialog, deferred, overlay, step } from './update-ui';

describe('update button', () => {
  it('available: badge with the count, tooltip, and a click opens the confirmation (no check)', async () => {
    const { fake, user } = await appWith(availableView());
    expect(within(button()).getByTestId('update-badge').textContent).toBe('3');
    expect(button().title).toBe('3 updates available — click to update');
    expect(button().getAttribute('aria-haspopup')).toBe('dialog');
    expect(confirmDialog().open).toBe(false);

    await user.click(button());
    expect(confirmDialog().open).toBe(true);
    expect(screen.getByRole('dialog', { name: 'Update Discord Monitor?' })).toBe(confirmDialog());
    expect(fake.argsOf('update.check')).toEqual([]);
  });

  it('available: one update is singular', async () => {
    await appWith(availableView({ count: 1, commits: [] }));
    expect(button().title).toBe('1 update available — click to update');
  });

  it('up-to-date: says when it last checked; a click forces a check, spinning until it answers', async () => {
    const fake = new FakeApi();
    const { user } = await appWith(makeUpdateView({ checkedAt: Date.now() - 2 * 60_000 }), {}, fake);
    expect(button().title).toBe('Up to date — click to check again');
    expect(button().textContent).toContain('Up to date');
    expect(button().textContent).toContain('checked 2 min ago');

    const answer = deferred<UpdateView>();
    fake.override('update.check', () => answer.promise);
    await user.click(button());
    expect(fake.argsOf('update.check')).toHaveLength(1);
    expect(button().dataset.state).toBe('checking');
    expect(button().querySelector('.spinner')).not.toBeNull();
    expect(confirmDialog().open).toBe(false);

    await act(async () => answer.resolve(availableView()));
    expect(button().dataset.state).toBe('available');
    expect(within(button()).getByTestId('update-badge').textContent).toBe('3');
  });

  it('disabled: greyed, the reason as tooltip, and a click does nothing', async () => {
    const { fake, user } = await appWith(makeUpdateView({ state: 'disabled', message: 'Updates are off: this is not a git checkout.' }));
    expect(button().title).toBe('Updates are off: this is not a git checkout.');
    expect(button().getAttribute('aria-disabled')).toBe('true');
    expect(button().className).toContain('update-button--disabled');
    await user.click(button());
    expect(fake.argsOf('update.check')).toEqual([]);
    expect(confirmDialog().open).toBe(false);
    expect(overlay().open).toBe(false);
  });

  it('error: warning style, git’s message as tooltip, and a click retries the check', async () => {
    const { fake, user } = await appWith(makeUpdateView({ state: 'error', message: 'git fetch failed: could not resolve host github.com' }));
    expect(button().title).toBe('git fetch failed: could not resolve host github.com');
    expect(button().className).toContain('update-button--error');
    expect(button().querySelector('.icon--warning')).not.toBeNull();
    await user.click(button());
    expect(fake.argsOf('update.check')).toHaveLength(1);
  });

  it('a refused check shows as an error with its message until the next view', async () => {
    const fake = new FakeApi();
    fake.failNext('update.check', new ApiError({ code: 'busy', message: 'A check is already running.' }));
    const { user } = await appWith(makeUpdateView(), {}, fake);
    await user.click(button());
    await waitFor(() => expect(button().dataset.state).toBe('error'));
    expect(button().title).toBe('A check is already running.');

    await emit(fake, 'update.status', availableView());
    expect(button().dataset.state).toBe('available');
  });

  it('checking: a spinner, busy, and a click does nothing', async () => {
    const { fake, user } = await appWith(makeUpdateView({ state: 'checking' }));
    expect(button().querySelector('.spinner')).not.toBeNull();
    expect(button().getAttribute('aria-busy')).toBe('true');
    expect(button().title).toBe('Checking for updates…');
    await user.click(button());
    expect(fake.argsOf('update.check')).toEqual([]);
    expect(confirmDialog().open).toBe(false);
  });

  it('updating: a click opens the progress overlay', async () => {
    const { user } = await appWith(makeUpdateView({ state: 'updating' }));
    expect(button().textContent).toBe('Updating…');
    expect(overlay().open).toBe(false);
    await user.click(button());
    expect(overlay().open).toBe(true);
    expect(within(overlay()).getByRole('heading').textContent).toBe('Update in progress…');
  });

  it('follows update.status events', async () => {
    const fake = new FakeApi();
    await appWith(makeUpdateView(), {}, fake);
    expect(fake.listenerCount('update.status')).toBe(1);
    expect(fake.argsOf('update.status')).toHaveLength(1);
    await emit(fake, 'update.status', makeUpdateView({ state: 'error', message: 'offline' }));
    expect(button().dataset.state).toBe('error');
  });

  it('an event that arrives before the first fetch answers is kept', async () => {
    const fake = new FakeApi();
    const answer = deferred<UpdateView>();
    fake.override('update.status', () => answer.promise);
    renderApp(fake);
    await emit(fake, 'update.status', availableView());
    await act(async () => answer.resolve(makeUpdateView()));
    expect(button().dataset.state).toBe('available');
  });
});

describe('useUpdate', () => {
  it('a run reply that arrives after progress events does not step back', async () => {
    const fake = new FakeApi();
    fake.override('update.run', async () => {
      // The run starts emitting before the command answers with its first view.
      fake.emit('update.status', availableView({ state: 'updating', run: makeRun({ fetch: { status: 'running', log: ['Fetching'] } }) }));
      return availableView({ state: 'updating', run: makeRun() });
    });
    const { user } = await appWith(availableView(), {}, fake);
    await user.click(button());
    await user.click(screen.getByTestId('update-confirm-button'));
    await waitFor(() => expect(confirmDialog().open).toBe(false));
    expect(step('fetch').dataset.status).toBe('running');
  });

  it('applies a command’s reply when no event came meanwhile', async () => {
    const fake = new FakeApi();
    fake.override('update.run', () => availableView({ state: 'updating', run: makeRun({ 'stop-bot': { status: 'running' } }) }));
    const { user } = await appWith(availableView(), {}, fake);
    await user.click(button());
    await user.click(screen.getByTestId('update-confirm-button'));
    await waitFor(() => expect(overlay().open).toBe(true));
    expect(step('stop-bot').dataset.status).toBe('running');
    expect(button().dataset.state).toBe('updating');
  });
});
