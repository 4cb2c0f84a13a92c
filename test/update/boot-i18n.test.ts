// The boot watchdog's sentences (starting a new version, recovering an interrupted update, rolling back
// one that never became healthy, edits set aside) carry a key beside their English, so a French panel
// says them in French; the English (log file, stdout, journal) is unchanged.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { renderText, type I18nText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { bootCheck } from '../../electron/core/update/boot.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { saveLocalChanges } from '../../electron/core/update/worktree.js';
import { simpleGit } from 'simple-git';
import { Fixture, git } from './fixture.js';

const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number;
const french = (i18n: I18nText | undefined) => (i18n ? renderText(i18n, coreFr, { locale: 'fr' }) : null);

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

it('starting a new version, then rolling it back after two unhealthy starts, in French', async () => {
  fx.publish('Version 2', { 'version.txt': 'v2' });
  await runUpdate(fx.context({ autoRestartService: true }));
  const lines: Array<{ line: string; i18n: I18nText | undefined }> = [];
  const boot = (pid: number) => bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, pid, onLog: (line, i18n) => lines.push({ line, i18n }) });
  const first = await boot(1001);
  expect(first.message).toMatch(/^Starting the new version \w{7} \(start 1; it is rolled back if 2 starts in a row do not become healthy\)\.$/);
  expect(french(first.i18n)).toMatch(/^Démarrage de la nouvelle version \w{7}/);
  await boot(1002);
  const third = await boot(1003);
  expect(third.outcome).toBe('rolled-back');
  expect(third.message).toMatch(/^The new version \w{7} did not become healthy on 2 consecutive boots\. Rolled back to \w{7}\.$/);
  expect(french(third.i18n)).toMatch(/^La nouvelle version \w{7} n’est pas devenue opérationnelle .* Retour à \w{7}\.$/);
  // Every line said to the user's log has its key: the report's sentence is among them.
  expect(lines.find((l) => l.line === third.message)?.i18n).toEqual(third.i18n);
});

it('an interrupted update and the edits set aside, in French', async () => {
  const v2 = fx.publish('Version 2', { 'version.txt': 'v2' });
  const journal = new UpdateJournal(fx.dataDir);
  const e = await journal.begin({ from: fx.v1, pid: deadPid() });
  await journal.patch(e.id, { to: v2 });
  git(fx.checkout, 'fetch', '-q', 'origin');
  git(fx.checkout, 'reset', '-q', '--hard', v2);
  await journal.recordStep(e.id, { step: 'reset', status: 'running', durationMs: 0 });
  writeFileSync(join(fx.checkout, 'version.txt'), 'someone trying a fix\n');
  const lines: Array<{ line: string; i18n: I18nText | undefined }> = [];
  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, onLog: (line, i18n) => lines.push({ line, i18n }) });
  expect(report.outcome).toBe('interrupted');
  // The step as the panel's stepper names it, in its language.
  expect(report.message).toMatch(/^An update was interrupted during step “Update the code” \(the app stopped\)\. The checkout is back at \w{7} and rebuilt\.$/);
  expect(french(report.i18n)).toMatch(/^Une mise à jour a été interrompue pendant l’étape « Mise à jour du code » \(l’application s’est arrêtée\)\. /);
  const setAside = lines.find((l) => l.line.startsWith('Changes found in the checkout were set aside'));
  expect(french(setAside?.i18n)).toMatch(/^Des modifications trouvées dans le dossier de l’application ont été mises de côté : git stash apply/);
});

it('edits put back after an update interrupted before the checkout moved, in French', async () => {
  fx.publish('Version 2', { 'version.txt': 'v2' });
  writeFileSync(join(fx.checkout, 'version.txt'), 'my local edit\n');
  const journal = new UpdateJournal(fx.dataDir);
  const e = await journal.begin({ from: fx.v1, pid: deadPid() });
  const saved = await saveLocalChanges(simpleGit(fx.checkout), fx.v1);
  await journal.patch(e.id, { savedChanges: saved! });
  await journal.recordStep(e.id, { step: 'save-local-changes', status: 'done', durationMs: 0 });
  const lines: Array<{ line: string; i18n: I18nText | undefined }> = [];
  await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, onLog: (line, i18n) => lines.push({ line, i18n }) });
  const back = lines.find((l) => l.line.startsWith('Local changes put back'));
  expect(back?.line).toBe(`Local changes put back (from ${saved!.ref}).`);
  expect(french(back?.i18n)).toBe(`Modifications locales remises en place (depuis ${saved!.ref}).`);
});
