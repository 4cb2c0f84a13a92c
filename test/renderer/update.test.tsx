import './setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api';
import type { UpdateView } from '../../shared/types';
import { createI18n } from '../../renderer/src/i18n';
import { formatRelative, formatSeconds } from '../../renderer/src/lib/format';
import { currentStep, isRecent, liveDuration, planItems, shortHash } from '../../renderer/src/lib/update';
import { FakeApi } from './fake-api';
import { FakeTransport } from './fake-transport';
import {
  availableView,
  FROM_SHA,
  makeLastUpdate,
  makeRun,
  makeStep,
  makeUpdateView,
  PIPELINE,
  TO_SHA,
} from './fixtures';
import { emit, renderApp } from './render';

const button = () => screen.getByTestId('update-button');
const confirmDialog = () => screen.getByTestId('update-confirm') as HTMLDialogElement;
const overlay = () => screen.getByTestId('update-overlay') as HTMLDialogElement;
const step = (name: string) => within(overlay()).getAllByTestId('update-step').find((s) => s.dataset.step === name)!;
const stepStates = () => within(overlay()).getAllByTestId('update-step').map((s) => `${s.dataset.step}:${s.dataset.status}`);

/** The app over a fake whose update view is `view`, once that view is shown. */
async function appWith(view: UpdateView, options: Parameters<typeof renderApp>[1] = {}, fake = new FakeApi()) {
  fake.updateView = view;
  const utils = renderApp(fake, options);
  await waitFor(() => expect(button().dataset.state).toBe(view.state));
  return utils;
}

