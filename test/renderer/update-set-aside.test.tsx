// Where the user's own work goes, as the panel says it: before the update (confirmation) and after
// it (banner). Also the plan's wording and the estimate of a first update.
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UpdateView } from '../../shared/types';
import { FakeApi } from './fake-api';
import { availableView, makeCommit, makeLastUpdate, makeUpdateView } from './fixtures';
import { renderApp } from './render';

const SHA = 'e'.repeat(40);
const BRANCH = 'discord-monitor/before-update-abc1234';

async function appWith(view: UpdateView, language: 'en' | 'fr' = 'en') {
  const fake = new FakeApi();
  fake.updateView = view;
  const utils = renderApp(fake, { language });
  await waitFor(() => expect(screen.getByTestId('update-button').dataset.state).toBe(view.state));
  return utils;
}

async function openConfirm(view: UpdateView, language: 'en' | 'fr' = 'en') {
  const { user } = await appWith(view, language);
  await user.click(screen.getByTestId('update-button'));
  return within(screen.getByTestId('update-confirm'));
}

const planText = (d: ReturnType<typeof within>) =>
  within(d.getByTestId('update-plan'))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('confirmation', () => {
  it('lists local commits and names the branch they will be moved to', async () => {
    const commits = [makeCommit({ hash: '1111111', subject: 'My tweak 2' }), makeCommit({ hash: '2222222', subject: 'My tweak 1' })];
    const d = await openConfirm(availableView({ localCommits: { branch: BRANCH, commits } }));
    const section = d.getByTestId('update-local-commits');
    expect(section.textContent).toContain(`2 local commits will be moved to branch ${BRANCH}:`);
    expect(within(section).getByText('My tweak 2')).toBeTruthy();
    expect(within(section).getByText('My tweak 1')).toBeTruthy();
  });

  it('without local commits, no such section', async () => {
    const d = await openConfirm(availableView({ localCommits: null }));
    expect(d.queryByTestId('update-local-commits')).toBeNull();
  });

  it('the plan says "No dependency change" once, whatever summary the server sends', async () => {
    const d = await openConfirm(availableView({ dependencies: { changed: false, summary: 'no dependency change' }, restart: { auto: false, method: 'none', description: '' } }));
    expect(planText(d)[1]).toBe('No dependency change');
  });

  it('a dependency change shows its detail', async () => {
    const d = await openConfirm(availableView({ dependencies: { changed: true, summary: '3 packages changed' }, restart: { auto: false, method: 'none', description: '' } }));
    expect(planText(d)[1]).toBe('Reinstall dependencies (lockfile changed) — 3 packages changed');
  });

  it('a first update (no past updates measured) promises no duration', async () => {
    const d = await openConfirm(availableView({ estimate: null }));
    expect(d.getByTestId('update-estimate').textContent).toBe('How long it takes is shown after the first update.');
  });

  it('French', async () => {
    const d = await openConfirm(availableView({ estimate: null, localCommits: { branch: BRANCH, commits: [makeCommit()] } }), 'fr');
    expect(d.getByTestId('update-local-commits').textContent).toContain(`1 commit local sera déplacé vers la branche ${BRANCH} :`);
    expect(d.getByTestId('update-estimate').textContent).toBe('La durée sera indiquée après la première mise à jour.');
  });
});

