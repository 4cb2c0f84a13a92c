// update.run through the app's core, on a real git checkout, as a French panel receives it: the
// skipped steps' reasons and a refusal before any step come with their key.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { UpdateRun, UpdateView } from '../../shared/types.js';
import { gitProcessesIn } from '../../electron/core/update/index-lock.js';
import { coreEn, renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { useCoreOnFixture } from './core-on-fixture.js';

const h = useCoreOnFixture();
const fr = { locale: 'fr-FR' };

/** Runs the update the check found and resolves with the run once it has ended. */
async function updateToEnd(): Promise<UpdateRun> {
  const checked = (await h.core.dispatch('update.check')) as { ok: boolean; value: UpdateView };
  expect(checked.value.state).toBe('available');
  const ended = new Promise<UpdateRun>((resolve) => {
    h.core.bus.on('update.status', (view) => {
      if (view.run && view.run.outcome !== 'running') resolve(view.run);
    });
  });
  expect(await h.core.dispatch('update.run', { target: checked.value.target })).toMatchObject({ ok: true });
  return ended;
}

it('the skipped steps of a run carry their reason by key, said in French', async () => {
  h.fx.publish('Version 2', { 'version.txt': 'v2' });
  const run = await updateToEnd();
  expect(run.outcome).toBe('restart-needed');
  const skipped = run.steps.filter((s) => s.status === 'skipped');
  expect(skipped.map((s) => s.step)).toEqual(expect.arrayContaining(['save-local-changes', 'clean', 'install-deps', 'restart']));
  for (const s of skipped) {
    expect(renderText(s.i18n!.note!, coreEn, { locale: 'en-US' })).toBe(s.log[0]);
    expect(renderText(s.i18n!.note!, coreFr, fr)).not.toMatch(/^(No |The bot |Restart|Automatic)/);
  }
  expect(renderText(skipped.find((s) => s.step === 'clean')!.i18n!.note!, coreFr, fr)).toBe('Aucun fichier non suivi.');
});

it('a git command holding .git/index.lock: the run ends with a sentence by key that names the command', async () => {
  h.fx.publish('Version 2', { 'version.txt': 'v2' });
  writeFileSync(join(h.fx.checkout, '.git', 'index.lock'), '');
  const holder = spawn('git', ['cat-file', '--batch'], { cwd: h.fx.checkout, stdio: ['pipe', 'ignore', 'ignore'] });
  holder.on('error', () => undefined);
  try {
    await expect.poll(() => gitProcessesIn(h.fx.checkout)).toContain(holder.pid);
    const run = await updateToEnd();
    expect(run.outcome).toBe('failed');
    expect(run.i18n?.message.key).toBe('update.gitLocksHeld');
    expect(renderText(run.i18n!.message, coreFr, fr)).toMatch(/le processus git \d+ les tient \(git cat-file --batch\) — attendez que cette commande se termine/);
  } finally {
    holder.kill();
  }
});

it('the pipeline’s own log lines reach the panel by key, index for index with the log; a command’s output has none', async () => {
  h.fx.publish('Version 2', { 'version.txt': 'v2' });
  const run = await updateToEnd();
  for (const s of run.steps) {
    if (s.i18n?.log) expect(s.i18n.log).toHaveLength(s.log.length);
  }
  const said = (name: string) => {
    const s = run.steps.find((x) => x.step === name)!;
    return s.log.map((line, i) => (s.i18n?.log?.[i] ? renderText(s.i18n.log[i]!, coreFr, fr) : line));
  };
  expect(said('fetch')).toContainEqual(expect.stringMatching(/^origin\/main est à [0-9a-f]{7} : 1 nouveau commit depuis [0-9a-f]{7}\.$/));
  expect(said('restore-config')).toEqual(['Paramètres intacts.']);
  expect(run.steps.find((x) => x.step === 'build')!.i18n?.log ?? []).not.toContainEqual(expect.anything());
});
