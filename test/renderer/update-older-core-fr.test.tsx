// A French panel over a core older than it (49a47ce: no keys beside the update's sentences, as after a
// rollback onto that release or a browser tab that outlived it): each sentence comes in the core's
// English inside the panel's French frame, never empty, never "undefined".
import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi } from './fake-api';
import { availableView, makeLastUpdate, makeRun } from './fixtures';
import { emit } from './render';
import { appWith, button, confirmDialog, overlay, step } from './update-ui';

const OLD_ERROR = 'node scripts/build.mjs exited with code 1 — see the log lines above';

describe('a French panel over an older core', () => {
  it('the last-update banner says the old core’s English sentence', async () => {
    const last = makeLastUpdate({ outcome: 'rolled-back', message: `Update to def5678 was rolled back (step “build” failed): ${OLD_ERROR}. Still on abc1234.` });
    await appWith(availableView({ lastUpdate: last }), { language: 'fr' });
    const banner = screen.getByTestId('last-update').textContent ?? '';
    expect(banner).toBe(`Mise à jour annulée : ${last.message}`);
  });

  it('the confirmation’s dependency change and restart, and a run’s steps, in the old core’s English', async () => {
    const fake = new FakeApi();
    const view = availableView({ restart: { auto: true, method: 'relaunch', description: 'a relaunch of the app', problem: 'supervisord’s socket is closed to this user' } });
    const { user } = await appWith(view, { language: 'fr' }, fake);
    await user.click(button());
    const plan = within(confirmDialog()).getByTestId('update-plan').textContent ?? '';
    expect(plan).toContain('package-lock.json changed (discord.js 14.28 → 14.29)');
    expect(plan).toContain('a relaunch of the app');
    expect(confirmDialog().textContent).toContain('supervisord’s socket is closed to this user');
    expect(confirmDialog().textContent).not.toMatch(/undefined|\{\{/);

    const run = makeRun(
      {
        'install-deps': { status: 'skipped', log: ['No dependency change (package-lock.json unchanged).'] },
        build: { status: 'failed', error: OLD_ERROR, log: ['$ node scripts/build.mjs', 'boom'] },
        'self-test': { status: 'skipped', log: ['Not run: build failed.'] },
        rollback: { status: 'done', log: ['Rolling back to abc1234 after build failed.'] },
      },
      { outcome: 'rolled-back', message: `Update failed at build (${OLD_ERROR}); rolled back to abc1234.` },
    );
    await emit(fake, 'update.status', availableView({ state: 'updating', run }));
    expect(step('install-deps').querySelector('.update-step__note')?.textContent).toBe('No dependency change (package-lock.json unchanged).');
    expect(step('self-test').querySelector('.update-step__note')?.textContent).toBe('Not run: build failed.');
    expect(step('build').querySelector('.update-step__error')?.textContent).toBe(OLD_ERROR);
    expect(overlay().textContent).toContain(run.message);
    expect(overlay().textContent).not.toMatch(/undefined|\{\{/);
  });
});
