// The keyring warnings (no keyring, a keyring that never answered, a token that cannot be decrypted)
// carry their key, so a French panel says them in French; the English stays in the log file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { renderText, type I18nText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { openSecretBox } from '../../electron/shell/secret-box.js';
import { mock, resetElectronMock } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

let dir: string;
beforeEach(() => {
  resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'dm-secret-i18n-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fast = { attempts: 2, delayMs: 5 };
const french = (i18n: I18nText | null | undefined) => (i18n ? renderText(i18n, coreFr, { locale: 'fr' }) : null);
const logged = (box: Awaited<ReturnType<typeof openSecretBox>>) => {
  const lines: Array<{ msg: string; i18n?: I18nText }> = [];
  box.useLogger(pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as { msg: string; i18n?: I18nText }) }));
  return lines;
};

it('no system keyring: the panel’s warning is French', async () => {
  mock.state.safe.backend = 'basic_text';
  const box = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
  expect(box.warning).toMatch(/^No system keyring \(GNOME Keyring or KWallet\) was found, so The bot token is stored without encryption/);
  expect(french(box.warningI18n)).toMatch(/^Aucun trousseau système \(GNOME Keyring ou KWallet\) n’a été trouvé/);
});

it('a keyring that never answered: the warning and the log line are French', async () => {
  mock.state.safe.available = false;
  const box = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
  expect(french(box.warningI18n)).toMatch(/^Le trousseau système n’a pas répondu après 2 essais/);
  const [line] = logged(box);
  expect(line?.msg).toMatch(/^The system keyring did not answer after 2 tries .*Unlock the keyring and restart Discord Monitor\.$/);
  expect(french(line?.i18n)).toMatch(/^Le trousseau système n’a pas répondu après 2 essais .*Déverrouillez le trousseau et redémarrez Discord Monitor\.$/);
});

it('a token that cannot be decrypted: the log line is French', async () => {
  const first = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
  await first.set('MTIzNDU2Nzg5MDEyMzQ1Njc4.i18n.test-token_abcd');
  mock.state.safe.decryptFailures = 99;
  const locked = await openSecretBox({ dataDir: dir, platform: 'linux', ...fast });
  await locked.get();
  const [line] = logged(locked);
  expect(line?.msg).toMatch(/^Could not decrypt the bot token in /);
  expect(french(line?.i18n)).toMatch(/^Impossible de déchiffrer le token du bot dans /);
});
