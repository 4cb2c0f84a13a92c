// The overlay through the restart: "Restarting…", the reconnection attempts, the reload.
import './setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api';
import { FakeApi } from './fake-api';
import { FakeTransport } from './fake-transport';
import { makeRun, makeUpdateView, PIPELINE } from './fixtures';
import { renderApp } from './render';
import { overlay } from './update-ui';

describe('update overlay and reconnection', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: false }));
  afterEach(() => vi.useRealTimers());

  it('says "Restarting Discord Monitor…", then shows the banner’s reconnection attempts, and the page reloads', async () => {
    const fake = new FakeApi();
    fake.updateView = makeUpdateView({
      state: 'updating',
      run: makeRun(Object.fromEntries(PIPELINE.map((s) => [s, { status: 'done' }])), { outcome: 'restarting' }),
    });
    const transport = new FakeTransport();
    const reload = vi.fn();
    renderApp(fake, { transport, reload });
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(overlay().open).toBe(true);
    expect(within(overlay()).getByRole('heading').textContent).toBe('Restarting Discord Monitor…');
    expect(within(overlay()).queryByRole('button', { name: 'Close' })).toBeNull();

    let failures = 1;
    fake.override('app.info', () => {
      if (failures-- > 0) throw new ApiError({ code: 'unavailable', message: 'down' });
      return fake.info;
    });
    transport.set('closed');
    expect(screen.getByTestId('connection-banner').textContent).toContain('Reconnection attempt 1/10…');
    const connection = within(overlay()).getByTestId('update-connection');
    expect(connection.textContent).toBe('Connection lost — reconnecting… Reconnection attempt 1/10…');

    fireEvent.keyDown(overlay(), { key: 'Escape' });
    expect(overlay().open).toBe(true);

    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(within(overlay()).getByTestId('update-connection').textContent).toContain('Reconnection attempt 2/10…');
    await act(() => vi.advanceTimersByTimeAsync(3000));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(within(overlay()).getByTestId('update-connection').textContent).toBe('Reconnected! Reloading the page…');
    expect(overlay().open).toBe(true);
  });
});