describe('after the restart', () => {
  it('says where local commits and conflicting edits are, with the exact command', async () => {
    await appWith(makeUpdateView({ lastUpdate: makeLastUpdate({ setAside: { branch: BRANCH, commits: 2, stash: { sha: SHA, command: `git stash apply ${SHA}`, state: 'conflict' } } }) }));
    const aside = within(screen.getByTestId('last-update')).getByTestId('update-set-aside');
    expect(aside.textContent).toContain(`Your 2 local commits are on branch ${BRANCH}.`);
    expect(aside.textContent).toContain('Your local edits conflict with the new version and were kept in git stash; to apply them:');
    expect(within(aside).getByText(`git stash apply ${SHA}`).tagName).toBe('CODE');
  });

  it('edits re-applied: says so; nothing set aside: says nothing', async () => {
    const { unmount } = await appWith(makeUpdateView({ lastUpdate: makeLastUpdate({ setAside: { branch: null, commits: 0, stash: { sha: SHA, command: `git stash apply ${SHA}`, state: 'reapplied' } } }) }));
    expect(screen.getByTestId('update-set-aside').textContent).toBe('Your local edits were re-applied on top of the new version.');
    unmount();
    await appWith(makeUpdateView({ lastUpdate: makeLastUpdate({ setAside: null }) }));
    expect(screen.queryByTestId('update-set-aside')).toBeNull();
  });

  it('a rolled-back update also says where the work is (French)', async () => {
    await appWith(makeUpdateView({ lastUpdate: makeLastUpdate({ outcome: 'rolled-back', message: 'build failed', setAside: { branch: BRANCH, commits: 1, stash: { sha: SHA, command: `git stash apply ${SHA}`, state: 'kept' } } }) }), 'fr');
    const aside = screen.getByTestId('update-set-aside');
    expect(aside.textContent).toContain(`Votre commit local est sur la branche ${BRANCH}.`);
    expect(aside.textContent).toContain('Vos modifications locales sont conservées dans git stash ; pour les appliquer :');
  });

  it('edits found during a boot recovery: where they are kept', async () => {
    await appWith(makeUpdateView({ lastUpdate: makeLastUpdate({ outcome: 'interrupted', message: 'interrupted', setAside: { branch: null, commits: 0, stash: null, recovered: { sha: SHA, command: `git stash apply ${SHA}` } } }) }));
    const aside = screen.getByTestId('update-set-aside');
    expect(aside.textContent).toBe(`Edits found in the checkout during the recovery were kept in git stash; to apply them: git stash apply ${SHA}`);
  });

  it('the user’s ignored file the new version ships: where the copy is and the command, in English and French', async () => {
    const replaced = { dir: '/data/update-replaced-files/u1', files: ['config/local.json'], command: "cp -a '/data/update-replaced-files/u1/.' '/app/'" };
    const { unmount } = await appWith(makeUpdateView({ lastUpdate: makeLastUpdate({ setAside: { branch: null, commits: 0, stash: null, replaced } }) }));
    const note = screen.getByTestId('update-replaced-files');
    expect(note.textContent).toBe(`Your file config/local.json, which git ignored, is shipped by the new version: yours was copied to ${replaced.dir} first; to copy it back: ${replaced.command}`);
    expect(within(note).getByText(replaced.command).tagName).toBe('CODE');
    unmount();
    await appWith(makeUpdateView({ lastUpdate: makeLastUpdate({ setAside: { branch: null, commits: 0, stash: null, replaced: { ...replaced, files: ['a', 'b'] } } }) }), 'fr');
    expect(screen.getByTestId('update-replaced-files').textContent).toContain(`Vos 2 fichiers a, b, ignorés par git, sont fournis par la nouvelle version : les vôtres ont d’abord été copiés dans ${replaced.dir}`);
  });

  it('a second stash of edits set aside for the same update (a rollback, then a recovery after a kill) is named too', async () => {
    const other = 'b'.repeat(40);
    const recovered = { sha: SHA, command: `git stash apply ${SHA}` };
    await appWith(makeUpdateView({ lastUpdate: makeLastUpdate({ outcome: 'interrupted', message: 'interrupted', setAside: { branch: null, commits: 0, stash: null, recovered, moreRecovered: [{ sha: other, command: `git stash apply ${other}` }] } }) }));
    const aside = screen.getByTestId('update-set-aside');
    expect(aside.textContent).toContain(`git stash apply ${SHA}`);
    expect(aside.textContent).toContain(`git stash apply ${other}`);
  });
});
