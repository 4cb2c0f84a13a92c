// The core's statuses, errors and log lines carry their sentence by key, so a French panel can say them
// in French; the English (log file, fallback) is the catalogue's. Real discord.js against the fake Discord.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { coreEn, coreText, renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { Fixture } from '../update/fixture.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { configuredEnv, coreFor, nextEvent, waitState, type World, eachWorld } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
const fr = { locale: 'fr-FR' };

eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

describe('core sentences by key', () => {
  it('connected status, the log line that says so and the stop line are said in French', async () => {
    core = await coreFor(world, configuredEnv(world));
    const monitoring = nextEvent(core, 'log.entry', (e) => e.i18n?.key === 'log.monitoring');
    await core.monitor.start();
    const status = await waitState(core, 'connected');
    expect(status.i18n?.key).toBe('status.connected');
    expect(renderText(status.i18n!, coreEn, { locale: 'en-US' })).toBe(status.sentence);
    expect(renderText(status.i18n!, coreFr, fr)).toMatch(/^Connecté à #.+ sur .+ en tant que .+\.$/);
    const entry = await monitoring;
    expect(renderText(entry.i18n!, coreFr, fr)).toMatch(/^Surveillance de #/);

    const stopped = nextEvent(core, 'log.entry', (e) => e.i18n?.key === 'log.stopped');
    await core.monitor.stop();
    expect((await stopped).message).toBe('Monitoring stopped; disconnected from Discord.');
    expect(renderText(core.monitor.status().i18n!, coreFr, fr)).toBe('Prêt — la surveillance est arrêtée.');
    // The log file keeps the English sentence.
    expect(readFileSync(core.log.file, 'utf8')).toContain('"msg":"Monitoring stopped; disconnected from Discord."');
  });

  it('an error carries its message and hint by key, and its log line nests both', async () => {
    core = await coreFor(world, configuredEnv(world, '999999999999999999'));
    const logged = nextEvent(core, 'log.entry', (e) => e.i18n?.key === 'log.botError');
    const failed = waitState(core, 'error');
    await core.monitor.start();
    const { error, i18n } = await failed;
    expect(error?.i18n?.message.key).toBe('error.channelNotFound');
    expect(renderText(error!.i18n!.message, coreFr, fr)).toMatch(/^Le salon 999999999999999999 est introuvable sur /);
    expect(renderText(error!.i18n!.hint, coreFr, fr)).toMatch(/^Vérifiez l’ID du salon/);
    expect(i18n).toEqual(error?.i18n?.message);
    const entry = await logged;
    expect(entry.message).toBe(`${error!.message} ${error!.hint}`);
    expect(renderText(entry.i18n!, coreFr, fr)).toMatch(/^Le salon .+ Vérifiez l’ID du salon/);
  });

  it('a moved-aside settings file is a notice and a log line by key; saving settings is said by key', async () => {
    writeFileSync(join(world.dataDir, 'settings.json'), '{ not json');
    core = await coreFor(world, configuredEnv(world));
    const notices = await core.dispatch('app.notices', undefined);
    if (!notices.ok) throw new Error(notices.error.message);
    const [notice] = notices.value;
    expect(notice?.code).toBe('settings-moved-aside');
    expect(notice?.i18n?.key).toBe('notice.settingsMovedAside');
    expect(renderText(notice!.i18n!, coreFr, fr)).toMatch(/^Le fichier de paramètres était illisible \(.+\) ; il a été déplacé vers .+settings\.corrupt-/);
    expect(core.log.recent().find((e) => e.i18n?.key === 'notice.settingsMovedAside')?.message).toBe(notice?.message);

    const saved = nextEvent(core, 'log.entry', (e) => e.i18n?.key === 'log.settingsSaved');
    const reply = await core.dispatch('settings.save', { autoStartBot: false });
    expect(reply.ok).toBe(true);
    expect(renderText((await saved).i18n!, coreFr, fr)).toBe('Paramètres enregistrés.');
  });

  it('a start with no unfinished update says nothing about it in the user’s log (the file keeps it at debug)', async () => {
    core = await coreFor(world, {});
    await core.updates.boot();
    expect(core.log.recent().map((e) => e.message)).not.toContain('No unfinished update.');
    expect(readFileSync(core.log.file, 'utf8')).toContain('"level":20,"time":');
    expect(readFileSync(core.log.file, 'utf8')).toMatch(/"level":20,[^\n]*"msg":"No unfinished update\."/);
  });

  it('the boot watchdog’s sentence (a new version starting) reaches the user’s log by key', async () => {
    const journal = new UpdateJournal(world.dataDir);
    const e = await journal.begin({ from: 'a'.repeat(40), pid: process.pid });
    await journal.patch(e.id, { to: 'b'.repeat(40), outcome: 'restarting' });
    core = await coreFor(world, {});
    await core.updates.boot();
    const entry = core.log.recent().find((l) => l.message.startsWith('Starting the new version bbbbbbb'));
    expect(entry?.i18n?.key).toBe('update.boot.watching');
    expect(renderText(entry!.i18n!, coreFr, fr)).toMatch(/^Démarrage de la nouvelle version bbbbbbb \(démarrage 1 ;/);
  });

  it('a failed update check is said by key in the log', async () => {
    // A real checkout whose remote is gone: the check fails, and says so.
    const fx = new Fixture();
    rmSync(fx.origin, { recursive: true, force: true });
    core = await coreFor(world, {}, { paths: { dataDir: world.dataDir, logDir: join(world.dataDir, 'logs'), appDir: fx.checkout } });
    onTestFinished(() => fx.cleanup());
    const logged = nextEvent(core, 'log.entry', (e) => e.i18n?.key === 'update.log.checkFailed');
    const reply = await core.dispatch('update.check', undefined);
    expect(reply.ok).toBe(true);
    const entry = await logged;
    expect(entry.message).toMatch(/^Update check failed: Could not fetch origin\/main: /);
    expect(renderText(entry.i18n!, coreFr, fr)).toMatch(/^La recherche de mises à jour a échoué : Impossible de récupérer origin\/main : /);
    // The update button's tooltip says it too.
    const view = await core.dispatch('update.status', undefined);
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.i18n?.message.key).toBe('update.fetchFailed');
    expect(renderText(view.value.i18n!.message, coreEn, { locale: 'en-US' })).toBe(view.value.message);
  });

  it('the unencrypted-token warning of the settings is said by key', async () => {
    core = await coreFor(world, {});
    const reply = await core.dispatch('settings.save', { token: 'test.bot-token.0123456789-abcdefghij' });
    if (!reply.ok) throw new Error(reply.error.message);
    const { token } = reply.value;
    expect(token.warning).toMatch(/^The bot token is stored without encryption in /);
    expect(token.i18n?.warning.key).toBe('log.tokenUnencrypted');
    expect(renderText(token.i18n!.warning, coreFr, fr)).toMatch(/^Le token du bot est enregistré sans chiffrement dans /);
  });

  it('a command refused because of the environment or a running update says why by key', async () => {
    core = await coreFor(world, configuredEnv(world));
    const overridden = await core.dispatch('settings.save', { guildId: '123456789012345678' });
    expect(overridden.ok).toBe(false);
    if (overridden.ok) return;
    expect(overridden.error.code).toBe('overridden');
    expect(overridden.error.message).toBe('Not saved: DISCORD_GUILD_ID sets this value; change it there.');
    expect(renderText(overridden.error.i18n!, coreFr, fr)).toBe('Non enregistré : DISCORD_GUILD_ID définit cette valeur ; changez-la là.');

    core.setBusy(coreText('command.updateRunning'));
    const busy = await core.dispatch('bot.start', undefined);
    expect(!busy.ok && busy.error.code).toBe('busy');
    if (busy.ok) return;
    expect(busy.error.message).toBe('An update is in progress. Try again when it has finished.');
    expect(renderText(busy.error.i18n!, coreFr, fr)).toBe('Une mise à jour est en cours. Réessayez quand elle sera terminée.');
    core.setBusy(null);
  });

  it('an invalid environment variable is said by key (its name and the reason beside it)', async () => {
    // Said while the core is created: recent() holds it once createCore has resolved.
    core = await coreFor(world, { ...configuredEnv(world), AUTO_UPDATE_ENABLED: 'often' });
    const entry = core.log.recent().find((e) => e.i18n?.key === 'notice.envIgnored');
    expect(entry?.message).toMatch(/^AUTO_UPDATE_ENABLED ignored: .+\.$/);
    expect(renderText(entry!.i18n!, coreFr, fr)).toMatch(/^AUTO_UPDATE_ENABLED ignorée : .+\.$/);
  });

  it('refusals to test or to move the API URL are said by key', async () => {
    core = await coreFor(world, {});
    const empty = await core.dispatch('settings.testConnection', {});
    expect(!empty.ok && empty.error.i18n?.key).toBe('command.testNeedsAll');
    if (!empty.ok) expect(renderText(empty.error.i18n!, coreFr, fr)).toMatch(/^Saisissez un token de bot, un ID de serveur et un ID de salon/);
    await core.dispatch('settings.save', { token: 'test.bot-token.0123456789-abcdefghij' });
    const moved = await core.dispatch('settings.save', { apiUrl: 'http://127.0.0.1:9/api' });
    expect(!moved.ok && moved.error.i18n?.key).toBe('command.tokenAgainForUrl');
    if (!moved.ok) expect(renderText(moved.error.i18n!, coreEn, { locale: 'en-US' })).toBe(moved.error.message);
  });

  it('an update that is no longer the one shown is refused by key', async () => {
    core = await coreFor(world, {});
    const reply = await core.dispatch('update.run', { target: 'a'.repeat(40) });
    expect(!reply.ok && reply.error.i18n?.key).toBe('command.updateChanged');
    if (!reply.ok) expect(renderText(reply.error.i18n!, coreFr, fr)).toMatch(/^La branche a changé depuis l’affichage de cette mise à jour/);
  });

  it('permissions tightened at start are said by key', async () => {
    writeFileSync(join(world.dataDir, 'settings.json'), '{}', { mode: 0o644 });
    chmodSync(join(world.dataDir, 'settings.json'), 0o644);
    core = await coreFor(world, {});
    const entry = core.log.recent().find((e) => e.i18n?.key === 'log.tightened');
    expect(entry?.message).toBe(`Tightened permissions of ${join(world.dataDir, 'settings.json')} from 0644 to 0600: it holds private data.`);
    expect(renderText(entry!.i18n!, coreFr, fr)).toBe(`Permissions de ${join(world.dataDir, 'settings.json')} resserrées de 0644 à 0600 : il contient des données privées.`);
  });

  it('an unreadable resume point is said by key', async () => {
    mkdirSync(join(world.dataDir, 'last-seen.json'));
    core = await coreFor(world, {});
    const entry = core.log.recent().find((e) => e.i18n?.key === 'log.lastSeenUnreadable');
    expect(entry?.message).toMatch(/last-seen\.json was unreadable \(.+\); messages posted while the app was stopped may be missing\.$/);
    expect(renderText(entry!.i18n!, coreFr, fr)).toMatch(/last-seen\.json était illisible \(.+\) ; des messages publiés pendant que l’application était arrêtée peuvent manquer\.$/);
  });
});
