// The token at rest: safeStorage (async API) when a real keyring is there, the 0600 file with a
// warning when not, and patience with a keyring that is still locked right after login.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core/app-core.js';
import { confStore } from '../../electron/headless/run.js';
import { openSecretBox } from '../../electron/shell/secret-box.js';
import { mock, resetElectronMock, safeStorage } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-box.test-token_abcd';
let dir: string;
beforeEach(() => {
  resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'dm-secret-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fast = { attempts: 3, delayMs: 10 };
const logger = () => {
  const lines: Array<{ level: number; msg: string }> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { log, lines };
};

describe('safeStorage box', () => {
  it('round-trips through encryptStringAsync/decryptStringAsync; token.enc never holds the token', async () => {
    const box = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
    expect(box.encrypted).toBe(true);
    expect(box.warning).toBeNull();
    await box.set(TOKEN);
    const file = join(dir, 'token.enc');
    expect(readFileSync(file).includes(Buffer.from(TOKEN))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith(TOKEN);

    const reopened = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
    await expect(reopened.get()).resolves.toBe(TOKEN);
    expect(safeStorage.decryptStringAsync).toHaveBeenCalled();
    await reopened.clear();
    expect(existsSync(file)).toBe(false);
    await expect(reopened.get()).resolves.toBeNull();
  });

  it('the core reports the token as encrypted, with no warning', async () => {
    const box = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
    const core = await createCore({ paths: { dataDir: dir, logDir: join(dir, 'logs'), appDir: dir }, secrets: box, storeFactory: confStore, env: {}, mode: 'electron' });
    try {
      const reply = await core.dispatch('settings.save', { token: TOKEN });
      expect(reply).toMatchObject({ ok: true, value: { token: { set: true, encrypted: true, warning: null } } });
      expect(existsSync(join(dir, 'token'))).toBe(false);
    } finally {
      await core.shutdown();
    }
  });

  it('moves a plaintext token (headless, or an earlier fallback) into the keyring', async () => {
    writeFileSync(join(dir, 'token'), TOKEN, { mode: 0o600 });
    const box = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
    await expect(box.get()).resolves.toBe(TOKEN);
    expect(existsSync(join(dir, 'token'))).toBe(false);
    expect(existsSync(join(dir, 'token.enc'))).toBe(true);
  });

  it('re-encrypts when the keyring asks for it', async () => {
    const box = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
    await box.set(TOKEN);
    mock.state.safe.shouldReEncrypt = true;
    safeStorage.encryptStringAsync.mockClear();
    await expect(box.get()).resolves.toBe(TOKEN);
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith(TOKEN);
  });
});

describe('fallback to the plaintext file', () => {
  it('basic_text backend: 0600 file, encrypted=false, and a warning the panel shows', async () => {
    mock.state.safe.backend = 'basic_text';
    const box = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
    expect(box.encrypted).toBe(false);
    expect(box.warning).toMatch(/No system keyring/);
    expect(box.warning).toMatch(/without encryption/);
    await box.set(TOKEN);
    expect(readFileSync(join(dir, 'token'), 'utf8')).toBe(TOKEN);
    expect(statSync(join(dir, 'token')).mode & 0o777).toBe(0o600);
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();

    const core = await createCore({ paths: { dataDir: dir, logDir: join(dir, 'logs'), appDir: dir }, secrets: box, storeFactory: confStore, env: {}, mode: 'electron' });
    try {
      expect(core.settings.view().token).toMatchObject({ set: true, encrypted: false, warning: box.warning });
    } finally {
      await core.shutdown();
    }
  });

  it('a keyring still locked at login: retries, then falls back and says so in the log', async () => {
    mock.state.safe.available = false;
    const began = Date.now();
    const box = await openSecretBox({ dataDir: dir, platform: 'linux', attempts: 3, delayMs: 30 });
    expect(safeStorage.isAsyncEncryptionAvailable).toHaveBeenCalledTimes(3);
    expect(Date.now() - began).toBeGreaterThanOrEqual(60);
    expect(box.encrypted).toBe(false);
    expect(box.warning).toMatch(/did not answer after 3 tries/);
    const { log, lines } = logger();
    box.useLogger(log);
    expect(lines.map((l) => l.msg).join('\n')).toMatch(/keyring did not answer.*Unlock the keyring and restart/);
  });
});

describe('keyring unlocking late', () => {
  it('waits for availability instead of giving up at the first "no"', async () => {
    mock.state.safe.unavailableAnswers = 2;
    const box = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
    expect(box.encrypted).toBe(true);
    expect(safeStorage.isAsyncEncryptionAvailable).toHaveBeenCalledTimes(3);
  });

  it('retries a failing decrypt, and warns (without the token) when it never works', async () => {
    const first = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
    await first.set(TOKEN);

    mock.state.safe.decryptFailures = 2;
    const retried = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
    await expect(retried.get()).resolves.toBe(TOKEN);

    mock.state.safe.decryptFailures = 99;
    const locked = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
    await expect(locked.get()).resolves.toBeNull();
    const { log, lines } = logger();
    locked.useLogger(log);
    const text = lines.map((l) => l.msg).join('\n');
    expect(text).toMatch(/Could not decrypt the bot token.*keyring may still be locked/);
    expect(text).not.toContain(TOKEN);
    expect(existsSync(join(dir, 'token.enc'))).toBe(true); // kept for when the keyring opens
  });
});
