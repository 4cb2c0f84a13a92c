// snowflakeCompare orders ids as numbers (what BigInt says), whatever their text: the fast path for
// canonical ids (digits, no leading zero) must agree with BigInt, and anything else still goes through it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snowflakeCompare } from '../../electron/core/messages/store.js';

const byBigInt = (a: string, b: string) => {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const digits = fc.stringMatching(/^[0-9]{1,21}$/);
const snowflake = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(String);

describe('snowflakeCompare', () => {
  it('agrees with BigInt on real snowflakes, near each other and far apart', () => {
    fc.assert(fc.property(snowflake, snowflake, (a, b) => snowflakeCompare(a, b) === byBigInt(a, b)), { numRuns: 5000 });
    fc.assert(fc.property(snowflake, fc.integer({ min: -3, max: 3 }), (a, d) => {
      const b = String(BigInt(a) + BigInt(d) < 0n ? 0n : BigInt(a) + BigInt(d));
      return snowflakeCompare(a, b) === byBigInt(a, b) && snowflakeCompare(b, a) === byBigInt(b, a);
    }), { numRuns: 2000 });
  });

  it('agrees with BigInt on any digit strings, leading zeros included', () => {
    fc.assert(fc.property(digits, digits, (a, b) => snowflakeCompare(a, b) === byBigInt(a, b)), { numRuns: 5000 });
  });

  it('still refuses what is not a number, as BigInt does', () => {
    expect(() => snowflakeCompare('12a', '5')).toThrow(SyntaxError);
    expect(() => snowflakeCompare('5', '')).not.toThrow();
    expect(() => snowflakeCompare('5', 'x')).toThrow(SyntaxError);
  });
});
