import './setup';
import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api';
import { reconnect, reconnectDelays } from '../../renderer/src/lib/reconnect';
import { FakeApi } from './fake-api';
import { FakeTransport } from './fake-transport';
import { renderApp } from './render';

describe('reconnectDelays', () => {
  it('waits 2 s, 3 s, 4 s… capped at 10 s, for 10 attempts', () => {
    expect(reconnectDelays()).toEqual([2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 10000]);
  });

  it('keeps the cap for longer schedules', () => {
    expect(reconnectDelays(12).slice(-3)).toEqual([10000, 10000, 10000]);
  });
});

describe('reconnect()', () => {
  const instant = () => Promise.resolve();

  it('stops at the first probe that answers', async () => {
    const probe = vi.fn().mockRejectedValueOnce(new Error('down')).mockRejectedValueOnce(new Error('down')).mockResolvedValue('ok');
    const attempts: number[] = [];
    const ok = await reconnect({ probe, sleep: instant, onAttempt: (n) => attempts.push(n) });
    expect(ok).toBe(true);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('gives up after the last attempt', async () => {
    const probe = vi.fn().mockRejectedValue(new Error('down'));
    const slept: number[] = [];
    const ok = await reconnect({ probe, sleep: async (ms) => void slept.push(ms) });
    expect(ok).toBe(false);
    expect(probe).toHaveBeenCalledTimes(10);
    expect(slept).toEqual(reconnectDelays());
  });

  it('counts a probe that hangs past the timeout as failed', async () => {
    vi.useFakeTimers();
    try {
      const probe = vi.fn().mockReturnValueOnce(new Promise(() => undefined)).mockResolvedValue('ok');
      const result = reconnect({ probe, delays: [0, 0], timeoutMs: 5000, sleep: instant });
      await vi.advanceTimersByTimeAsync(5000);
      expect(await result).toBe(true);
      expect(probe).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('connection banner (browser mode)', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: false }));
  afterEach(() => vi.useRealTimers());

  const down = () => new ApiError({ code: 'unavailable', message: 'Discord Monitor is not reachable. Is it running?' });

  it('reconnects on the schedule and reloads once the server answers', async () => {
    const fake = new FakeApi();
    const transport = new FakeTransport();
    const reload = vi.fn();
    renderApp(fake, { transport, reload });
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.queryByTestId('connection-banner')).toBeNull();

    let failures = 2;
    fake.override('app.info', () => {
      if (failures-- > 0) throw down();
      return fake.info;
    });
    transport.set('closed');
    const banner = screen.getByTestId('connection-banner');
    expect(banner.textContent).toContain('Connection lost — reconnecting…');
    expect(banner.textContent).toContain('Reconnection attempt 1/10…');

    // A failed probe's own socket closing does not start a second schedule.
    transport.set('closed');
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(screen.getByTestId('connection-banner').textContent).toContain('Reconnection attempt 2/10…');
    await act(() => vi.advanceTimersByTimeAsync(3000));
    expect(screen.getByTestId('connection-banner').textContent).toContain('Reconnection attempt 3/10…');
    expect(reload).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(4000));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('connection-banner').textContent).toContain('Reconnected! Reloading the page…');
  });

  it('offers a Reload button after the 10th failure', async () => {
    const fake = new FakeApi();
    const transport = new FakeTransport();
    const reload = vi.fn();
    renderApp(fake, { transport, reload });
    fake.override('app.info', () => {
      throw down();
    });
    transport.set('closed');
    await act(() => vi.advanceTimersByTimeAsync(reconnectDelays().reduce((a, b) => a + b)));
    const banner = screen.getByTestId('connection-banner');
    expect(banner.dataset.phase).toBe('failed');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(reload).not.toHaveBeenCalled();
    act(() => screen.getByRole('button', { name: 'Reload' }).click());
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('after a handover to a new version it reloads the page at once (its new panel), never saying the connection was lost', async () => {
    const fake = new FakeApi();
    const transport = new FakeTransport();
    const reload = vi.fn();
    renderApp(fake, { transport, reload });
    await act(() => vi.advanceTimersByTimeAsync(0));
    transport.set('resumed');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('connection-banner').textContent).not.toContain('Connection lost');
  });

  it('is absent in Electron (no transport)', async () => {
    renderApp(new FakeApi());
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.queryByTestId('connection-banner')).toBeNull();
  });
});
