// What a French panel still read in English from an update (a French-panel audit): the branch errors
// of a check and of the fetch step, a refusal before any step, the rollback's own error and the
// pipeline's own step log lines. Each comes with its key now; real git (the update fixture).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkForUpdates } from '../../electron/core/update/check.js';
import { acquireUpdateLock } from '../../electron/core/update/lock.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { runRestartCommand } from '../../electron/core/update/restart-command.js';
import { detectRestartMethod } from '../../electron/core/update/restart-method.js';
import { preflightRestart } from '../../electron/core/update/restart-preflight.js';
import { describePlan } from '../../electron/core/update-view.js';
import { UpdateRestarts } from '../../electron/core/update-service/restarts.js';
import type { UpdateServiceOptions } from '../../electron/core/update-service.js';
import { SentenceError } from '../../electron/core/sentence-error.js';
import { coreEn, coreText, renderText, type I18nText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { Fixture, git } from './fixture.js';

const fr = { locale: 'fr-FR' };
const en = { locale: 'en-US' };
let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

/** The check's error as the panel's tooltip says it in French (its English when it came without a key). */
async function checkErrorFr(branch?: string): Promise<{ key: string | undefined; text: string; fr: string }> {
  const r = await checkForUpdates({ appDir: fx.checkout, ...(branch === undefined ? {} : { branch }) });
  if (r.state !== 'error') throw new Error(`expected an error, got ${r.state}`);
  expect(r.i18n && renderText(r.i18n, coreEn, en)).toBe(r.message);
  return { key: r.i18n?.key, text: r.message, fr: (r.i18n && renderText(r.i18n, coreFr, fr)) ?? r.message };
}

describe('update branch errors in French', () => {
  it('an update branch the remote lacks: said as such, with where to fix it (was git’s English inside a network hint)', async () => {
    const said = await checkErrorFr('no-such-branch');
    expect(said.key).toBe('update.branchMissing');
    expect(said.text).toBe('origin has no branch no-such-branch — check the update branch in Settings → Updates (git ls-remote --heads origin lists them)');
    expect(said.fr).toBe('origin n’a pas de branche no-such-branch — vérifiez la branche de mise à jour dans Paramètres → Mises à jour (git ls-remote --heads origin les liste)');
  });

  it('a check while an update runs: by key', async () => {
    const release = acquireUpdateLock('test');
    try {
      const said = await checkErrorFr();
      expect(said.key).toBe('update.checkBusy');
      expect(said.text).toBe('An update is running — check again once it has finished.');
      expect(said.fr).toBe('Une mise à jour est en cours — vérifiez à nouveau une fois qu’elle sera terminée.');
    } finally {
      release();
    }
  });

  it('a detached HEAD with no update branch set', async () => {
    git(fx.checkout, 'checkout', '-q', '--detach');
    const said = await checkErrorFr();
    expect(said.key).toBe('update.detachedHead');
    expect(said.fr).toBe('HEAD est détachée — indiquez la branche de mise à jour dans Paramètres → Mises à jour, ou lancez git branch --set-upstream-to');
  });

  it('a branch with no upstream, and a branch name git refuses', async () => {
    git(fx.checkout, 'checkout', '-q', '-b', 'mine');
    expect((await checkErrorFr()).fr).toBe('la branche « mine » n’a pas de branche distante — indiquez la branche de mise à jour dans Paramètres → Mises à jour, ou lancez git branch --set-upstream-to');
    const bad = await checkErrorFr('a..b');
    expect(bad.key).toBe('update.branchInvalid');
    expect(bad.fr).toBe('« a..b » n’est pas un nom de branche valide — corrigez-le dans Paramètres → Mises à jour');
  });

  it('the fetch step of an update: the branch the remote lacks fails the step by key', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const result = await runUpdate(fx.context({ branch: 'gone' }));
    expect(result.outcome).toBe('rolled-back');
    const failed = fx.events.find((e) => e.step === 'fetch' && e.status === 'failed');
    expect(failed?.errorI18n?.key).toBe('update.branchMissing');
    expect(renderText(result.i18n!, coreFr, fr)).toMatch(/^Échec de la mise à jour à l’étape « Téléchargement de la nouvelle version » : origin n’a pas de branche gone — vérifiez/);
  });
});

