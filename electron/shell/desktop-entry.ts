// The XDG autostart file, written by hand because Electron's login-item API does nothing on Linux.
// Quoting follows the Desktop Entry spec, "The Exec key": quote arguments holding reserved
// characters, backslash-escape " ` $ \ inside quotes, double % (field codes), then apply the
// string-value escapes (\\ \n \t \r) — hence a literal backslash ends up as four.

const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

export function quoteExecArg(arg: string): string {
  const percent = arg.replaceAll('%', '%%');
  if (arg !== '' && !RESERVED.test(arg)) return percent;
  return `"${percent.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
}

/** Escapes for a string value in a key file (applied after quoting). */
function keyFileString(value: string): string {
  return value.replace(/[\\\n\t\r]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' })[c]!);
}

export const execLine = (argv: readonly string[]): string => keyFileString(argv.map(quoteExecArg).join(' '));

export interface DesktopEntry {
  name: string;
  comment: string;
  /** Program and arguments, unquoted. */
  exec: readonly string[];
  icon?: string;
}

/**
 * GLib (GNOME's autostart) looks the program up before it undoes the `%%` escape, so a `%` in its path
 * made it refuse the whole file: such a program is started by /bin/sh, which GLib finds (not `env`: it
 * would read a path holding `=` as a variable).
 */
export function execArgv(argv: readonly string[]): readonly string[] {
  return argv[0]?.includes('%') ? ['/bin/sh', '-c', 'exec "$0" "$@"', ...argv] : argv;
}

export function desktopEntry(e: DesktopEntry): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${keyFileString(e.name)}`,
    `Comment=${keyFileString(e.comment)}`,
    `Exec=${execLine(execArgv(e.exec))}`,
    ...(e.icon ? [`Icon=${keyFileString(e.icon)}`] : []),
    'Terminal=false',
    'Categories=Utility;Network;',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
