// The progress overlay: steps from update.status events, logs, rollbacks, failures, restart needed.
import './setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeApi } from './fake-api';
import { availableView, FROM_SHA, makeRun, makeUpdateView, PIPELINE } from './fixtures';
import { emit } from './render';
import { appWith, overlay, step, stepStates } from './update-ui';

describe('update progress overlay', () => {
  const T = Date.UTC(2026, 5, 1, 12, 0, 0);
  beforeEach(() => {
    // Only the clock: elapsed and remaining times become exact; timers stay real.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T);
  });
  afterEach(() => vi.useRealTimers());

  it('renders the steps from a sequence of update.status events and cannot be dismissed while running', async () => {
    const fake = new FakeApi();
    const { user } = await appWith(availableView(), {}, fake);
    expect(overlay().open).toBe(false);

    const running = (steps: Parameters<typeof makeRun>[0]) =>
      emit(fake, 'update.status', availableView({ state: 'updating', run: makeRun(steps, { startedAt: T - 5_000 }) }));

    await running({ 'stop-bot': { status: 'running', durationMs: 300, log: ['Stopping the bot…'] } });
    expect(overlay().open).toBe(true);
    expect(overlay().getAttribute('aria-modal')).toBe('true');
    expect(screen.getByRole('dialog', { name: 'Updating Discord Monitor…' })).toBe(overlay());
    expect(stepStates()).toEqual(PIPELINE.map((s) => `${s}:${s === 'stop-bot' ? 'running' : 'pending'}`));
    expect(within(step('stop-bot')).getByTestId('update-step-log').textContent).toBe('Stopping the bot…');
    expect(within(overlay()).getByRole('status').textContent).toBe('Step 1 of 11: Stop the bot');
    expect(within(overlay()).getByTestId('update-timing').textContent).toBe('Elapsed: 5 sabout 7 s left');
    expect(within(overlay()).getByText('abc1234').title).toBe(FROM_SHA);

    await running({
      'stop-bot': { status: 'done', durationMs: 850, log: ['Stopping the bot…', 'Bot stopped (gateway closed)'] },
      'backup-config': { status: 'running', log: ['Copied settings.json'] },
    });
    expect(step('stop-bot').dataset.status).toBe('done');
    expect(within(step('stop-bot')).getByText('0.9 s')).toBeTruthy();
    // A finished step folds its log away; it can be opened again.
    expect(within(step('stop-bot')).queryByTestId('update-step-log')).toBeNull();
    await user.click(within(step('stop-bot')).getByRole('button', { name: 'Show log (2 lines)' }));
    expect(within(step('stop-bot')).getByTestId('update-step-log').textContent).toBe('Stopping the bot…\nBot stopped (gateway closed)');
    expect(step('backup-config').dataset.status).toBe('running');
    expect(step('backup-config').querySelector('.spinner')).not.toBeNull();

    const upToBuild = {
      'stop-bot': { status: 'done' as const },
      'backup-config': { status: 'done' as const },
      'save-local-changes': { status: 'done' as const },
      fetch: { status: 'done' as const },
      reset: { status: 'done' as const },
      clean: { status: 'done' as const },
      'restore-config': { status: 'done' as const },
      'install-deps': { status: 'skipped' as const, durationMs: 0, log: ['package-lock.json unchanged: nothing to install'] },
    };
    await running({ ...upToBuild, build: { status: 'running', log: ['> vite build'] } });
    expect(step('install-deps').dataset.status).toBe('skipped');
    // Said in words where the others show their duration, not only by the icon.
    expect(step('install-deps').querySelector('.update-step__time')?.textContent).toBe('Skipped');
    expect(within(step('install-deps')).getByText('package-lock.json unchanged: nothing to install')).toBeTruthy();
    expect(step('stop-bot').querySelector('.update-step__time')?.textContent).toBe('1.2 s');
    expect(within(overlay()).getByRole('status').textContent).toBe('Step 9 of 11: Rebuild');

    // Log lines are appended to the running step.
    await running({ ...upToBuild, build: { status: 'running', log: ['> vite build', '✓ 42 modules transformed', 'built in 2.1s'] } });
    expect(within(step('build')).getByTestId('update-step-log').textContent).toBe('> vite build\n✓ 42 modules transformed\nbuilt in 2.1s');

    // Not dismissible: no close button, Esc and the browser's own close do nothing.
    expect(within(overlay()).queryByRole('button', { name: 'Close' })).toBeNull();
    await user.keyboard('{Escape}');
    expect(overlay().open).toBe(true);
    fireEvent(overlay(), new Event('cancel', { cancelable: true }));
    expect(overlay().open).toBe(true);
    act(() => overlay().close());
    expect(overlay().open).toBe(true);
    expect(within(overlay()).getByRole('heading').textContent).toBe('Updating Discord Monitor…');
  });

  it('keeps the running step’s log scrolled to the end, unless the user scrolled up', async () => {
    const fake = new FakeApi();
    await appWith(availableView(), {}, fake);
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);
    const emitLog = (n: number) =>
      emit(fake, 'update.status', availableView({ state: 'updating', run: makeRun({ fetch: { status: 'running', log: lines(n) } }) }));

    await emitLog(1);
    const log = within(step('fetch')).getByTestId('update-step-log');
    let height = 100;
    Object.defineProperty(log, 'scrollHeight', { configurable: true, get: () => height });
    Object.defineProperty(log, 'clientHeight', { configurable: true, get: () => 50 });
    height = 300;
    await emitLog(2);
    expect(log.scrollTop).toBe(300);

    log.scrollTop = 40;
    fireEvent.scroll(log);
    height = 500;
    await emitLog(3);
    expect(log.scrollTop).toBe(40);
  });

  it('rolled-back: names the failed step and the message, and closes with Close', async () => {
    const fake = new FakeApi();
    const { user } = await appWith(availableView(), {}, fake);
    await emit(fake, 'update.status', availableView({ state: 'updating', run: makeRun({ build: { status: 'running' } }) }));
    await emit(
      fake,
      'update.status',
      availableView({
        run: makeRun(
          {
            'install-deps': { status: 'skipped' },
            build: { status: 'failed', durationMs: 6400, log: ['error TS2345'], error: 'npm run build exited with code 1' },
            rollback: { status: 'done', durationMs: 5300, log: ['git reset --hard abc1234'] },
          },
          { outcome: 'rolled-back', message: 'The build failed, so the previous version was put back.' },
        ),
      }),
    );
    expect(overlay().dataset.outcome).toBe('rolled-back');
    expect(within(overlay()).getByRole('heading').textContent).toBe('Update failed — previous version restored');
    const failure = within(overlay()).getByTestId('update-failure');
    expect(failure.getAttribute('role')).toBe('alert');
    expect(failure.textContent).toBe('Failed at: RebuildThe build failed, so the previous version was put back.');
    expect(step('build').dataset.status).toBe('failed');
    expect(step('build').textContent).toContain('npm run build exited with code 1');
    expect(within(step('build')).getByTestId('update-step-log').textContent).toBe('error TS2345');
    expect(step('rollback').dataset.status).toBe('done');

    await user.click(within(overlay()).getAllByRole('button', { name: 'Close' }).at(-1)!);
    expect(overlay().open).toBe(false);
    // The same run in a later view stays closed.
    await emit(fake, 'update.status', { ...fake.updateView, run: makeRun({}, { outcome: 'rolled-back', message: 'x' }) });
    expect(overlay().open).toBe(false);
  });

  it('failed (rollback failed too): lists both steps', async () => {
    const fake = new FakeApi();
    await appWith(availableView(), {}, fake);
    await emit(
      fake,
      'update.status',
      availableView({
        run: makeRun(
          { build: { status: 'failed' }, rollback: { status: 'failed', error: 'git reset failed' } },
          { outcome: 'failed', message: 'Run git reset --hard abc1234 by hand.', startedAt: T - 60_000 },
        ),
      }),
    );
    expect(within(overlay()).getByRole('heading').textContent).toBe('Update failed');
    expect(within(overlay()).getByTestId('update-failure').textContent).toBe(
      'Failed at: Rebuild, Put the previous version backRun git reset --hard abc1234 by hand.',
    );
  });

  it('restart-needed: "Restart now" calls app.restart', async () => {
    const fake = new FakeApi();
    const { user } = await appWith(makeUpdateView(), {}, fake);
    await emit(fake, 'update.status', makeUpdateView({ state: 'updating', run: makeRun({ restart: { status: 'running' } }) }));
    await emit(
      fake,
      'update.status',
      makeUpdateView({
        restartNeeded: true,
        run: makeRun({ restart: { status: 'done' } }, { outcome: 'restart-needed', message: 'Automatic restart is off.' }),
      }),
    );
    expect(within(overlay()).getByRole('heading').textContent).toBe('Updated — restart needed to load the new version');
    expect(overlay().textContent).toContain('Automatic restart is off.');
    await user.click(within(overlay()).getByRole('button', { name: 'Restart now' }));
    expect(fake.argsOf('app.restart')).toHaveLength(1);
    await waitFor(() => expect(overlay().textContent).toContain('Restarting Discord Monitor…'));
    expect(within(overlay()).queryByRole('button', { name: 'Restart now' })).toBeNull();
  });

  it('a run that fails before its first step (id still empty) shows, even after an earlier one was closed', async () => {
    const fake = new FakeApi();
    const { user } = await appWith(availableView(), {}, fake);
    const failing = async (startedAt: number) => {
      await emit(fake, 'update.status', availableView({ state: 'updating', run: makeRun({}, { id: '', startedAt }) }));
      await emit(fake, 'update.status', availableView({ run: makeRun({}, { id: '', startedAt, outcome: 'failed', message: 'git is missing' }) }));
    };
    await failing(T - 2_000);
    expect(overlay().dataset.outcome).toBe('failed');
    await user.click(within(overlay()).getAllByRole('button', { name: 'Close' }).at(-1)!);
    expect(overlay().open).toBe(false);
    await failing(T - 1_000);
    expect(overlay().open).toBe(true);
  });

  it('a run watched here stays up when it ends, however long it took', async () => {
    const fake = new FakeApi();
    await appWith(availableView(), {}, fake);
    const startedAt = T - 30 * 60_000;
    await emit(fake, 'update.status', availableView({ state: 'updating', run: makeRun({ build: { status: 'running' } }, { startedAt }) }));
    await emit(fake, 'update.status', availableView({ run: makeRun({ build: { status: 'failed' } }, { startedAt, outcome: 'rolled-back', message: 'x' }) }));
    expect(overlay().open).toBe(true);
    expect(overlay().dataset.outcome).toBe('rolled-back');
  });

  it('a finished run seen only after a reload, long ago, does not pop up', async () => {
    await appWith(availableView({ run: makeRun({}, { outcome: 'rolled-back', message: 'x', startedAt: T - 3_600_000 }) }));
    expect(overlay().open).toBe(false);
  });
});
