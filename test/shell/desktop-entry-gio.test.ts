// The autostart file as GLib reads it (GNOME, and every desktop whose autostart goes through GLib): `gio
// launch` runs it, and the program must get exactly the arguments the app wrote. A `%` in the program's
// path made GLib refuse the whole file ("Unable to load application information"): it looks the
// program up before undoing the `%%` escape; the file now runs it through `env`.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { desktopEntry } from '../../electron/shell/desktop-entry.js';

const GIO = '/usr/bin/gio';
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A program at `folder` that writes the arguments it got, one per line, to `out`. */
function program(folder: string, out: string): string {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'electron');
  writeFileSync(file, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${out}'\n`);
  chmodSync(file, 0o755);
  return file;
}

it.each([
  ['a plain path', 'dm/app'],
  ['a space, a quote, a dollar and a backslash', `My Apps/it's $HOME \\ dm`],
  ['a percent sign (100% Discord)', '100% Discord/dm'],
  ['a percent sign and an equals sign', 'a=b%c/dm'],
])('gio launch runs the app with its arguments intact: %s', (_name, sub) => {
  if (!existsSync(GIO)) throw new Error(`${GIO} missing: apt-get install -y libglib2.0-bin (.ci/run does it)`);
  dir = mkdtempSync(join(tmpdir(), 'dm-gio-'));
  const out = join(dir, 'argv.txt');
  const exe = program(join(dir, sub), out);
  const appFolder = join(dir, sub, 'app folder %f');
  const file = join(dir, 'discord-monitor.desktop');
  writeFileSync(file, desktopEntry({ name: 'Discord Monitor', comment: 'test', exec: [exe, appFolder, '--hidden'] }));
  execFileSync(GIO, ['launch', file], { stdio: 'pipe', timeout: 10_000 });
  for (const deadline = Date.now() + 5_000; !existsSync(out) && Date.now() < deadline; ) execFileSync('sleep', ['0.05']);
  expect(readFileSync(out, 'utf8')).toBe(`${appFolder}\n--hidden\n`);
});
