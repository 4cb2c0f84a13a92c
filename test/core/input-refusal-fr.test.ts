// A command's input refused by its schema is said in the panel's language: the refusal and each field's
// note carry keys, name the field as the panel labels it, and never show the command or field names.
import pino from 'pino';
import { expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../electron/core/dispatch.js';
import { commands } from '../../shared/contract.js';
import { coreEn, renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { settingsPatch } from '../../shared/schemas.js';

const handlers = Object.fromEntries(
  Object.entries(commands).map(([ns, defs]) => [ns, Object.fromEntries(Object.keys(defs).map((m) => [m, async () => null]))]),
) as unknown as Handlers;
const dispatch = createDispatcher(handlers, pino({ level: 'silent' }));
const fr = { locale: 'fr' };

async function refused(patch: unknown) {
  const reply = await dispatch('settings.save', patch);
  if (reply.ok) throw new Error('accepted');
  return reply.error;
}

it('a relative backup folder: the refusal and the field note are French and name "Dossier des sauvegardes"', async () => {
  const error = await refused({ backupDir: 'sauvegardes' });
  expect(error.code).toBe('invalid-input');
  expect(error.i18n).toBeDefined();
  const said = renderText(error.i18n!, coreFr, fr);
  expect(said).toMatch(/Dossier des sauvegardes/);
  expect(said).toMatch(/chemin absolu/);
  expect(said).not.toMatch(/settings\.save|backupDir|must be|Nothing was changed/);
  const note = renderText(error.fieldsI18n!.backupDir!, coreFr, fr);
  expect(note).toMatch(/chemin absolu/);
  // The English panel gets the label too, not the field's code name.
  expect(renderText(error.i18n!, coreEn, { locale: 'en-US' })).toMatch(/^Backup folder: must be an absolute folder path.*Nothing was changed\.$/);
});

it('a number out of range and an unknown key are said in French too', async () => {
  const error = await refused({ checkIntervalMinutes: 0, surprise: 1 });
  const said = renderText(error.i18n!, coreFr, fr)!;
  expect(said).toMatch(/au moins 1/);
  expect(said).toMatch(/inconnu/);
  expect(said).not.toMatch(/must|unknown|Nothing/);
  // The technical English stays for the log and old panels.
  expect(error.message).toMatch(/checkIntervalMinutes/);
});

it('an unknown key named like a placeholder ("{{", "{{count}}") is said back with its braces escaped, in either language', async () => {
  const error = await refused({ '{{': 1, '{{count}}': 2 });
  for (const said of [renderText(error.i18n!, coreFr, fr)!, renderText(error.i18n!, coreEn, { locale: 'en-US' })!, error.message]) {
    expect(said).not.toMatch(/[{}]/);
    expect(said).toContain('"\\u007b\\u007bcount\\u007d\\u007d"');
  }
});

it('every field of settings.save has a label in both languages', () => {
  const shape = settingsPatch.shape;
  for (const field of Object.keys(shape)) {
    expect(Object.hasOwn(coreEn, `field.${field}`), field).toBe(true);
    expect(Object.hasOwn(coreFr, `field.${field}`), field).toBe(true);
  }
});

it('fifty bad keywords: the list is named once, the rest counted, and the reply stays small', async () => {
  const error = await refused({ highlightKeywords: Array.from({ length: 50 }, () => 7) });
  const said = renderText(error.i18n!, coreFr, fr)!;
  expect(said).toBe('Mots-clés en surbrillance : n’a pas le bon type (attendu : string) ; et 49 autres problèmes. Rien n’a été modifié.');
  expect(JSON.stringify(error).length).toBeLessThan(1500);
});

// A dispatcher fuzz (test/fuzz/input-refusal.fuzz) read in French found English left in: the update
// branch's problems and the sticker id were the schemas' own English, and "and 2 more" after unknown keys.
it('a bad update branch, a bad sticker id and many unknown keys are said in French', async () => {
  for (const updateBranch of ['a..b', '-x', 'HEAD', 'a b', 'x/', 'x.', 'a/.b', 'a.lock/b', 'x'.repeat(101)]) {
    const error = await refused({ updateBranch });
    const said = renderText(error.i18n!, coreFr, fr)!;
    expect(said, updateBranch).toMatch(/^Branche de mise à jour : n’est pas un nom de branche git valide/);
    expect(said, updateBranch).not.toMatch(/\b(is|must|may|it)\b/);
    expect(renderText(error.fieldsI18n!.updateBranch!, coreFr, fr)).toMatch(/^n’est pas un nom de branche git valide/);
  }
  const sticker = await dispatch('stickers.animation', { id: 'x' });
  if (sticker.ok) throw new Error('accepted');
  expect(renderText(sticker.error.i18n!, coreFr, fr)).not.toMatch(/must|sticker ID/);
  const keys = await refused({ a: 1, b: 2, c: 3, d: 4, e: 5 });
  const said = renderText(keys.i18n!, coreFr, fr)!;
  expect(said).toMatch(/5 clés inconnues : "a", "b", "c", …/);
  expect(said).not.toMatch(/ and |more/);
  expect(renderText(keys.i18n!, coreEn, { locale: 'en-US' })).toMatch(/5 unknown keys: "a", "b", "c", …/);
});

it.each([
  ['settings.save', { highlightKeywords: ['nas', 'disk\u0007'] }],
  ['settings.save', { highlightKeywords: ['a,b'] }],
  ['messages.stats', { progressId: 'ABC' }],
  ['messages.statsCancel', { progressId: 'a b' }],
  ['update.run', { target: 'abc123' }],
])('%s %j: the refusal is keyed whole, so a French panel reads no English', async (command, input) => {
  const reply = await dispatch(command, input);
  if (reply.ok) throw new Error('accepted');
  const said = renderText(reply.error.i18n!, coreFr, fr)!;
  expect(said).not.toMatch(/must|commit hash|letters|comma|control/);
  expect(said).toMatch(/ne doit|doit être/);
});
