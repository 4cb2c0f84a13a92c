// Shared by the update UI tests: the update button, dialogs and steps by test id, an app showing a view.
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { UpdateView } from '../../shared/types';
import { FakeApi } from './fake-api';
import { renderApp } from './render';

export const button = () => screen.getByTestId('update-button');
export const confirmDialog = () => screen.getByTestId('update-confirm') as HTMLDialogElement;
export const overlay = () => screen.getByTestId('update-overlay') as HTMLDialogElement;
export const step = (name: string) => within(overlay()).getAllByTestId('update-step').find((s) => s.dataset.step === name)!;
export const stepStates = () => within(overlay()).getAllByTestId('update-step').map((s) => `${s.dataset.step}:${s.dataset.status}`);

/** The app over a fake whose update view is `view`, once that view is shown. */
export async function appWith(view: UpdateView, options: Parameters<typeof renderApp>[1] = {}, fake = new FakeApi()) {
  fake.updateView = view;
  const utils = renderApp(fake, options);
  await waitFor(() => expect(button().dataset.state).toBe(view.state));
  return utils;
}

/** A deferred promise, for commands whose answer the test releases. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
