// An unknown time zone was said back as sent, 64 characters of it whatever they were: a line break or a
// bidi override forged lines in the log ("messages.stats: timeZone Unknown time zone “x\n[ERROR] …”") and
// showed in the panel. A name of a zone name's shape is still named (the panel sends Intl's own, and a
// runtime without it is worth seeing); anything else is refused without being repeated.
import pino from 'pino';
import { expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../electron/core/dispatch.js';
import { commands } from '../../shared/contract.js';
import { coreEn, renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';

const handlers = Object.fromEntries(
  Object.entries(commands).map(([ns, defs]) => [ns, Object.fromEntries(Object.keys(defs).map((m) => [m, async () => null]))]),
) as unknown as Handlers;
const dispatch = createDispatcher(handlers, pino({ level: 'silent' }));

async function refusal(timeZone: string) {
  const reply = await dispatch('messages.stats', { timeZone });
  if (reply.ok) throw new Error('accepted');
  const { error } = reply;
  return [error.message, ...Object.values(error.fields ?? {}), ...[error.i18n!, ...Object.values(error.fieldsI18n ?? {})].flatMap((t) => [renderText(t, coreEn, { locale: 'en-US' })!, renderText(t, coreFr, { locale: 'fr' })!])];
}

it('a zone name sent with a line break, a bidi override or markup is not said back', async () => {
  for (const zone of ['Europe/Paris\n[ERROR] token leaked', 'x\u202eevil', '<img src=x onerror=alert(1)>', 'Mars Olympus', '\u0000']) {
    for (const said of await refusal(zone)) {
      expect(said).not.toContain(zone);
      expect(said).toMatch(/IANA/);
    }
  }
});

it('a name of a zone name’s shape that this runtime does not know is named, in both languages', async () => {
  const said = await refusal('Mars/Olympus');
  expect(said.filter((s) => s.includes('Mars/Olympus')).length).toBeGreaterThanOrEqual(3);
  expect(said.join('\n')).toMatch(/Fuseau horaire inconnu « Mars\/Olympus »/);
});