describe('an update refused, and a rollback that fails, in French', () => {
  it('Cannot update: a refusal before any step is a sentence by key', async () => {
    const err = await runUpdate(fx.context({ packaged: true })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SentenceError);
    const { sentence } = err as SentenceError;
    expect(sentence.text).toBe('Cannot update: This is a packaged install: it is updated by installing a newer package, not from git.');
    expect(renderText(sentence.i18n, coreFr, fr)).toBe('Mise à jour impossible. Installation par paquet : elle se met à jour en installant un paquet plus récent, pas depuis git.');
  });

  it('the rollback’s own error: each part it could not undo, said in French', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const ctx = fx.context();
    ctx.commands = { ...fx.commands, build: [process.execPath, '-e', 'process.exit(3)'] };
    const result = await runUpdate(ctx);
    expect(result.outcome).toBe('failed');
    expect(result.rollbackError).toMatch(/^restoring the checkout: .+ exited with code 3 — see the log lines above$/);
    const said = renderText(result.i18n!, coreFr, fr)!;
    expect(said).toMatch(/et le retour en arrière a échoué aussi \(restauration du dossier de l’application : .+ s’est terminé avec le code 3 — voir les lignes du journal ci-dessus\)/);
    expect(said).not.toMatch(/restoring|exited/);
    const rollback = fx.events.find((e) => e.step === 'rollback' && e.status === 'failed');
    expect(rollback?.errorI18n && renderText(rollback.errorI18n, coreFr, fr)).toMatch(/^restauration du dossier de l’application : /);
  });

  it('a deadline missed: the step it stopped names what did not finish, in French', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const ctx = fx.context({ timeouts: { botStop: 200 } });
    ctx.bot.stop = () => new Promise<void>(() => undefined);
    const result = await runUpdate(ctx);
    const failed = fx.events.find((e) => e.step === 'stop-bot' && e.status === 'failed');
    expect(failed?.error).toBe('Stopping the bot did not finish within 0 s');
    expect(renderText(failed!.errorI18n!, coreFr, fr)).toBe('L’arrêt du bot n’a pas fini en 0 s');
    expect(result.outcome).toBe('rolled-back');
  });
});

describe('the pipeline’s own step log lines by key', () => {
  it('each line the pipeline writes itself has its key, index for index; command output has none', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    writeFileSync(join(fx.checkout, 'version.txt'), 'edited here');
    const result = await runUpdate(fx.context());
    expect(result.outcome).toBe('restart-needed');
    const lines: { step: string; text: string; i18n: I18nText | null }[] = [];
    for (const e of fx.events) {
      if (e.status !== 'running') continue;
      expect(e.logI18n ?? e.log.map(() => null)).toHaveLength(e.log.length);
      e.log.forEach((text, i) => lines.push({ step: e.step, text, i18n: e.logI18n?.[i] ?? null }));
    }
    for (const l of lines) if (l.i18n) expect(renderText(l.i18n, coreEn, en)).toBe(l.text);
    const frOf = (step: string) => lines.filter((l) => l.step === step).map((l) => (l.i18n ? renderText(l.i18n, coreFr, fr) : l.text));
    expect(frOf('stop-bot')).toEqual(['Bot arrêté et déconnecté de Discord.']);
    expect(frOf('save-local-changes')[0]).toMatch(/^Modifications locales mises de côté dans stash@\{0\} \(« .+ »\)\.$/);
    expect(frOf('save-local-changes')[1]).toMatch(/^Pour les récupérer plus tard : git stash apply [0-9a-f]{40}$/);
    expect(frOf('fetch')).toContainEqual(expect.stringMatching(/^origin\/main est à [0-9a-f]{7} : 1 nouveau commit depuis [0-9a-f]{7}\.$/));
    expect(frOf('restore-config')).toEqual(['Paramètres intacts.']);
    expect(frOf('backup-config')[0]).toMatch(/^Paramètres sauvegardés dans .+/);
    // A command's own output ($ npm run build, its lines) stays as it came.
    const build = lines.filter((l) => l.step === 'build');
    expect(build.length).toBeGreaterThan(0);
    expect(build.filter((l) => l.text.startsWith('$ ')).every((l) => l.i18n === null)).toBe(true);
  });
});

