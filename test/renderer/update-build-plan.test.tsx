// The confirmation's plan says which parts of the running build are reused rather than rebuilt.
import './setup';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import type { NodeBundlePlan, NodeRebuildCause, UpdateView } from '../../shared/types';
import { FakeApi } from './fake-api';
import { availableView } from './fixtures';
import { renderApp } from './render';

async function buildLine(view: UpdateView, language: 'en' | 'fr' = 'en'): Promise<string | null> {
  const fake = new FakeApi();
  fake.updateView = view;
  const { user } = renderApp(fake, { language });
  await waitFor(() => expect(screen.getByTestId('update-button').dataset.state).toBe(view.state));
  await user.click(screen.getByTestId('update-button'));
  const plan = within(screen.getByTestId('update-confirm')).getByTestId('update-plan');
  const line = plan.querySelector('[data-item="build"]')?.textContent ?? null;
  cleanup(); // a test may render several plans
  return line;
}

it('names the reused parts', async () => {
  expect(await buildLine(availableView({ build: { reused: ['renderer', 'preload'] } }))).toBe('Rebuild — unchanged, reused as is: the panel, the desktop preload');
});

it('names them in French', async () => {
  expect(await buildLine(availableView({ build: { reused: ['renderer'] } }), 'fr')).toBe('Recompiler — inchangé, repris tel quel : le panneau');
});

it('says only "Rebuild" when nothing is reused', async () => {
  expect(await buildLine(availableView({ build: { reused: [] } }))).toBe('Rebuild');
});

it('says only "Rebuild" when the server sent no build plan', async () => {
  expect(await buildLine(availableView({ build: null }))).toBe('Rebuild');
});

// The Node bundle's plan (the check predicts it from the inputs the running build recorded).
const nodeReused: NodeBundlePlan = { reused: true, changed: [], changedCount: 0, folders: [], cause: null };
const nodeRebuilt = (over: Partial<NodeBundlePlan>): NodeBundlePlan => ({ reused: false, changed: [], changedCount: 0, folders: [], cause: null, ...over });

it('says nothing is rebuilt when the panel, the preload and the Node bundle are all reused', async () => {
  expect(await buildLine(availableView({ build: { reused: ['renderer', 'preload'], node: nodeReused } }))).toBe(
    'Nothing to rebuild — unchanged, reused as is: the panel, the desktop preload, the Node bundle (no file it is built from changed)',
  );
});

it('names the Node bundle rebuilt and the modules that changed', async () => {
  const node = nodeRebuilt({ changed: ['electron/core/update/lock.ts', 'electron/core/bot.ts', 'shared/types.ts'], changedCount: 3 });
  expect(await buildLine(availableView({ build: { reused: ['renderer', 'preload'], node } }))).toBe(
    'Rebuild: the Node bundle (3 of the files it is built from changed: electron/core/update/lock.ts, electron/core/bot.ts, shared/types.ts) — unchanged, reused as is: the panel, the desktop preload',
  );
});

it('counts the changed modules it does not name', async () => {
  const node = nodeRebuilt({ changed: ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts'], changedCount: 7 });
  expect(await buildLine(availableView({ build: { reused: [], node } }))).toBe(
    'Rebuild: the panel, the desktop preload, the Node bundle (7 of the files it is built from changed: a.ts, b.ts, c.ts, d.ts, e.ts and 2 more)',
  );
});

it('says one changed module in the singular', async () => {
  const node = nodeRebuilt({ changed: ['electron/core/update/lock.ts'], changedCount: 1 });
  expect(await buildLine(availableView({ build: { reused: ['renderer', 'preload'], node } }))).toBe(
    'Rebuild: the Node bundle (1 file it is built from changed: electron/core/update/lock.ts) — unchanged, reused as is: the panel, the desktop preload',
  );
});

it('names the folders where files were added, beside a rebuilt panel', async () => {
  const node = nodeRebuilt({ folders: ['electron/core/update', '.'] });
  expect(await buildLine(availableView({ build: { reused: ['preload'], node } }))).toBe(
    'Rebuild: the panel, the Node bundle (files were added or removed in electron/core/update/, ./) — unchanged, reused as is: the desktop preload',
  );
});

it('says why the Node bundle is rebuilt when the check could not vouch for a reuse', async () => {
  expect(await buildLine(availableView({ build: { reused: [], node: nodeRebuilt({ cause: 'no-record' }) } }))).toBe(
    'Rebuild: the panel, the desktop preload, the Node bundle (the running build did not record the files it was built from)',
  );
  expect(await buildLine(availableView({ build: { reused: ['renderer', 'preload'], node: nodeRebuilt({ cause: 'env' }) } }))).toBe(
    'Rebuild: the Node bundle (the build environment differs from the one it was built with) — unchanged, reused as is: the panel, the desktop preload',
  );
});

it('has a reason for every cause, in English and French', async () => {
  const causes: NodeRebuildCause[] = ['no-record', 'outside', 'env', 'deps', 'in-place', 'unknown'];
  for (const language of ['en', 'fr'] as const) {
    const seen = new Set<string>();
    for (const cause of causes) {
      const line = await buildLine(availableView({ build: { reused: [], node: nodeRebuilt({ cause }) } }), language);
      const why = /\((.+)\)$/.exec(line ?? '')?.[1] ?? '';
      expect(why, `${language} ${cause}`).not.toMatch(/^$|update\.|cause/);
      seen.add(why);
    }
    expect(seen.size).toBe(causes.length);
  }
});

it('says the Node bundle plan in French', async () => {
  expect(await buildLine(availableView({ build: { reused: ['preload'], node: nodeReused } }), 'fr')).toBe(
    'Recompiler : le panneau — inchangé, repris tel quel : le preload de l’application de bureau, le bundle Node (aucun des fichiers dont il est construit n’a changé)',
  );
  const node = nodeRebuilt({ changed: ['a.ts', 'b.ts'], changedCount: 4, folders: ['electron'] });
  expect(await buildLine(availableView({ build: { reused: ['renderer', 'preload'], node } }), 'fr')).toBe(
    'Recompiler : le bundle Node (4 des fichiers dont il est construit ont changé : a.ts, b.ts et 2 autres ; fichiers ajoutés ou retirés dans electron/) — inchangé, repris tel quel : le panneau, le preload de l’application de bureau',
  );
});