/** A deferred promise, for commands whose answer the test releases. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

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

describe('update helpers', () => {
  const en = createI18n('en');
  const fr = createI18n('fr');

  it('formats measured durations to the tenth below 10 s', () => {
    expect(formatSeconds(4_200, en.t, 'en')).toBe('4.2 s');
    expect(formatSeconds(4_200, fr.t, 'fr')).toBe('4,2 s');
    expect(formatSeconds(9_000, en.t, 'en')).toBe('9 s');
    expect(formatSeconds(12_400, en.t, 'en')).toBe('12 s');
    expect(formatSeconds(4_200, en.t, 'en', { precise: false })).toBe('4 s');
    expect(formatSeconds(59_700, en.t, 'en')).toBe('1 min');
    expect(formatSeconds(90_000, en.t, 'en')).toBe('1 min 30 s');
    expect(formatSeconds(-5, en.t, 'en')).toBe('0 s');
  });

  it('says how long ago a commit was made', () => {
    const now = Date.UTC(2026, 0, 10);
    expect(formatRelative(now - 2 * 86_400_000, 'en', now)).toBe('2 days ago');
    expect(formatRelative(now - 3 * 3_600_000, 'en', now)).toBe('3 hours ago');
    expect(formatRelative(now - 3 * 3_600_000, 'fr', now)).toBe('il y a 3 heures');
    expect(formatRelative(now - 20_000, 'en', now)).toBe('now');
  });

  it('picks the step to announce, and keeps a running step’s time growing between events', () => {
    expect(currentStep(makeRun())).toBeNull();
    expect(currentStep(makeRun({ fetch: { status: 'running' }, 'stop-bot': { status: 'done' } }))?.step.step).toBe('fetch');
    expect(currentStep(makeRun({ 'stop-bot': { status: 'done' }, 'backup-config': { status: 'done' } }))?.ordinal).toBe(2);
    // The bot stopped late: the count of started steps, not the position in the list.
    const late = currentStep(makeRun({ 'backup-config': { status: 'done' }, fetch: { status: 'done' }, 'stop-bot': { status: 'running' } }));
    expect(late).toMatchObject({ ordinal: 3, step: { step: 'stop-bot' } });
    expect(liveDuration(makeStep('fetch', 'running', { durationMs: 1_000 }), 5_000, 7_500)).toBe(3_500);
    expect(liveDuration(makeStep('fetch', 'done', { durationMs: 1_000 }), 5_000, 7_500)).toBe(1_000);
  });

  it('orders the plan as the engine runs it', () => {
    const restart = { auto: true, method: 'systemd', description: 'systemd' };
    expect(planItems({ restart, dependencies: { changed: true, summary: '' } })).toEqual(['code', 'stopBot', 'deps', 'build', 'restart']);
    expect(planItems({ restart, dependencies: null })).toEqual(['code', 'stopBot', 'deps', 'build', 'restart']);
    expect(planItems({ restart, dependencies: { changed: false, summary: '' } })).toEqual(['code', 'deps', 'build', 'stopBot', 'restart']);
    expect(planItems({ restart: { ...restart, auto: false }, dependencies: { changed: true, summary: '' } })).toEqual(['code', 'deps', 'build', 'restart']);
  });

  it('short hashes and "recent" (10 minutes)', () => {
    expect(shortHash(TO_SHA)).toBe('def5678');
    expect(shortHash(null)).toBe('');
    const now = Date.now();
    expect(isRecent(makeLastUpdate({ finishedAt: now - 9 * 60_000 }), now)).toBe(true);
    expect(isRecent(makeLastUpdate({ finishedAt: now - 10 * 60_000 }), now)).toBe(false);
  });
});

describe('update confirmation', () => {
  async function openConfirm(view = availableView(), fake = new FakeApi()) {
    const utils = await appWith(view, {}, fake);
    await utils.user.click(button());
    return { ...utils, d: within(confirmDialog()) };
  }

  it('lists the commits, the plan, the local changes and the estimate; "Update now" runs on the exact target', async () => {
    const { fake, d, user } = await openConfirm();
    expect(confirmDialog().getAttribute('aria-modal')).toBe('true');
    expect(d.getByText('3 new commits will be installed (abc1234 → def5678):')).toBeTruthy();

    const commits = within(d.getByTestId('update-commits')).getAllByRole('listitem');
    expect(commits).toHaveLength(3);
    expect(within(commits[0]!).getByText('def5678').title).toBe(TO_SHA);
    expect(within(commits[0]!).getByText('Fix the reconnection loop')).toBeTruthy();
    expect(within(commits[0]!).getByText('Alice Martin, 2 days ago')).toBeTruthy();
    expect(within(commits[1]!).getByText('Bob Durand, 3 hours ago')).toBeTruthy();

    const plan = within(d.getByTestId('update-plan'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // The bot keeps monitoring until the dependencies it runs on are replaced.
    expect(plan).toEqual([
      'Update the code abc1234 → def5678',
      'Stop the bot (it keeps monitoring until this point)',
      'Reinstall dependencies (lockfile changed) — package-lock.json changed (discord.js 14.28 → 14.29)',
      'Rebuild',
      'Restart via systemd (systemctl restart discord-monitor.service)',
    ]);

    const local = d.getByTestId('update-local-changes');
    expect(local.textContent).toContain('kept in git stash');
    expect(within(local).getAllByRole('listitem').map((li) => li.textContent)).toEqual([' M config/custom.css', '?? notes.txt']);
    expect(d.getByTestId('update-estimate').textContent).toBe('Takes about 12 s, based on past updates.');

    // Focus starts on the action, as the dialog was opened to update.
    expect(document.activeElement).toBe(d.getByTestId('update-confirm-button'));
    await user.click(d.getByTestId('update-confirm-button'));
    expect(fake.argsOf('update.run')).toEqual([{ target: TO_SHA }]);
    expect(TO_SHA).toMatch(/^[0-9a-f]{40}$/);
    await waitFor(() => expect(confirmDialog().open).toBe(false));
  });

  it('says when nothing changes in the dependencies, when a restart is needed, and a default estimate', async () => {
    const { d } = await openConfirm(
      availableView({
        dependencies: { changed: false, summary: '' },
        estimate: { ms: 30_000, basis: 'default' },
        restart: { auto: false, method: 'relaunch', description: 'relaunch' },
        localChanges: [],
      }),
    );
    const plan = within(d.getByTestId('update-plan'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(plan).toEqual([
      'Update the code abc1234 → def5678',
      'No dependency change',
      'Rebuild',
      'Restart needed afterwards (the bot keeps running until then)',
    ]);
    expect(d.getByTestId('update-estimate').textContent).toBe('Takes about 30 s (default estimate).');
    expect(d.queryByTestId('update-local-changes')).toBeNull();
  });

  it('without a dependency change, the bot is stopped just before the restart', async () => {
    const { d } = await openConfirm(availableView({ dependencies: { changed: false, summary: '' } }));
    expect(
      within(d.getByTestId('update-plan'))
        .getAllByRole('listitem')
        .map((li) => li.dataset.item),
    ).toEqual(['code', 'deps', 'build', 'stopBot', 'restart']);
  });

  it('shows a refused run inline and stays open (the branch moved since the check)', async () => {
    const fake = new FakeApi();
    const { d, user } = await openConfirm(availableView(), fake);
    // The server saw a newer head; this page has not heard of it yet.
    fake.updateView = { ...fake.updateView, target: 'f'.repeat(40) };
    await user.click(d.getByTestId('update-confirm-button'));

    const alert = await d.findByRole('alert');
    expect(alert.textContent).toBe('The update did not start: The branch has moved since the check: check again before updating.');
    expect(fake.argsOf('update.run')).toEqual([{ target: TO_SHA }]);
    expect(confirmDialog().open).toBe(true);
    expect(overlay().open).toBe(false);
    expect((d.getByTestId('update-confirm-button') as HTMLButtonElement).disabled).toBe(false);

    await user.click(d.getByRole('button', { name: 'Cancel' }));
    expect(confirmDialog().open).toBe(false);
    expect(fake.argsOf('update.run')).toHaveLength(1);
  });

  it('gives way to the progress overlay when an update starts elsewhere, and does not come back after it', async () => {
    const fake = new FakeApi();
    await openConfirm(availableView(), fake);
    await emit(fake, 'update.status', availableView({ state: 'updating', run: makeRun({ 'stop-bot': { status: 'running' } }) }));
    expect(confirmDialog().open).toBe(false);
    expect(overlay().open).toBe(true);
    await emit(fake, 'update.status', availableView({ run: makeRun({}, { outcome: 'rolled-back', message: 'Rolled back.' }) }));
    expect(confirmDialog().open).toBe(false);
  });
});

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

describe('update UI in French', () => {
  it('button, confirmation, steps and banner', async () => {
    const fake = new FakeApi();
    const { user } = await appWith(availableView({ lastUpdate: makeLastUpdate() }), { language: 'fr' }, fake);
    expect(button().title).toBe('3 mises à jour disponibles — cliquez pour mettre à jour');
    expect(button().textContent).toContain('Mettre à jour');
    expect(screen.getByTestId('last-update').textContent).toContain('Mis à jour abc1234 → def5678 en 4,2 s');

    await user.click(button());
    const d = within(confirmDialog());
    expect(screen.getByRole('dialog', { name: 'Mettre à jour Discord Monitor ?' })).toBe(confirmDialog());
    expect(d.getByText('Cela va :')).toBeTruthy();
    expect(d.getByText('Arrêter le bot Discord (il surveille jusque-là)')).toBeTruthy();
    expect(d.getByText('Réinstaller les dépendances (lockfile modifié)', { exact: false })).toBeTruthy();
    expect(d.getByText('Alice Martin, avant-hier')).toBeTruthy();
    expect(d.getByTestId('update-local-changes').textContent).toContain('conservées dans git stash');
    expect(d.getByTestId('update-estimate').textContent).toBe('Le processus prend environ 12 s, d’après les mises à jour précédentes.');
    expect(d.getByTestId('update-confirm-button').textContent).toBe('Mettre à jour');

    await emit(fake, 'update.status', availableView({ state: 'updating', run: makeRun({ 'stop-bot': { status: 'running' } }) }));
    expect(within(overlay()).getByRole('heading').textContent).toBe('Mise à jour de Discord Monitor…');
    expect(step('stop-bot').textContent).toContain('Arrêt du bot Discord');
    expect(within(overlay()).getByRole('status').textContent).toBe('Étape 1 sur 11 : Arrêt du bot Discord');
  });

  it('up to date, in French', async () => {
    await appWith(makeUpdateView(), { language: 'fr' });
    expect(button().title).toBe('À jour — cliquez pour vérifier à nouveau');
    expect(button().textContent).toContain('vérifié il y a 2 min');
  });
});
