// An update's step errors and closing sentence carry their key beside the English, so a French panel
// says them in French. Real commands, real git (the update fixture).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../electron/core/update/command.js';
import type { JournalEntry } from '../../electron/core/update/index.js';
import { toLastUpdate } from '../../electron/core/update-view.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { SentenceError } from '../../electron/core/sentence-error.js';
import { coreEn, renderText } from '../../shared/core-text.js';
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
    expect(renderText(result.i18n!, coreFr, fr)).toMatch(/^Échec de la mise à jour à l’étape build : .+ s’est terminé avec le code 1 .+ Retour à [0-9a-f]{7} ; rien n’a changé\. Le bot tourne de nouveau\.$/);
  });

  it('the last update’s banner sentence (rolled back, interrupted, failed) is said in French', () => {
    const entry = (patch: Partial<JournalEntry>): JournalEntry => ({
      id: 'e1', pid: 1, from: 'a'.repeat(40), to: 'b'.repeat(40), startedAt: new Date(0).toISOString(),
      finishedAt: new Date(5000).toISOString(), durationMs: 5000, outcome: 'success', steps: [], failedStep: null, error: null,
      lockfileChanged: false, savedChanges: null, keptCommits: null, recoveredEdits: null, replacedFiles: null, configBackup: null, boots: 1, lastBootPid: 1, ...patch,
    });
    const rolledBack = toLastUpdate(entry({ outcome: 'rolled-back', failedStep: 'build', error: 'npm run build exited with code 1' }), []);
    expect(rolledBack.message).toBe('Update to bbbbbbb was rolled back (build failed): npm run build exited with code 1. Still on aaaaaaa.');
    expect(renderText(rolledBack.i18n!.message, coreFr, fr)).toBe('La mise à jour vers bbbbbbb a été annulée (échec de build) : npm run build exited with code 1. Toujours sur aaaaaaa.');
    const interrupted = toLastUpdate(entry({ outcome: 'interrupted', failedStep: null }), []);
    expect(renderText(interrupted.i18n!.message, coreEn, { locale: 'en-US' })).toBe(interrupted.message);
    expect(renderText(interrupted.i18n!.message, coreFr, fr)).toBe('Une mise à jour vers bbbbbbb a été interrompue ; l’application a été ramenée à aaaaaaa.');
    const failed = toLastUpdate(entry({ outcome: 'failed' }), []);
    expect(failed.message).toBe('Update to bbbbbbb failed: see the log.');
    expect(renderText(failed.i18n!.message, coreFr, fr)).toBe('La mise à jour vers bbbbbbb a échoué : voir le journal.');
  });
});
