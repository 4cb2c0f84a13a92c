// The single entry for commands from IPC or the WebSocket: look up, validate, run, wrap.
import type { Logger } from 'pino';
import type { Envelope } from '../../shared/api.js';
import { commandDef, commandNames, type CommandName, type CommandOutput, type CommandParsed, type Commands, type Namespace } from '../../shared/contract.js';
import { coreText } from '../../shared/core-text.js';
import { CommandError } from './errors.js';
import { inputRefusal } from './input-refusal.js';

export type Handlers = {
  [N in Namespace]: {
    [M in keyof Commands[N] & string]: (
      input: CommandParsed<`${N}.${M}` & CommandName>,
    ) => Promise<CommandOutput<`${N}.${M}` & CommandName>>;
  };
};

/** Typed for known command names; anything else (from the wire) gets an `unknown-command` error. */
export type Dispatch = <C extends string>(
  command: C,
  arg?: unknown,
) => Promise<Envelope<C extends CommandName ? CommandOutput<C> : unknown>>;

type AnyHandler = (input: unknown) => Promise<unknown>;

/** The handler of every registry command, by full name; a missing one is a programming error caught at startup. */
function handlerMap(handlers: Handlers): Map<string, AnyHandler> {
  const table = handlers as unknown as Record<string, Record<string, unknown>>;
  const map = new Map<string, AnyHandler>();
  for (const name of commandNames) {
    const [ns, method] = name.split('.') as [string, string];
    const group = Object.hasOwn(table, ns) ? table[ns] : undefined;
    const handler = group && Object.hasOwn(group, method) ? group[method] : undefined;
    if (typeof handler !== 'function') throw new Error(`No handler for the command ${name}.`);
    map.set(name, handler as AnyHandler);
  }
  return map;
}

// Never echo more than a short, printable prefix of a name that came from the wire.
const shown = (command: unknown) =>
  typeof command === 'string' ? JSON.stringify(command.slice(0, 60)) : `of type ${command === null ? 'null' : typeof command}`;

export function createDispatcher(handlers: Handlers, logger: Logger): (command: string, arg: unknown) => Promise<Envelope> {
  const byName = handlerMap(handlers);
  return async (command, arg) => {
    const def = commandDef(command);
    const handler = typeof command === 'string' ? byName.get(command) : undefined;
    if (!def || !handler) {
      return { ok: false, error: { code: 'unknown-command', message: `Unknown command ${shown(command)}: commands are "namespace.method" names from the contract.` } };
    }
    const parsed = def.input.safeParse(arg);
    if (!parsed.success) return { ok: false, error: { code: 'invalid-input', ...inputRefusal(command, parsed.error.issues) } };
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof CommandError) return { ok: false, error: err.toBody() };
      logger.error({ err }, `${command} failed: ${err instanceof Error ? err.message : String(err)}`);
      const said = coreText('command.internal', { command });
      return { ok: false, error: { code: 'internal', message: said.text, i18n: said.i18n } };
    }
  };
}
