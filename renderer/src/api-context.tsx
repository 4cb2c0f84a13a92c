// The Api reaches components through context, so tests can hand them an in-memory fake.
import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from '../../shared/api';

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.');
  return api;
}

/** The message of anything thrown by an API call (ApiError or a plain Error). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
