// Quit means quit, also for a command already running (outside review): a token save waiting on a slow
// keyring when the user quit wrote token.enc (and rolled it back) after the quit had released the folder.
// The shutdown now waits for running commands (up to 5 s) before it closes the stores.
import { existsSync, rmSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, expect, it, vi } from 'vitest';
import { app, ipcMain, mock, safeStorage } from './electron-mock.js';
import { painted, startMain, useShellWorld } from './harness.js';
import { release, takeLateWrites } from './late-writes.js';

vi.mock('electron', () => import('./electron-mock.js'));
const t = useShellWorld();
afterEach(() => takeLateWrites());

const TOKEN = 'MTA5OTk5OTk5OTk5OTk5OTk5.GxYzAb.secretpartofthetoken_0123456789';

/** Starts the app, makes the keyring take 300 ms, sends `patch` as the panel would and quits 20 ms later; resolves once the quit is done. */
async function saveThenQuit(patch: Record<string, unknown>) {
  t.started = await startMain();
  const s = t.started!;
  const win = s.window();
  await painted(win);
  const original = safeStorage.encryptStringAsync.getMockImplementation()!;
  safeStorage.encryptStringAsync.mockImplementation(async (text: string) => {
    await delay(300);
    return original(text);
  });
  const own = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
  const saving = ipcMain.invoke('settings.save', own, patch) as Promise<{ ok: boolean }>;
  await delay(20);
  app.quit();
  await vi.waitFor(() => expect(mock.state.quitted).toBe(true), { timeout: 15_000 });
  release(s.dirs.root);
  return { dirs: s.dirs, saving };
}

it('quit while a token save waits on the keyring: nothing is written into the folder after the quit', async () => {
  const { dirs, saving } = await saveThenQuit({ token: TOKEN });
  rmSync(dirs.root, { recursive: true, force: true });
  const reply = await saving;
  await delay(500);
  expect(takeLateWrites()).toEqual([]);
  // Waited for, not cut short: the save finished before the quit did.
  expect(reply.ok).toBe(true);
});

it('same, profile left in place: what lands after the quit', async () => {
  const { dirs, saving } = await saveThenQuit({ token: TOKEN, guildId: '123456789012345678' });
  const reply = await saving;
  await delay(500);
  const late = takeLateWrites();
  const saved = existsSync(`${dirs.userData}/token.enc`);
  rmSync(dirs.root, { recursive: true, force: true });
  expect(late).toEqual([]);
  expect(reply.ok).toBe(true);
  expect(saved).toBe(true);
});
