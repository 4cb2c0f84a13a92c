// The core's English sentences (log file, stdout) fill in whole numbers and plurals without ICU: the
// first Intl.NumberFormat or PluralRules of a process maps in ICU data, ≈9 MiB of an idle app's RSS
// (bench/idle-memory), for "attempt 1". The output must stay exactly what Intl says.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { coreText, formatDuration, renderText } from '../../shared/core-text';

const real = { NumberFormat: Intl.NumberFormat, PluralRules: Intl.PluralRules };
afterEach(() => Object.assign(Intl, real));

/** Counts constructions of Intl.NumberFormat and Intl.PluralRules while `run` runs. */
function intlUses(run: () => void): number {
  let uses = 0;
  const counted = <T extends object>(C: T): T =>
    new Proxy(C, {
      construct: (target, args) => (uses++, Reflect.construct(target as new (...a: unknown[]) => object, args)),
      apply: (target, self, args) => (uses++, Reflect.apply(target as (...a: unknown[]) => unknown, self, args)),
    });
  Object.assign(Intl, { NumberFormat: counted(real.NumberFormat), PluralRules: counted(real.PluralRules) });
  try {
    run();
  } finally {
    Object.assign(Intl, real);
  }
  return uses;
}

const en = { locale: 'en-US', timeZone: 'UTC' };
const number = (n: number) => renderText({ key: 'k', params: { n } }, { k: '{{n}}' }, en);
const plural = (count: number) => renderText({ key: 'k', params: { count } }, { k: { one: 'one', other: 'other' } }, en);

describe('core English without ICU', () => {
  it('says "attempt 1", "Caught up 1,234 messages" and durations without constructing Intl formatters', () => {
    let texts: string[] = [];
    const uses = intlUses(() => {
      texts = [coreText('log.connecting', { attempt: 1 }).text, coreText('log.caughtUp', { count: 1234 }).text, coreText('log.caughtUp', { count: 1 }).text, formatDuration(4_000_000)];
    });
    expect(texts).toEqual(['Connecting to Discord (attempt 1)…', 'Caught up 1,234 messages posted while disconnected.', 'Caught up 1 message posted while disconnected.', '1 h 7 min']);
    expect(uses).toBe(0);
  });

  it('formats any safe integer exactly as Intl.NumberFormat en-US does', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(-0, 0, 999, 1000, -1000, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER)), (n) => number(n) === intl.format(n)), { numRuns: 2000 });
  });

  it('still asks Intl for fractions and huge numbers (and they come out as Intl says)', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => number(n) === intl.format(n)), { numRuns: 2000 });
  });

  it('picks the English plural form exactly as Intl.PluralRules en-US does', () => {
    const rules = new Intl.PluralRules('en-US');
    const form = (n: number) => (rules.select(n) === 'one' ? 'one' : 'other');
    fc.assert(fc.property(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer(), fc.double({ noNaN: true }), fc.constantFrom(1, -1, 1.5, 0.9999999, -0)), (n) => plural(n) === form(n)), { numRuns: 2000 });
  });
});
