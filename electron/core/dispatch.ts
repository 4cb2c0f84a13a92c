// The single entry for commands from IPC or the WebSocket: look up, validate, run, wrap.
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Envelope } from '../../shared/api.js';
import { commandDef, commandNames, type CommandName, type CommandOutput, type CommandParsed, type Commands, type Namespace } from '../../shared/contract.js';
import { coreText, type I18nText } from '../../shared/core-text.js';
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

// A refusal names what was wrong in a few lines: zod's own messages list every unknown key, so a
// 1 MiB frame of them made a 2 MiB reply (and the input is never quoted back).
const MAX_FIELDS = 5;
const MAX_KEYS_NAMED = 3;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const fieldPath = (path: readonly PropertyKey[]) => clip(path.map((p) => clip(String(p), 40)).join('.'), 100) || 'input';

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'unrecognized_keys') return clip(issue.message, 300);
  const named = issue.keys.slice(0, MAX_KEYS_NAMED).map((k) => JSON.stringify(clip(k, 40)));
  const more = issue.keys.length - named.length;
  return `has unknown key${issue.keys.length === 1 ? '' : 's'} ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** A schema's own sentence for its one problem (an unknown time zone), so the panel says it in its language. */
function issueSentence(issues: readonly z.core.$ZodIssue[]): I18nText | undefined {
  const params = issues.length === 1 && issues[0]!.code === 'custom' ? (issues[0]!.params as { i18n?: I18nText } | undefined) : undefined;
  return params?.i18n;
}

function inputRefusal(command: string, issues: readonly z.core.$ZodIssue[]): { message: string; fields: Record<string, string>; i18n?: I18nText } {
  const fields = new Map<string, string>();
  let more = 0;
  for (const issue of issues) {
    const path = fieldPath(issue.path);
    if (fields.has(path)) continue;
    if (fields.size < MAX_FIELDS) fields.set(path, issueText(issue));
    else more++;
  }
  const detail = [...fields].map(([k, v]) => `${k} ${v}`).join('; ');
  const rest = more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '';
  const i18n = issueSentence(issues);
  return { message: `${command}: ${detail}${rest}. Nothing was changed.`, fields: Object.fromEntries(fields), ...(i18n ? { i18n } : {}) };
}

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
