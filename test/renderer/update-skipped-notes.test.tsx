// A skipped step's note (its reason) in the panel's language: by the key the core sends beside it,
// else the core's English as it came (a core older than the panel).
import './setup';
import { describe, expect, it } from 'vitest';
import { coreText, type CoreSentence } from '../../shared/core-text';
import type { UpdateStepView } from '../../shared/types';
import { FakeApi } from './fake-api';
import { availableView, makeRun } from './fixtures';
import { emit } from './render';
import { appWith, overlay, step } from './update-ui';

const skipped = (why: CoreSentence): Partial<UpdateStepView> => ({ status: 'skipped', durationMs: 0, log: [why.text], i18n: { note: why.i18n } });
const note = (name: string) => step(name).querySelector('.update-step__note')?.textContent;

describe('a skipped step’s reason', () => {
  it('is said in French on a French panel', async () => {
    const fake = new FakeApi();
    await appWith(availableView(), { language: 'fr' }, fake);
    const run = makeRun(
      {
        'stop-bot': skipped(coreText('update.skip.botKeepsRunning')),
        'backup-config': { status: 'done' },
        'save-local-changes': skipped(coreText('update.skip.noLocalChanges')),
        fetch: { status: 'done' },
        reset: { status: 'done' },
        clean: skipped(coreText('update.skip.noUntracked')),
        'restore-config': { status: 'done' },
        'install-deps': skipped(coreText('update.skip.lockfileUnchanged')),
        build: { status: 'failed', error: 'boom' },
        'self-test': skipped(coreText('update.skip.notRun', { step: { key: 'update.step.build', params: {} } })),
        restart: skipped(coreText('update.skip.restartNeeded')),
      },
      { outcome: 'running' },
    );
    await emit(fake, 'update.status', availableView({ state: 'updating', run }));
    expect(overlay().open).toBe(true);
    expect(note('stop-bot')).toBe('Le bot continue de tourner ; la nouvelle version se charge au prochain redémarrage.');
    expect(note('save-local-changes')).toBe('Aucune modification locale à mettre de côté.');
    expect(note('clean')).toBe('Aucun fichier non suivi.');
    expect(note('install-deps')).toBe('Aucun changement de dépendances (package-lock.json inchangé).');
    expect(note('self-test')).toBe('Non exécutée : l’étape « Recompilation » a échoué.');
    expect(note('restart')).toBe('Le redémarrage automatique est désactivé : redémarrez l’application pour charger la nouvelle version.');
  });

  it('is the English the core sent when it came without a key', async () => {
    const fake = new FakeApi();
    await appWith(availableView(), { language: 'fr' }, fake);
    const run = makeRun({ clean: { status: 'skipped', durationMs: 0, log: ['No untracked files.'] } }, { outcome: 'running' });
    await emit(fake, 'update.status', availableView({ state: 'updating', run }));
    expect(note('clean')).toBe('No untracked files.');
  });
});
