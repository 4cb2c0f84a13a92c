// A browser that cannot name its time zone: the export's date fields are UTC days, as the zone the
// request names and the file prints, and the dialog says so (it named UTC beside fields it read as the
// browser's own midnights). The arithmetic under another clock is in test/core/field-zone.test.ts:
// this runner's threads cannot change their clock.
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeApi } from './fake-api';
import { renderApp } from './render';
import type { Language } from '../../renderer/src/i18n';

const Real = Intl.DateTimeFormat;

/** Intl as such a browser has it: a formatter asked for no zone resolves to none. */
function unnamedZone(): void {
  const Unnamed = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    const format = new Real(locales, options);
    if (options?.timeZone !== undefined) return format;
    return new Proxy(format, {
      get: (target, key) => {
        if (key === 'resolvedOptions') return () => ({ ...target.resolvedOptions(), timeZone: undefined });
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  } as unknown as typeof Intl.DateTimeFormat;
  Object.assign(Unnamed, { supportedLocalesOf: Real.supportedLocalesOf.bind(Real), prototype: Real.prototype });
  Intl.DateTimeFormat = Unnamed;
}

beforeEach(() => {
  Intl.DateTimeFormat = Real;
});
afterEach(() => {
  Intl.DateTimeFormat = Real;
});

async function exportDialog(language: Language) {
  const fake = new FakeApi();
  fake.info = { ...fake.info, mode: 'headless' };
  const view = renderApp(fake, { language });
  await view.user.click(await screen.findByTestId('archive-button'));
  return { fake, user: view.user, d: within(await screen.findByTestId('archive-dialog')) };
}

describe('the export’s days where the browser cannot name its zone', () => {
  it('are UTC days, sent with UTC, and the dialog says why', async () => {
    unnamedZone();
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBeUndefined();
    const { fake, user, d } = await exportDialog('en');
    expect(d.getByTestId('export-after').closest('label')!.textContent).toBe('From (included; a day in UTC, as the file’s times)');
    expect(d.getByTestId('export-zone-unnamed').textContent).toBe('Your browser does not say which time zone it is in: these dates are UTC days, and the file’s times are in UTC.');
    await user.type(d.getByTestId('export-after'), '2026-01-01');
    await user.type(d.getByTestId('export-before'), '2026-02-01');
    await user.click(d.getByTestId('export-start'));
    await waitFor(() => expect(fake.argsOf('archive.downloadTicket')).toEqual([{ format: 'html', filter: { after: Date.UTC(2026, 0, 1), before: Date.UTC(2026, 1, 1), timeZone: 'UTC' }, locale: 'en', media: 'link' }]));
  });

  it('the note in French', async () => {
    unnamedZone();
    const { d } = await exportDialog('fr');
    expect(d.getByTestId('export-zone-unnamed').textContent).toBe('Votre navigateur n’indique pas son fuseau horaire : ces dates sont des jours UTC, et les heures du fichier sont en UTC.');
  });

  it('a browser that names its zone: no note, its own days and zone', async () => {
    const { fake, user, d } = await exportDialog('en');
    expect(d.queryByTestId('export-zone-unnamed')).toBeNull();
    await user.type(d.getByTestId('export-after'), '2026-01-01');
    await user.click(d.getByTestId('export-start'));
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    await waitFor(() => expect(fake.argsOf('archive.downloadTicket')).toEqual([{ format: 'html', filter: { after: new Date(2026, 0, 1).getTime(), timeZone: zone }, locale: 'en', media: 'link' }]));
  });
});
