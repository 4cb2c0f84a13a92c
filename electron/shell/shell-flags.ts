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
    let read: unknown = {};
    try {
      read = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      // Missing or unreadable: worst case a notice is shown once more.
    }
    // Valid JSON but no object (null, "yes", 1) threw inside the window's close handler.
    this.flags = typeof read === 'object' && read !== null && !Array.isArray(read) ? (read as Partial<Record<ShellFlag, boolean>>) : {};
  }

  has(flag: ShellFlag): boolean {
    return this.flags[flag] === true;
  }

  /**
   * Runs `action` the first time only, ever. A folder that refuses the write (read-only, full) does not
   * stop the action: it threw out of the window's close handler, and the notice never showed.
   */
  once(flag: ShellFlag, action: () => void, onWriteError: (err: unknown) => void = () => undefined): void {
    if (this.has(flag)) return;
    this.flags[flag] = true;
    try {
      writeFileSync(`${this.file}.tmp`, JSON.stringify(this.flags));
      renameSync(`${this.file}.tmp`, this.file);
    } catch (err) {
      onWriteError(err);
    }
    action();
  }
}
