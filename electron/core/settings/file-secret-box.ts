// Headless secret storage: a file readable only by the user. Not encryption, and we say so.
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { coreText, type I18nText } from '../../../shared/core-text.js';
import type { SecretBox } from '../ports.js';

export class FileSecretBox implements SecretBox {
  readonly encrypted = false;
  readonly warning: string;
  readonly warningI18n: I18nText;

  constructor(private readonly file: string) {
    const said = coreText('log.tokenUnencrypted', { file });
    this.warning = said.text;
    this.warningI18n = said.i18n;
  }

  async get(): Promise<string | null> {
    try {
      const text = (await readFile(this.file, 'utf8')).trim();
      return text || null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async set(secret: string): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    // A temp name of its own: two writes sharing one renamed it from under each other (ENOENT).
    const tmp = `${this.file}.${randomUUID()}.tmp`;
    try {
      await writeFile(tmp, secret, { mode: 0o600, flag: 'wx' });
      await chmod(tmp, 0o600);
      await rename(tmp, this.file);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw err;
    }
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true });
  }
}
