// Small one-time facts the shell remembers across launches ("the close-to-tray notice was shown").
// A JSON file of its own, so the settings schema stays the core's business.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type ShellFlag = 'closeToTrayNoticeShown';

export class ShellFlags {
  private readonly file: string;
  private flags: Partial<Record<ShellFlag, boolean>>;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'shell-flags.json');
    try {
      this.flags = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<Record<ShellFlag, boolean>>;
    } catch {
      // Missing or unreadable: worst case a notice is shown once more.
      this.flags = {};
    }
  }

  has(flag: ShellFlag): boolean {
    return this.flags[flag] === true;
  }

  /** Runs `action` the first time only, ever. */
  once(flag: ShellFlag, action: () => void): void {
    if (this.has(flag)) return;
    this.flags[flag] = true;
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.flags));
    renameSync(`${this.file}.tmp`, this.file);
    action();
  }
}
