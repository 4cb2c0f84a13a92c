// An update's step errors and closing sentence carry their key beside the English, so a French panel
// says them in French. Real commands, real git (the update fixture).
import { spawn } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitProcessesIn } from '../../electron/core/update/index-lock.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { UPDATE_STEPS } from '../../shared/types.js';
import { updateEn } from '../../renderer/src/i18n/en/update.js';
import { updateFr } from '../../renderer/src/i18n/fr/update.js';
import { runCommand } from '../../electron/core/update/command.js';
import type { JournalEntry } from '../../electron/core/update/index.js';
import { toLastUpdate } from '../../electron/core/update-view.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { SentenceError } from '../../electron/core/sentence-error.js';
import { coreEn, coreText, renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { Fixture } from './fixture.js';

const fr = { locale: 'fr-FR' };
let fx: Fixture | null = null;
beforeEach(() => {
  fx = null;
});
afterEach(() => fx?.cleanup());

async function failure(cmd: [string, ...string[]], timeoutMs = 10_000): Promise<SentenceError> {
  const err = await runCommand(cmd, { cwd: process.cwd(), timeoutMs, onLine: () => undefined }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SentenceError);
  return err as SentenceError;
}

describe('update sentences by key', () => {
  it('a command that fails, hangs or is missing says so by key', async () => {
    const exited = await failure([process.execPath, '-e', 'process.exit(3)']);
    expect(exited.sentence.i18n).toMatchObject({ key: 'update.commandFailed', params: { code: '3' } });
    expect(exited.message).toBe(`${process.execPath} -e process.exit(3) exited with code 3 — see the log lines above`);
    expect(renderText(exited.sentence.i18n, coreFr, fr)).toMatch(/s’est terminé avec le code 3 — voir les lignes du journal ci-dessus$/);
    const hung = await failure([process.execPath, '-e', 'setTimeout(() => {}, 20000)'], 300);
    expect(hung.sentence.i18n.key).toBe('update.commandTimedOut');
    const missing = await failure(['dm-no-such-command-4242']);
    expect(missing.sentence.i18n).toMatchObject({ key: 'update.commandMissing', params: { file: 'dm-no-such-command-4242' } });
  });

  it('a broken build: the failed step and the rolled-back run are said in French', async () => {
    fx = new Fixture();
    fx.publish('Broken version', { 'version.txt': 'v2', BREAK_BUILD: '1' });
    const result = await runUpdate(fx.context());
    expect(result.outcome).toBe('rolled-back');
    const failed = fx.events.find((e) => e.step === 'build' && e.status === 'failed');
    expect(failed?.errorI18n?.key).toBe('update.commandFailed');
    expect(renderText(failed!.errorI18n!, coreEn, { locale: 'en-US' })).toBe(failed?.error);
    expect(result.i18n?.key).toBe('update.failedRolledBackBotRunning');
    expect(renderText(result.i18n!, coreEn, { locale: 'en-US' })).toBe(result.message);
    // The step as the panel's stepper names it, not its id.
    expect(renderText(result.i18n!, coreFr, fr)).toMatch(/^Échec de la mise à jour à l’étape « Recompilation » : .+ s’est terminé avec le code 1 .+ Retour à [0-9a-f]{7} ; rien n’a changé\. Le bot tourne de nouveau\.$/);
    expect(result.message).toMatch(/^Update failed at step “Rebuild”: /);
    // The steps after it say why they did not run, by key.
    const notRun = fx.events.find((e) => e.step === 'self-test' && e.status === 'skipped');
    expect(notRun?.log).toEqual(['Not run: step “Rebuild” failed.']);
    expect(renderText(notRun!.noteI18n!, coreFr, fr)).toBe('Non exécutée : l’étape « Recompilation » a échoué.');
    // The journal keeps the error's key: the banner after a restart says it in French too.
    const last = toLastUpdate((await new UpdateJournal(fx.dataDir).get(result.id))!, []);
    expect(renderText(last.i18n!.message, coreFr, fr)).toMatch(
      /^La mise à jour vers [0-9a-f]{7} a été annulée \(échec à l’étape « Recompilation »\) : .+ s’est terminé avec le code 1 — voir les lignes du journal ci-dessus\. Toujours sur [0-9a-f]{7}\.$/,
    );
  });

  it('a rollback that fails too: the banner says the step’s error and the rollback’s by key', async () => {
    fx = new Fixture();
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const ctx = fx.context();
    ctx.commands = { ...fx.commands, build: [process.execPath, '-e', 'process.exit(3)'] };
    const result = await runUpdate(ctx);
    expect(result.outcome).toBe('failed');
    const entry = (await new UpdateJournal(fx.dataDir).get(result.id))!;
    expect(entry.error).toBe(`${result.error} — rollback: ${result.rollbackError}`);
    const said = renderText(toLastUpdate(entry, []).i18n!.message, coreFr, fr)!;
    expect(said).toMatch(/^La mise à jour vers [0-9a-f]{7} a échoué : .+ s’est terminé avec le code 3 — voir les lignes du journal ci-dessus — retour en arrière : restauration du dossier de l’application : .+ s’est terminé avec le code 3/);
  });

  it('a fetch that fails: git’s words inside a sentence that names the step as the panel does and says what to check', async () => {
    fx = new Fixture();
    fx.publish('Version 2', { 'version.txt': 'v2' });
    renameSync(fx.origin, `${fx.origin}-moved`); // the remote is gone between the check and the update
    const result = await runUpdate(fx.context());
    expect(result.outcome).toBe('rolled-back');
    const failed = fx.events.find((e) => e.step === 'fetch' && e.status === 'failed');
    expect(failed?.errorI18n).toMatchObject({ key: 'update.fetchStepFailed', params: { remote: 'origin' } });
    expect(renderText(failed!.errorI18n!, coreEn, { locale: 'en-US' })).toBe(failed?.error);
    const said = renderText(result.i18n!, coreFr, fr)!;
    expect(said).toMatch(/^Échec de la mise à jour à l’étape « Téléchargement de la nouvelle version » : impossible de récupérer origin\/\S+ depuis origin : /);
    expect(said).toContain('does not appear to be a git repository'); // git's own words, quoted
    expect(said).toContain('Vérifiez que le dépôt distant existe et que cette machine peut l’atteindre (git remote -v, le réseau), puis relancez la mise à jour');
  });

  it('a git command holding .git/index.lock: the refusal names the command and is a sentence by key', async () => {
    fx = new Fixture();
    fx.publish('Version 2', { 'version.txt': 'v2' });
    writeFileSync(join(fx.checkout, '.git', 'index.lock'), '');
    const holder = spawn('git', ['cat-file', '--batch'], { cwd: fx.checkout, stdio: ['pipe', 'ignore', 'ignore'] });
    holder.on('error', () => undefined);
    try {
      await expect.poll(() => gitProcessesIn(fx!.checkout)).toContain(holder.pid);
      const err = await runUpdate(fx.context()).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SentenceError);
      const sentence = (err as SentenceError).sentence;
      expect(sentence.i18n).toMatchObject({ key: 'update.gitLocksHeld', params: { files: join('.git', 'index.lock'), pids: String(holder.pid), commands: 'git cat-file --batch' } });
      expect(sentence.text).toBe(`${join('.git', 'index.lock')}: git process ${holder.pid} holds them (git cat-file --batch) — wait until that command ends (or end it), then try again`);
      expect(renderText(sentence.i18n, coreFr, fr)).toBe(
        `${join('.git', 'index.lock')} : le processus git ${holder.pid} les tient (git cat-file --batch) — attendez que cette commande se termine (ou arrêtez-la), puis réessayez`,
      );
    } finally {
      holder.kill();
    }
  });

  it('every skipped step says why by key, its English being the line the log shows', async () => {
    fx = new Fixture();
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const result = await runUpdate(fx.context({ stopBot: 'late' }));
    expect(result.outcome).toBe('restart-needed');
    const skipped = fx.events.filter((e) => e.status === 'skipped');
    expect(skipped.map((e) => e.step)).toEqual(expect.arrayContaining(['save-local-changes', 'clean', 'install-deps', 'stop-bot', 'restart']));
    for (const e of skipped) {
      expect(e.log).toHaveLength(1);
      expect(renderText(e.noteI18n!, coreEn, { locale: 'en-US' })).toBe(e.log[0]);
      expect(renderText(e.noteI18n!, coreFr, fr)).not.toBe(e.log[0]);
    }
    const note = (step: string) => renderText(skipped.find((e) => e.step === step)!.noteI18n!, coreFr, fr);
    expect(note('save-local-changes')).toBe('Aucune modification locale à mettre de côté.');
    expect(note('restart')).toBe('Le redémarrage automatique est désactivé : redémarrez l’application pour charger la nouvelle version.');
  });

  it('a step is named in sentences with the label the panel’s stepper gives it, in both languages', () => {
    for (const name of [...UPDATE_STEPS, 'rollback'] as const) {
      expect(renderText({ key: `update.step.${name}`, params: {} }, coreEn, { locale: 'en-US' })).toBe(updateEn.update.step[name]);
      expect(renderText({ key: `update.step.${name}`, params: {} }, coreFr, fr)).toBe(updateFr.update.step[name]);
    }
  });

  it('the last update’s banner sentence (rolled back, interrupted, failed) is said in French', () => {
    const entry = (patch: Partial<JournalEntry>): JournalEntry => ({
      id: 'e1', pid: 1, from: 'a'.repeat(40), to: 'b'.repeat(40), startedAt: new Date(0).toISOString(),
      finishedAt: new Date(5000).toISOString(), durationMs: 5000, outcome: 'success', steps: [], failedStep: null, error: null,
      lockfileChanged: false, savedChanges: null, keptCommits: null, recoveredEdits: null, replacedFiles: null, configBackup: null, boots: 1, lastBootPid: 1, ...patch,
    });
    const error = coreText('update.commandFailed', { command: 'npm run build', code: '1' });
    const rolledBack = toLastUpdate(entry({ outcome: 'rolled-back', failedStep: 'build', error: error.text, errorI18n: error.i18n }), []);
    expect(rolledBack.message).toBe('Update to bbbbbbb was rolled back (step “Rebuild” failed): npm run build exited with code 1 — see the log lines above. Still on aaaaaaa.');
    expect(renderText(rolledBack.i18n!.message, coreFr, fr)).toBe(
      'La mise à jour vers bbbbbbb a été annulée (échec à l’étape « Recompilation ») : npm run build s’est terminé avec le code 1 — voir les lignes du journal ci-dessus. Toujours sur aaaaaaa.',
    );
    // A journal written before errors kept their key still reads: its English error is quoted as it is.
    const older = toLastUpdate(entry({ outcome: 'rolled-back', failedStep: 'build', error: 'npm run build exited with code 1' }), []);
    expect(renderText(older.i18n!.message, coreFr, fr)).toBe('La mise à jour vers bbbbbbb a été annulée (échec à l’étape « Recompilation ») : npm run build exited with code 1. Toujours sur aaaaaaa.');
    const interrupted = toLastUpdate(entry({ outcome: 'interrupted', failedStep: null }), []);
    expect(renderText(interrupted.i18n!.message, coreEn, { locale: 'en-US' })).toBe(interrupted.message);
    expect(renderText(interrupted.i18n!.message, coreFr, fr)).toBe('Une mise à jour vers bbbbbbb a été interrompue ; l’application a été ramenée à aaaaaaa.');
    const failed = toLastUpdate(entry({ outcome: 'failed' }), []);
    expect(failed.message).toBe('Update to bbbbbbb failed: see the log.');
    expect(renderText(failed.i18n!.message, coreFr, fr)).toBe('La mise à jour vers bbbbbbb a échoué : voir le journal.');
  });
});
