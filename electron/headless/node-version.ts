// Imported first by the plain-Node entries (headless, demo, export): an older Node than the app needs
// failed in the native modules, silently (Node 20 from Debian's /usr/bin/node died of SIGSEGV loading
// better-sqlite3; the service manager restarted it forever with empty logs; outside review). It stops
// with a sentence and exit 2, which the systemd unit does not restart.

/** The oldest Node the app runs on (package.json's engines). */
export const MIN_NODE = [22, 12] as const;

/** Why `version` (process.versions.node) cannot run the app and what to do; null when it can. */
export function nodeTooOld(version: string, execPath: string): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return null;
  return `this is Node ${version} (${execPath}); Discord Monitor needs Node ${MIN_NODE.join('.')} or later. Run it with the Node that ran \`npm install\` (\`command -v node\` in that shell prints its path): put that path in the service's command line.`;
}

const problem = nodeTooOld(process.versions.node, process.execPath);
if (problem) {
  process.stderr.write(`discord-monitor: ${problem}\n`);
  process.exit(2);
}
