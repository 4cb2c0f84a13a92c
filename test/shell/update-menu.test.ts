// The tray's update entries: labels follow the update state, "Update now" asks first and runs the
// confirmed target, and the end of an update is announced.
import { beforeEach, expect, it, vi } from 'vitest';
import { createUpdateMenu, type UpdateMenuDeps } from '../../electron/shell/update-menu.js';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import type { UpdateView } from '../../shared/types.js';
import { shellWords } from '../../electron/shell/shell-words.js';
import { en as panelEn } from '../../renderer/src/i18n/en.js';
import { fr as panelFr } from '../../renderer/src/i18n/fr.js';
import { dialog, mock, resetElectronMock } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

const base: UpdateView = {
  state: 'up-to-date',
  message: 'Up to date — click to check again.',
  checkedAt: 1,
  current: 'a'.repeat(40),
  target: null,
  count: 0,
  commits: [],
  localChanges: [],
  dependencies: null,
  estimate: null,
  restart: { auto: true, method: 'relaunch', description: 'a relaunch of the app' },
  run: null,
  lastUpdate: null,
  restartNeeded: false,
};
const available: UpdateView = {
  ...base,
  state: 'available',
  target: 'b'.repeat(40),
  count: 2,
  commits: [{ hash: 'b'.repeat(40), subject: 'Fix reconnect', author: 'Ada', date: '2026-11-20T10:00:00Z' }],
  dependencies: { changed: true, summary: 'reinstall dependencies (lockfile changed)' },
  estimate: { ms: 12_000, basis: 'history' },
};

let view: UpdateView;
let bus: EventBus;
const dispatch = vi.fn(async (_command: string, _arg?: unknown) => ({ ok: true as const, value: view }));
const deps: UpdateMenuDeps & { notes: string[]; answer: boolean } = {
  notes: [],
  answer: true,
  confirm: vi.fn(async () => deps.answer),
  notify: (title, body) => deps.notes.push(`${title}: ${body}`),
};
const core = () => ({
  dispatch: dispatch as never,
  bus,
  updates: { get: () => view } as never,
  log: { logger: { warn: vi.fn() } } as never,
});

beforeEach(() => {
  resetElectronMock();
  bus = new EventBus(new Redactor());
  view = base;
  dispatch.mockClear();
  deps.notes = [];
  deps.answer = true;
});

it('offers "Check for updates" when up to date, and runs a check', async () => {
  const items = createUpdateMenu(core(), deps).items();
  expect(items.map((i) => i.label)).toEqual(['Check for updates']);
  items[0]!.click!({} as never, undefined as never, {} as never);
  expect(dispatch).toHaveBeenCalledWith('update.check', undefined);
});

it('"Update now (N)" confirms first and runs exactly the shown target', async () => {
  view = available;
  const menu = createUpdateMenu(core(), deps);
  const [update, check] = menu.items();
  expect(update!.label).toBe('Update now (2)');
  expect(check!.label).toBe('Check for updates');
  deps.answer = false;
  update!.click!({} as never, undefined as never, {} as never);
  await vi.waitFor(() => expect(deps.confirm).toHaveBeenCalled());
  expect(dispatch).not.toHaveBeenCalled();
  deps.answer = true;
  update!.click!({} as never, undefined as never, {} as never);
  await vi.waitFor(() => expect(dispatch).toHaveBeenCalledWith('update.run', { target: 'b'.repeat(40) }));
});

it('disabled, checking and updating states are shown and not clickable', () => {
  for (const [state, label] of [['disabled', 'Updates disabled'], ['checking', 'Checking for updates…'], ['updating', 'Updating…']] as const) {
    view = { ...base, state };
    const [item] = createUpdateMenu(core(), deps).items();
    expect(item).toMatchObject({ label, enabled: false });
  }
});

