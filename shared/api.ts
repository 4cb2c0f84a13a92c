// Builds the renderer-facing API from the registry over any transport (Electron IPC or WebSocket).
import type { I18nText } from './core-text.js';
import {
  commands,
  eventNames,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type EventName,
  type EventPayload,
  type Namespace,
} from './contract.js';

export type ErrorCode = 'invalid-input' | 'unknown-command' | 'busy' | 'overridden' | 'unavailable' | 'rate-limited' | 'internal';

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level problems for invalid input: path → message. */
  fields?: Record<string, string>;
  /** `fields` by key, for the panel's language (a field without one shows its English). */
  fieldsI18n?: Record<string, I18nText>;
  /** `message` by key, for the panel's language. */
  i18n?: I18nText;
}

export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly fieldsI18n: Record<string, I18nText> | undefined;
  readonly i18n: I18nText | undefined;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.fields = body.fields;
    this.fieldsI18n = body.fieldsI18n;
    this.i18n = body.i18n;
  }
}

export interface Transport {
  invoke(command: CommandName, arg: unknown): Promise<Envelope>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type Method<C extends CommandName> = [CommandInput<C>] extends [undefined]
  ? () => Promise<CommandOutput<C>>
  : undefined extends CommandInput<C>
    ? (arg?: CommandInput<C>) => Promise<CommandOutput<C>>
    : (arg: CommandInput<C>) => Promise<CommandOutput<C>>;

export type Api = {
  [N in Namespace]: { [M in keyof (typeof commands)[N] & string]: Method<`${N}.${M}` & CommandName> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function createApi(transport: Transport): Api {
  const api: Record<string, unknown> = {};
  for (const [ns, defs] of Object.entries(commands)) {
    const group: Record<string, (arg?: unknown) => Promise<unknown>> = {};
    for (const method of Object.keys(defs)) {
      const name = `${ns}.${method}` as CommandName;
      group[method] = async (arg?: unknown) => {
        const reply = await transport.invoke(name, arg);
        if (!reply.ok) throw new ApiError(reply.error);
        return reply.value;
      };
    }
    api[ns] = group;
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!eventNames.includes(event)) throw new ApiError({ code: 'invalid-input', message: `Unknown event "${event}".` });
    return transport.subscribe(event, listener);
  };
  return api as Api;
}
