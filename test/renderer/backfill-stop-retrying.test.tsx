// A backfill that keeps failing shows why and when it tries again, and offers "Stop retrying" beside
// "Start backfill" (which tries at once): the panel's cancel, which the core keeps (see
// test/core/backfill-stop-retrying.test.ts).
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { FakeApi } from './fake-api';
import { renderApp } from './render';

vi.mock('uplot', () => ({ default: class {} }));

const REASON = 'History backfill stopped: Discord is unavailable (HTTP 503). It tries again by itself at 14:05; Start backfill in History → Backfill tries now, from where it stopped.';

it('a failed job waiting for its retry can be stopped from the panel', async () => {
  const fake = new FakeApi();
  fake.backfill = { ...fake.backfill, state: 'failed', options: { mode: 'history', limit: null, periodHours: null }, fetched: 200, stored: 200, message: REASON };
  const { user } = renderApp(fake);
  await user.click(await screen.findByTestId('history-button'));
  await user.click(await screen.findByRole('tab', { name: /Backfill/ }));
  const panel = await screen.findByTestId('history-backfill');
  await within(panel).findByText(REASON);
  expect(within(panel).getByTestId('backfill-start').textContent).toBe('Start backfill');

  await user.click(within(panel).getByRole('button', { name: 'Stop retrying' }));
  expect(fake.argsOf('history.cancel')).toHaveLength(1);
  expect(fake.argsOf('history.backfill')).toEqual([]);
  await waitFor(() => expect(panel.textContent).toContain('Cancelled after 200 messages (200 new).'));
  expect(within(panel).queryByRole('button', { name: 'Stop retrying' })).toBeNull();
  expect(within(panel).queryByText(REASON)).toBeNull();
});
