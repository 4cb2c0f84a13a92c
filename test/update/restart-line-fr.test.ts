// The restart step's "Restarting via … (reason)" line and the planner's reasons, by key: a French
// panel said this line in English (French-panel audit). The English stays the log file's line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { detectRestartMethod, type Env } from '../../electron/core/update/restart-method.js';
import { coreEn, renderText, type I18nText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { Fixture } from './fixture.js';

const fr = { locale: 'fr-FR' };
const en = { locale: 'en-US' };
const none = () => null;
const cgroup = (text: string) => (path: string) => (path === '/proc/self/cgroup' ? text : null);

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

/** The restart step's running lines as the panel says them in a language (the English when a line has no key). */
function restartLines(catalogue: typeof coreEn | typeof coreFr, options: { locale: string }): string[] {
  const out: string[] = [];
  for (const e of fx.events.filter((x) => x.step === 'restart' && x.status === 'running')) {
    e.log.forEach((text, i) => {
      const i18n: I18nText | null = e.logI18n?.[i] ?? null;
      out.push((i18n && renderText(i18n, catalogue, options)) ?? text);
    });
  }
  return out;
}

describe('the restart step’s line in the panel’s language', () => {
  it('a service manager’s command and its reason, in English and in French', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const result = await runUpdate(fx.context({ autoRestartService: true, detect: { env: { pm_id: '3' }, readFile: none } }));
    expect(result.outcome).toBe('restarting');
    expect(fx.logOf('restart')).toEqual(['Restarting via pm2: pm2 restart 3 (running as pm2 process 3).']);
    expect(restartLines(coreEn, en)).toEqual(['Restarting via pm2: pm2 restart 3 (running as pm2 process 3).']);
    expect(restartLines(coreFr, fr)).toEqual(['Redémarrage via pm2 : pm2 restart 3 (processus pm2 3).']);
  });

  it('a relaunch (no command), in English and in French', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const result = await runUpdate(fx.context({ autoRestartService: true }));
    expect(result.outcome).toBe('restarting');
    expect(restartLines(coreEn, en)).toEqual(['Restarting via relaunch (no service manager detected: the app relaunches itself).']);
    expect(restartLines(coreFr, fr)).toEqual(['Redémarrage via relaunch (aucun gestionnaire de services détecté : l’application se relance elle-même).']);
  });
});

describe('the restart planner’s reasons by key', () => {
  const supervisorEnv: Env = { SUPERVISOR_ENABLED: '1', SUPERVISOR_PROCESS_NAME: 'dm', SUPERVISOR_GROUP_NAME: 'bots' };
  const cases: { name: string; env: Env; read: (p: string) => string | null; setting?: 'auto' | 'systemd' | 'supervisor' | 'pm2' | 'relaunch'; en: string; fr: string }[] = [
    { name: 'systemd unit', env: { INVOCATION_ID: 'f' }, read: cgroup('0::/system.slice/dm.service\n'), en: 'running as systemd unit dm.service', fr: 'processus de l’unité systemd dm.service' },
    {
      name: 'systemd user unit',
      env: { INVOCATION_ID: 'f' },
      read: cgroup('0::/user.slice/user-1000.slice/user@1000.service/app.slice/dm.service\n'),
      en: 'running as systemd user unit dm.service',
      fr: 'processus de l’unité systemd utilisateur dm.service',
    },
    { name: 'supervisor', env: supervisorEnv, read: none, en: 'running as supervisor program bots:dm', fr: 'programme supervisor bots:dm' },
    { name: 'pm2', env: { pm_id: '7' }, read: none, en: 'running as pm2 process 7', fr: 'processus pm2 7' },
    { name: 'forced and usable', env: { pm_id: '7' }, read: none, setting: 'pm2', en: 'running as pm2 process 7 (forced by setting)', fr: 'processus pm2 7 (imposé par le réglage)' },
    { name: 'forced relaunch', env: {}, read: none, setting: 'relaunch', en: 'forced by the restart-method setting', fr: 'imposé par le réglage de la méthode de redémarrage' },
    {
      name: 'forced but unusable',
      env: {},
      read: none,
      setting: 'systemd',
      en: 'forced by setting, but this process is not managed by systemd',
      fr: 'imposé par le réglage, mais ce processus n’est pas géré par systemd',
    },
    { name: 'no manager', env: {}, read: none, en: 'no service manager detected: the app relaunches itself', fr: 'aucun gestionnaire de services détecté : l’application se relance elle-même' },
  ];
  for (const c of cases) {
    it(`${c.name}: the English as before, the French by key`, () => {
      const { reason } = detectRestartMethod(c.env, c.read, c.setting);
      expect(reason.text).toBe(c.en);
      expect(renderText(reason.i18n, coreEn, en)).toBe(c.en);
      expect(renderText(reason.i18n, coreFr, fr)).toBe(c.fr);
    });
  }
});
