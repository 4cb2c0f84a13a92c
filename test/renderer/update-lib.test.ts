// The update helpers the panel formats with: durations, dates, steps, the plan order, short hashes.
import './setup';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/src/i18n';
import { formatRelative, formatSeconds } from '../../renderer/src/lib/format';
import { currentStep, isRecent, liveDuration, planItems, shortHash } from '../../renderer/src/lib/update';
import { makeLastUpdate, makeRun, makeStep, TO_SHA } from './fixtures';

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
