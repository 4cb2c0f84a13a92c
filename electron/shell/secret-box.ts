// The bot token at rest: encrypted with the OS keyring through safeStorage (async API) in
// userData/token.enc. Without a real keyring (Linux "basic_text"), or when it stays unavailable,
// it falls back to the headless 0600 file and says so.
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { safeStorage } from 'electron';
import type { Logger } from 'pino';
import { coreText, type CoreSentence, type I18nText } from '../../shared/core-text.js';
import type { SecretBox } from '../core/ports.js';
import { say } from '../core/log/say.js';
import { FileSecretBox } from '../core/settings/file-secret-box.js';

export interface SecretBoxOptions {
  dataDir: string;
  platform?: NodeJS.Platform;
  /** A keyring still locked right after login needs a moment: tries × delay before giving up. */
  attempts?: number;
  delayMs?: number;
}

/** A SecretBox whose warnings reach the log once the core's logger exists. */
export interface ShellSecretBox extends SecretBox {
  useLogger(logger: Logger): void;
}

/** Holds log lines until there is a logger (the box is opened before the core). */
class Warnings {
  private pending: Array<['info' | 'warn', CoreSentence]> = [];
  private logger: Logger | null = null;
  warn(message: CoreSentence): void {
    this.write('warn', message);
  }
  info(message: CoreSentence): void {
    this.write('info', message);
  }
  attach(logger: Logger): void {
    this.logger = logger;
    for (const [level, message] of this.pending.splice(0)) say(logger, level, message);
  }
  private write(level: 'info' | 'warn', message: CoreSentence): void {
    if (this.logger) say(this.logger, level, message);
    else this.pending.push([level, message]);
  }
}

export async function openSecretBox(o: SecretBoxOptions): Promise<ShellSecretBox> {
  const attempts = o.attempts ?? 5;
  const delayMs = o.delayMs ?? 1000;
  const warnings = new Warnings();
  const plain = new FileSecretBox(join(o.dataDir, 'token'));
  const encryptedFile = join(o.dataDir, 'token.enc');

  // basic_text "encrypts" with a key stored beside the data: calling that encrypted would be a lie.
  if ((o.platform ?? process.platform) === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return fallback(plain, warnings, coreText('keyring.none', { warning: plain.warningI18n }));
  }
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (await safeStorage.isAsyncEncryptionAvailable()) return new SafeStorageBox(encryptedFile, plain, warnings, attempts, delayMs);
    if (attempt < attempts) await delay(delayMs);
  }
  warnings.warn(existsSync(encryptedFile) ? coreText('keyring.noAnswerLogEncrypted', { attempts, file: encryptedFile }) : coreText('keyring.noAnswerLog', { attempts }));
  return fallback(plain, warnings, coreText('keyring.noAnswer', { attempts, warning: plain.warningI18n }));
}

function fallback(plain: FileSecretBox, warnings: Warnings, warning: CoreSentence): ShellSecretBox {
  return {
    encrypted: false,
    warning: warning.text,
    warningI18n: warning.i18n,
    get: () => plain.get(),
    set: (secret) => plain.set(secret),
    clear: () => plain.clear(),
    useLogger: (logger) => warnings.attach(logger),
  };
}

class SafeStorageBox implements ShellSecretBox {
  readonly encrypted = true;
  readonly warning = null;
  readonly warningI18n: I18nText | null = null;

  constructor(
    private readonly file: string,
    private readonly plain: FileSecretBox,
    private readonly warnings: Warnings,
    private readonly attempts: number,
    private readonly delayMs: number,
  ) {}

  useLogger(logger: Logger): void {
    this.warnings.attach(logger);
  }

  async get(): Promise<string | null> {
    let data: Buffer;
    try {
      data = await readFile(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      return this.adoptPlaintext();
    }
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(data);
        if (shouldReEncrypt) await this.set(result);
        return result;
      } catch (err) {
        if (attempt === this.attempts) {
          this.warnings.warn(coreText('keyring.decryptFailed', { file: this.file, detail: err instanceof Error ? err.message : String(err) }));
          return null;
        }
        await delay(this.delayMs);
      }
    }
    return null;
  }

  async set(secret: string): Promise<void> {
    const data = await safeStorage.encryptStringAsync(secret);
    await writeFile(`${this.file}.tmp`, data, { mode: 0o600 });
    await rename(`${this.file}.tmp`, this.file);
    // Once encrypted, a plaintext copy (headless mode, or a keyring that was locked) must go.
    await this.plain.clear();
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true });
    await this.plain.clear();
  }

  /** A token saved unencrypted earlier is moved into the keyring, so "encrypted" stays true. */
  private async adoptPlaintext(): Promise<string | null> {
    const token = await this.plain.get();
    if (token) {
      await this.set(token);
      this.warnings.info(coreText('keyring.adopted'));
    }
    return token;
  }
}
