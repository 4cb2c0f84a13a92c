// The single entry for commands from IPC or the WebSocket: look up, validate, run, wrap.
import type { Logger } from 'pino';
import type { Envelope } from '../../shared/api.js';
import { commandDef, type CommandName, type CommandOutput, type CommandParsed, type Commands, type Namespace } from '../../shared/contract.js';
import { CommandError } from './errors.js';

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

export function createDispatcher(handlers: Handlers, logger: Logger): (command: string, arg: unknown) => Promise<Envelope> {
  return async (command, arg) => {
    const def = typeof command === 'string' ? commandDef(command) : undefined;
    if (!def) return { ok: false, error: { code: 'unknown-command', message: `Unknown command "${String(command).slice(0, 60)}".` } };
    const parsed = def.input.safeParse(arg);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.') || 'input';
        fields[path] ??= issue.message;
      }
      const detail = Object.entries(fields).map(([k, v]) => `${k} ${v}`).join('; ');
      return { ok: false, error: { code: 'invalid-input', message: `${command}: ${detail}. Nothing was changed.`, fields } };
    }
    const [ns, method] = command.split('.') as [string, string];
    const handler = (handlers as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[ns]![method]!;
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof CommandError) return { ok: false, error: err.toBody() };
      logger.error({ err }, `${command} failed: ${err instanceof Error ? err.message : String(err)}`);
      return { ok: false, error: { code: 'internal', message: `${command} failed unexpectedly; see the log for details.` } };
    }
  };
}