describe('a restart that fails, in French', () => {
  it('the restart command’s failure is the step’s error and inside the closing sentence, by key', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const argv = [process.execPath, '-e', 'console.log("Permission denied"); process.exit(4)'];
    const ctx = fx.context({ autoRestartService: true, restarter: { restart: async () => void (await runRestartCommand(argv)) } });
    const result = await runUpdate(ctx);
    expect(result.outcome).toBe('restart-needed');
    expect(result.restartError).toBe(`${argv.join(' ')} exited with code 4: Permission denied — restart the service by hand, or check its permissions`);
    const said = renderText(result.i18n!, coreFr, fr)!;
    expect(said).toContain('s’est terminé avec le code 4 : Permission denied — redémarrez le service à la main, ou vérifiez ses permissions');
    expect(said).not.toMatch(/exited|restart the service/);
  });

  it('a command that cannot start, one killed, and a process that cannot relaunch itself', async () => {
    const missing = await runRestartCommand(['dm-no-such-restart-4242']).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(SentenceError);
    expect(renderText((missing as SentenceError).sentence.i18n, coreFr, fr)).toMatch(/^Impossible de lancer dm-no-such-restart-4242 : .+ — dm-no-such-restart-4242 est-il installé et dans le PATH \?$/);
    const killed = await runRestartCommand([process.execPath, '-e', 'process.kill(process.pid, "SIGKILL")']).catch((e: unknown) => e);
    expect(renderText((killed as SentenceError).sentence.i18n, coreFr, fr)).toMatch(/ a été arrêté par SIGKILL — redémarrez le service à la main, ou vérifiez ses permissions$/);
    const restarts = new UpdateRestarts({ dataDir: fx.dataDir } as UpdateServiceOptions);
    const refused = await restarts.restartWith({ method: 'relaunch', argv: null, reason: coreText('update.restartReason.noManager') }).catch((e: unknown) => e);
    expect(renderText((refused as SentenceError).sentence.i18n, coreFr, fr)).toBe('Ce processus ne peut pas se relancer lui-même ; redémarrez-le à la main.');
  });
});

describe('a restart that cannot work here, said before the update in French', () => {
  it('a restart method forced where it cannot be used, and a manager that cannot be asked', async () => {
    const forced = detectRestartMethod({}, () => null, 'supervisor');
    const said = await preflightRestart(forced, {});
    expect(said).toEqual(forced.problem);
    expect(renderText(said!.i18n, coreFr, fr)).toBe(
      'La méthode de redémarrage est réglée sur supervisor, mais elle ne peut pas servir ici : démarrez l’application depuis supervisord (SUPERVISOR_ENABLED et SUPERVISOR_PROCESS_NAME sont nécessaires), ou réglez la méthode de redémarrage sur auto.',
    );
    // pm2 is not on this machine's PATH: asking it fails as a restart through it would.
    const env = { pm_id: '3', PATH: '/nonexistent' };
    const probe = await preflightRestart(detectRestartMethod(env, () => null), env);
    expect(probe?.text).toMatch(/^pm2 describe 3 failed \(.*ENOENT.*\): the update would install but not restart the app: run pm2 as the user/);
    expect(renderText(probe!.i18n, coreFr, fr)).toMatch(/^pm2 describe 3 a échoué \(.*ENOENT.*\) : la mise à jour s’installerait sans redémarrer l’application : lancez pm2 avec l’utilisateur/);
  });

  it('the view the confirmation reads carries the relaunch’s description and the problem by key', () => {
    const relaunch = describePlan(detectRestartMethod({}, () => null), true);
    expect(relaunch.description).toBe('a relaunch of the app');
    expect(renderText(relaunch.i18n!.description!, coreFr, fr)).toBe('une relance de l’application');
    const systemd = describePlan({ method: 'systemd', argv: ['systemctl', 'restart', 'dm.service'], reason: coreText('update.restartReason.systemd', { unit: 'dm.service' }) }, true);
    expect(systemd.description).toBe('systemd (systemctl restart dm.service)');
    expect(systemd.i18n ?? null).toBeNull();
  });
});
