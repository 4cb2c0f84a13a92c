// The page's acknowledgement frame (flow control, shared/live-flow.ts) is parsed without JSON.parse:
// exactly what ackText writes is an ack, nothing else is, and what it acknowledges round-trips.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ackText, parseAck } from '../../shared/ws-protocol.js';

it('an ack round-trips for any length a message can have', () => {
  fc.assert(fc.property(fc.nat({ max: 2 ** 31 }), (n) => parseAck(ackText(n)) === n));
});

it('any other text is not an ack; any text read as one is exactly an ack', () => {
  const near = fc.oneof(
    fc.string(),
    fc.nat().map((n) => ackText(n)).chain((t) => fc.tuple(fc.nat({ max: t.length }), fc.string({ maxLength: 3 })).map(([at, s]) => t.slice(0, at) + s + t.slice(at))),
    fc.constantFrom('{"type":"ack","chars":-1}', '{"type":"ack","chars":01}', '{"type":"ack","chars":1.5}', '{"type":"ack","chars":"1"}', ' {"type":"ack","chars":1}', '{"type":"ack","chars":1}\n', '{"chars":1,"type":"ack"}'),
  );
  fc.assert(
    fc.property(near, (text) => {
      const n = parseAck(text);
      return n === null || (Number.isSafeInteger(n) && text === ackText(n));
    }),
  );
  for (const bad of ['{"type":"ack","chars":-1}', '{"type":"ack","chars":01}', ' {"type":"ack","chars":1}', '{"type":"ack","chars":1}\n', '{"type":"invoke","id":1,"command":"app.info"}']) expect(parseAck(bad)).toBeNull();
});
