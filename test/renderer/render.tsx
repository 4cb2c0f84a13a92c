// Rendering helpers: the whole app or one component, over a FakeApi, in a chosen language.
import { act, render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { EventName, EventPayload } from '../../shared/contract';
import { App } from '../../renderer/src/App';
import { ApiProvider } from '../../renderer/src/api-context';
import type { ConnectionSource } from '../../renderer/src/hooks/useReconnect';
import { createI18n, type Language } from '../../renderer/src/i18n';
import { nextFrame } from '../../renderer/src/lib/frame';
import { FakeApi } from './fake-api';

interface AppOptions {
  language?: Language;
  transport?: ConnectionSource | null;
  reload?: () => void;
}

export function renderApp(fake = new FakeApi(), { language = 'en', transport = null, reload }: AppOptions = {}) {
  const i18n = createI18n(language);
  const user = userEvent.setup();
  const utils = render(<App api={fake.api} i18n={i18n} transport={transport} reload={reload} />);
  return { ...utils, fake, i18n, user };
}

export function renderWithApi(ui: ReactElement, fake = new FakeApi(), language: Language = 'en', options?: RenderOptions) {
  const i18n = createI18n(language);
  const user = userEvent.setup();
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <ApiProvider api={fake.api}>{ui}</ApiProvider>
    </I18nextProvider>,
    options,
  );
  return { ...utils, fake, i18n, user };
}

/** Pushes an event and lets React apply it (live messages are applied once per frame: waits for it). */
export async function emit<E extends EventName>(fake: FakeApi, event: E, payload: EventPayload<E>): Promise<void> {
  await act(async () => {
    fake.emit(event, payload);
    await nextFrame();
  });
}
