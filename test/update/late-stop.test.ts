// stopBot: 'late' — the bot keeps monitoring through the update and disconnects just before the
// restart (or before node_modules changes), shrinking the gateway gap to the restart itself.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { Fixture, lockfile } from './fixture.js';

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

it('stops the bot after the self-test, right before the restart', async () => {
  fx.publish('Version 2', { 'version.txt': 'v2' });
  const ctx = fx.context({ autoRestartService: true, stopBot: 'late', detect: { env: {}, readFile: () => null } });
  let runningDuringBuild: boolean | null = null;
  fx.events = [];
  const ctxWithProbe = {
    ...ctx,
    onEvent: (e: (typeof fx.events)[number]) => {
      fx.events.push(e);
      if (e.step === 'build' && e.status === 'running') runningDuringBuild = ctx.bot.isRunning();
    },
  };
  const result = await runUpdate(ctxWithProbe);
  expect(result.outcome).toBe('restarting');
  expect(runningDuringBuild).toBe(true);
  const started = [...new Set(fx.events.filter((e) => e.status === 'running').map((e) => e.step))];
  expect(started.indexOf('stop-bot')).toBeGreaterThan(started.indexOf('self-test'));
  expect(started.indexOf('stop-bot')).toBeLessThan(started.indexOf('restart'));
  expect(ctx.bot.calls).toEqual(['stop']);
  expect(ctx.restarter.plans).toHaveLength(1);
});

it('stops the bot before install-deps when the lockfile changed', async () => {
  fx.publish('Bump deps', { 'version.txt': 'v2', 'package-lock.json': lockfile('b') });
  const ctx = fx.context({ autoRestartService: true, stopBot: 'late' });
  const result = await runUpdate(ctx);
  expect(result.outcome).toBe('restarting');
  const started = [...new Set(fx.events.filter((e) => e.status === 'running').map((e) => e.step))];
  expect(started.indexOf('stop-bot')).toBeLessThan(started.indexOf('install-deps'));
  expect(started.indexOf('stop-bot')).toBeGreaterThan(started.indexOf('restore-config'));
});

it('with automatic restart off the bot is never interrupted', async () => {
  fx.publish('Version 2', { 'version.txt': 'v2' });
  const ctx = fx.context({ autoRestartService: false, stopBot: 'late' });
  const result = await runUpdate(ctx);
  expect(result.outcome).toBe('restart-needed');
  expect(ctx.bot.calls).toEqual([]);
  expect(fx.finalStatus('stop-bot')).toBe('skipped');
});

it('a failed build leaves the bot running, untouched, on the old version', async () => {
  fx.publish('Broken', { 'version.txt': 'v2', BREAK_BUILD: '1' });
  const ctx = fx.context({ autoRestartService: true, stopBot: 'late' });
  const result = await runUpdate(ctx);
  expect(result.outcome).toBe('rolled-back');
  expect(ctx.bot.calls).toEqual([]);
  expect(ctx.bot.isRunning()).toBe(true);
  expect(fx.head()).toBe(fx.v1);
});
