// Command names come from the wire: only the registry's own "namespace.method" names may reach a handler.
import fc from 'fast-check';
import pino from 'pino';
import { expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../electron/core/dispatch.js';
import { commandDef, commandNames, commands } from '../../shared/contract.js';

const logger = pino({ level: 'silent' });

/** Every registry command answers its own name, so a reply shows which handler ran. */
function handlersFor(calls: string[]): Handlers {
  const handlers: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const [ns, defs] of Object.entries(commands)) {
    handlers[ns] = {};
    for (const method of Object.keys(defs)) {
      handlers[ns][method] = async () => {
        calls.push(`${ns}.${method}`);
        return `${ns}.${method}`;
      };
    }
  }
  return handlers as unknown as Handlers;
}

// One input each command accepts, found among a few shapes (so commands added later need no edit here).
const SAMPLE_ARGS: unknown[] = [undefined, {}, { enabled: true }, { id: 'n1' }, { target: 'a'.repeat(40) }, { query: 'x' }, { mode: 'recent', limit: null, periodHours: null }, { format: 'json' }, { phrase: '', channelName: '', acknowledged: false }, { id: '749054660769218631' }, { messageId: '749054660769218631' }, { progressId: 'p1' }];
const validArg = (name: string): unknown => {
  const index = SAMPLE_ARGS.findIndex((arg) => commandDef(name)!.input.safeParse(arg).success);
  if (index < 0) throw new Error(`add a sample input for ${name}`);
  return SAMPLE_ARGS[index];
};

const PROTOTYPE_NAMES = [
  'constructor.name',
  'constructor.constructor',
  '__proto__.toString',
  '__proto__.constructor',
  'toString.call',
  'hasOwnProperty.call',
  'settings.constructor',
  'settings.__proto__',
  'settings.toString',
  'settings.hasOwnProperty',
  'bot.valueOf',
  'settings.get.extra',
  'settings.get.',
  'settings',
  '.get',
  'settings.',
  '.',
  '',
  'settings..get',
  ' settings.get',
  'settings.get ',
  'Settings.get',
];

it.each(PROTOTYPE_NAMES)('"%s" is an unknown command, never a crash and never another command', async (name) => {
  const calls: string[] = [];
  const dispatch = createDispatcher(handlersFor(calls), logger);
  const reply = await dispatch(name, undefined);
  expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
  expect(calls).toEqual([]);
  expect(commandDef(name)).toBeUndefined();
});

it('non-string command names are unknown commands', async () => {
  const calls: string[] = [];
  const dispatch = createDispatcher(handlersFor(calls), logger);
  for (const name of [undefined, null, 42, {}, ['settings', 'get'], { toString: () => 'settings.get' }]) {
    const reply = await dispatch(name as unknown as string, undefined);
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
  }
  expect(calls).toEqual([]);
});

it('every registry command reaches its own handler', async () => {
  const calls: string[] = [];
  const dispatch = createDispatcher(handlersFor(calls), logger);
  for (const name of commandNames) {
    expect(await dispatch(name, validArg(name))).toEqual({ ok: true, value: name });
  }
  expect(calls).toEqual(commandNames);
});

it('a handler table missing a registry command is refused at creation, not at the first call', () => {
  const calls: string[] = [];
  const handlers = handlersFor(calls) as unknown as Record<string, Record<string, unknown>>;
  delete handlers.bot!.stop;
  expect(() => createDispatcher(handlers as unknown as Handlers, logger)).toThrow(/bot\.stop/);
});

// Names built from the registry's pieces, prototype keys and separators, plus arbitrary strings.
const piece = fc.constantFrom(
  ...Object.keys(commands),
  ...commandNames.map((n) => n.split('.')[1]!),
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Function.prototype),
  'prototype',
  '',
);
const commandLike = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.')),
  fc.tuple(fc.constantFrom(...commandNames), fc.string({ maxLength: 3 })).map(([n, s]) => n + s),
);

it('any string is either a registry command or unknown-command, and never throws', async () => {
  const calls: string[] = [];
  const dispatch = createDispatcher(handlersFor(calls), logger);
  const error = vi.spyOn(logger, 'error');
  const registry = new Set<string>(commandNames);
  await fc.assert(
    fc.asyncProperty(commandLike, fc.anything(), async (name, arg) => {
      calls.length = 0;
      const reply = await dispatch(name, registry.has(name) ? validArg(name) : arg);
      if (registry.has(name)) {
        expect(reply).toEqual({ ok: true, value: name });
        expect(calls).toEqual([name]);
      } else {
        expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
        expect(calls).toEqual([]);
      }
    }),
    { numRuns: 3000 },
  );
  expect(error).not.toHaveBeenCalled();
});