it('rebuilds the tray on update events and announces how a run ended', () => {
  const refresh = vi.fn();
  createUpdateMenu(core(), deps).watch(refresh);
  const run = { id: '1', startedAt: 0, from: 'a', to: 'b', steps: [], outcome: 'running' as const, message: 'Updating…' };
  bus.emit('update.status', { ...available, state: 'updating', run });
  bus.emit('update.status', { ...available, state: 'up-to-date', run: { ...run, outcome: 'rolled-back', message: 'Update failed at build: exit 1. Still on aaaaaaa.' } });
  expect(refresh).toHaveBeenCalledTimes(2);
  expect(deps.notes).toEqual(['Update failed: Update failed at build: exit 1. Still on aaaaaaa.']);
  bus.emit('update.status', { ...base, lastUpdate: { from: 'a', to: 'b', outcome: 'success', durationMs: 4200, finishedAt: Date.now(), message: 'Updated aaaaaaa → bbbbbbb in 4.2 s', commits: [] } });
  expect(deps.notes.at(-1)).toBe('Discord Monitor updated: Updated aaaaaaa → bbbbbbb in 4.2 s');
});

it('the native confirmation lists commits, the dependency step and the restart', async () => {
  const { electronUpdateDeps } = await import('../../electron/shell/update-menu.js');
  view = available;
  await electronUpdateDeps.confirm(view);
  const options = dialog.showMessageBox.mock.calls[0]![0] as { message: string; detail: string; buttons: string[] };
  expect(options.message).toBe('Install 2 updates?');
  expect(options.detail).toContain('bbbbbbb Fix reconnect (Ada)');
  expect(options.detail).toContain('Reinstall dependencies (lockfile changed)');
  expect(options.detail).toContain('Restart via a relaunch of the app');
  expect(options.buttons).toEqual(['Update now', 'Cancel']);
});

it('the native confirmation lists the local commits moved to a branch and the local edits set aside, as the panel does', async () => {
  const { electronUpdateDeps } = await import('../../electron/shell/update-menu.js');
  const mine = { hash: 'c'.repeat(40), subject: 'My tweak', author: 'Me', date: '2026-11-21T10:00:00Z' };
  view = {
    ...available,
    localChanges: [' M electron/core/app-core.ts', '?? notes.txt'],
    localCommits: { branch: 'discord-monitor/local-2026-11-21', commits: [mine, { ...mine, hash: 'd'.repeat(40), subject: 'Another' }] },
  };
  await electronUpdateDeps.confirm(view);
  const detail = (dialog.showMessageBox.mock.calls[0]![0] as { detail: string }).detail;
  expect(detail).toContain('These 2 local changes will be set aside and kept in git stash (git stash list shows them):\n M electron/core/app-core.ts\n?? notes.txt');
  expect(detail).toContain('2 local commits will be moved to branch discord-monitor/local-2026-11-21:\n• ccccccc My tweak (Me)\n• ddddddd Another (Me)');
  // The installed commits are listed apart from the user's own.
  expect(detail.indexOf('bbbbbbb Fix reconnect')).toBeLessThan(detail.indexOf('local commits'));

  mock.state.locale = 'fr-FR';
  view = { ...view, localChanges: ['?? notes.txt'], localCommits: { branch: 'b1', commits: [mine] } };
  await electronUpdateDeps.confirm(view);
  const fr = (dialog.showMessageBox.mock.calls[1]![0] as { detail: string }).detail;
  expect(fr).toContain('Cette modification locale sera mise de côté et conservée dans git stash (visible avec git stash list) :\n?? notes.txt');
  expect(fr).toContain('1 commit local sera déplacé vers la branche b1 :\n• ccccccc My tweak (Me)');
});

it('a long list of local edits is cut after 10 lines, saying how many more', async () => {
  const { electronUpdateDeps } = await import('../../electron/shell/update-menu.js');
  view = { ...available, localChanges: Array.from({ length: 13 }, (_, i) => `?? file-${i}.txt`) };
  await electronUpdateDeps.confirm(view);
  const detail = (dialog.showMessageBox.mock.calls[0]![0] as { detail: string }).detail;
  expect(detail).toContain('?? file-9.txt\n… and 3 more');
  expect(detail).not.toContain('file-10.txt');
});

it('says the local work in the panel’s very words (its catalogues), English and French', () => {
  const pairs = [
    ['localChangesOne', 'localIntro_one'],
    ['localChangesMany', 'localIntro_other'],
    ['localCommitsOne', 'localCommitsIntro_one'],
    ['localCommitsMany', 'localCommitsIntro_other'],
  ] as const;
  for (const [language, panel] of [['en', panelEn], ['fr', panelFr]] as const) {
    for (const [shellKey, panelKey] of pairs) expect(shellWords(shellKey, {}, language), `${language} ${shellKey}`).toBe(panel.update.confirm[panelKey]);
  }
});
