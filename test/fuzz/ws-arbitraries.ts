// Random WebSocket frames: invokes with random (and prototype-chain) command names and random
// arguments, malformed invokes, random JSON, random bytes, deep nesting, oversized frames.
import fc from 'fast-check';
import { commandDef, commandNames } from '../../shared/contract.js';
import { WS_MAX_PAYLOAD } from '../../shared/limits.js';
import { TOKEN } from '../helpers/world.js';
import { MUTATING } from './boundary-world.js';

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const PROTO = ['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf', 'call', 'name', 'length'];
const namespaces = [...new Set(commandNames.map((c) => c.split('.')[0]!))];
const methods = [...new Set(commandNames.map((c) => c.split('.')[1]!))];

export const commandName = fc.oneof(
  w(3, fc.constantFrom('constructor.name', '__proto__.toString', 'settings.get.extra', 'constructor', '__proto__', 'settings.__proto__', 'settings.constructor', 'bot.hasOwnProperty', '', '.', '..', 'settings.', '.get', 'settings..get', 'SETTINGS.GET', ' settings.get', 'settings.get ', 'settings.get\u0000', 'app.info.', 'a'.repeat(100))),
  w(4, fc.constantFrom(...commandNames)),
  w(3, fc.tuple(fc.constantFrom(...namespaces, ...PROTO), fc.constantFrom(...methods, ...PROTO)).map(([a, b]) => `${a}.${b}`)),
  w(1, fc.tuple(fc.constantFrom(...commandNames), fc.constantFrom('.x', '.toString', '.__proto__', ' ', '\u200b')).map(([c, s]) => c + s)),
  w(2, fc.string({ maxLength: 30 })),
);

const keys = ['token', 'guildId', 'channelId', 'apiUrl', 'limit', 'enabled', 'target', 'id', 'autoStartBot', 'updateBranch', '__proto__', 'constructor'];
const scalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(TOKEN, 'http://127.0.0.1:1/api', '12345678901234567890', '-1', 'HEAD'));

export const argument = fc.oneof(
  w(4, fc.constant(undefined)),
  w(3, fc.jsonValue({ maxDepth: 4 })),
  w(3, fc.dictionary(fc.constantFrom(...keys), scalar, { maxKeys: 4 })),
  // JSON.parse gives "__proto__" as an own key, as a frame off the wire would.
  w(1, scalar.map((v) => JSON.parse(`{"__proto__":${JSON.stringify(v) ?? 'null'},"limit":1}`) as unknown)),
);

/** An invoke the server must answer; mutating commands only get arguments their schema refuses. */
export const invoke = fc
  .record({ id: fc.nat(), command: commandName, arg: argument })
  .filter(({ command, arg }) => !MUTATING.includes(command as never) || !commandDef(command)!.input.safeParse(arg).success);

export type WsCase =
  | { kind: 'invoke'; id: number; command: string; arg: unknown; text: string }
  | { kind: 'text'; text: string | Buffer }
  | { kind: 'binary'; data: Buffer }
  // Built when sent, so a counterexample prints as a number, not a megabyte.
  | { kind: 'nested'; depth: number }
  | { kind: 'oversize'; extra: number };

/** What goes on the wire for a case, and whether it is a text frame. */
export function payload(c: WsCase): { data: string | Buffer; binary: boolean } {
  switch (c.kind) {
    case 'binary':
      return { data: c.data, binary: true };
    case 'nested':
      return { data: `{"type":"invoke","id":1,"command":"app.info","arg":${'['.repeat(c.depth)}${']'.repeat(c.depth)}}`, binary: false };
    case 'oversize':
      return { data: `"${'x'.repeat(WS_MAX_PAYLOAD + c.extra)}"`, binary: false };
    default:
      return { data: c.text, binary: false };
  }
}

const badFrame = fc.record(
  {
    type: fc.oneof(fc.constant('invoke'), fc.string({ maxLength: 8 }), fc.integer()),
    id: fc.oneof(fc.integer({ min: -5, max: -1 }), fc.double(), fc.string({ maxLength: 4 }), fc.constant(2 ** 60), fc.constant(null)),
    command: fc.oneof(commandName, fc.integer(), fc.constant(null), fc.string({ minLength: 101, maxLength: 120 })),
    arg: argument,
  },
  { requiredKeys: [] },
);

export const wsCase: fc.Arbitrary<WsCase> = fc.oneof(
  w(10, invoke.map((i) => ({ kind: 'invoke' as const, ...i, text: JSON.stringify({ type: 'invoke', ...i }) }))),
  w(3, badFrame.map((f) => ({ kind: 'text' as const, text: JSON.stringify(f) }))),
  w(2, fc.jsonValue({ maxDepth: 3 }).map((v) => ({ kind: 'text' as const, text: JSON.stringify(v) }))),
  w(2, fc.uint8Array({ maxLength: 64 }).map((b) => ({ kind: 'text' as const, text: Buffer.from(b) }))),
  w(1, fc.uint8Array({ maxLength: 64 }).map((b) => ({ kind: 'binary' as const, data: Buffer.from(b) }))),
  w(1, fc.integer({ min: 20, max: 5000 }).map((depth) => ({ kind: 'nested' as const, depth }))),
  w(1, fc.integer({ min: 1, max: 64 }).map((extra) => ({ kind: 'oversize' as const, extra }))),
);
