import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_LOG_ENTRIES, mergeLogs } from '../../renderer/src/hooks/useLogs';
import { FakeApi } from './fake-api';
import { makeLog } from './fixtures';
import { emit, renderApp } from './render';

describe("the panel's event log under a flood", () => {
  it('a flood of warnings does not push the error out of the list', () => {
    let entries = mergeLogs([], [makeLog(1, 'error', 'Token refused'), makeLog(2, 'info', 'Started')]);
    for (let id = 3; id < 1000; id++) entries = mergeLogs(entries, [makeLog(id, 'warn')]);
    expect(entries.filter((e) => e.level === 'error').map((e) => e.message)).toEqual(['Token refused']);
    expect(entries.filter((e) => e.level === 'info').map((e) => e.message)).toEqual(['Started']);
    const warns = entries.filter((e) => e.level === 'warn');
    expect(warns).toHaveLength(MAX_LOG_ENTRIES);
    expect(warns.at(-1)!.id).toBe(999);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => a - b));
  });

  it('shows the error after 150 warnings, when expanded', async () => {
    const fake = new FakeApi();
    fake.logs = [makeLog(1, 'error', 'Token refused')];
    const { user } = renderApp(fake);
    const log = await screen.findByTestId('log');
    await within(log).findByText('Token refused');
    for (let id = 2; id <= 150; id++) await emit(fake, 'log.entry', makeLog(id, 'warn'));
    await user.click(within(log).getByRole('button', { name: 'Show all' }));
    expect(within(log).getByText('Token refused')).toBeTruthy();
  });
});
