// The Api reaches components through context, so tests can hand them an in-memory fake.
import { createContext, useContext, type ReactNode } from 'react';
import { ApiError, type Api } from '../../shared/api';
import type { I18nText } from '../../shared/core-text';
import type { SayCore } from './i18n/core-text';

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.');
  return api;
}

/** The message of anything thrown by an API call (ApiError or a plain Error); with `say`, in the panel's language. */
export function errorMessage(error: unknown, say?: SayCore): string {
  if (say && error instanceof ApiError) return say(error.message, error.i18n);
  return error instanceof Error ? error.message : String(error);
}

/** What an API call threw, kept as English + key: said when shown, in the language the panel has then. */
export interface ErrorSentence {
  text: string;
  i18n?: I18nText | undefined;
}

export function errorSentence(error: unknown): ErrorSentence {
  return { text: errorMessage(error), ...(error instanceof ApiError && error.i18n ? { i18n: error.i18n } : {}) };
}
