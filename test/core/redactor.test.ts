// Redactor.scrubValue, the last gate before an event leaves the core: a secret anywhere in a value (a
// string, a key, deep inside) is scrubbed, and a value without one comes back as is (no copy).
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { Redactor } from '../../electron/core/log/redactor.js';

const SECRET = 'tok3n.SECRET-value_0123456789';

const text = fc.oneof(fc.string(), fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}${SECRET}${b}`));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.array(tie('value')), fc.dictionary(text, tie('value'))),
}));

it('scrubs a secret from any string or key, at any depth, and leaves clean values untouched', () => {
  const r = new Redactor();
  r.add(SECRET);
  fc.assert(
    fc.property(value, (v) => {
      const out = r.scrubValue(v);
      expect(JSON.stringify(out) ?? '').not.toContain(SECRET);
      if (!(JSON.stringify(v) ?? '').includes(SECRET)) expect(out).toBe(v);
      else expect(JSON.stringify(out)).toBe(JSON.stringify(v).split(SECRET).join('[redacted]'));
    }),
    { numRuns: 500 },
  );
});

it('scrubs a value nested deeper than the quick look goes', () => {
  const r = new Redactor();
  r.add(SECRET);
  let deep: unknown = { text: `token ${SECRET}` };
  for (let i = 0; i < 50; i++) deep = [deep];
  expect(JSON.stringify(r.scrubValue(deep))).not.toContain(SECRET);
});
