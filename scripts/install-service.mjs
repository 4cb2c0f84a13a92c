// `npm run install-service`: writes the systemd user unit from build/discord-monitor.service with this
// checkout's paths and this Node, then tells the user how to enable it. Options: --port N, --dry-run.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { port: { type: 'string', default: '8787' }, 'dry-run': { type: 'boolean', default: false } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`install-service: --port must be a number from 1 to 65535, not "${values.port}".`);
  process.exit(2);
}
const unit = readFileSync(join(appDir, 'build', 'discord-monitor.service'), 'utf8')
  .replaceAll('@APP_DIR@', appDir)
  .replaceAll('@NODE@', process.execPath)
  .replaceAll('@PORT@', String(port));
if (values['dry-run']) {
  process.stdout.write(unit);
  process.exit(0);
}
const dir = join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'systemd', 'user');
const file = join(dir, 'discord-monitor.service');
mkdirSync(dir, { recursive: true });
// Temp file + rename: a half-written unit is never seen by systemd.
writeFileSync(`${file}.tmp`, unit);
renameSync(`${file}.tmp`, file);
console.log(`Wrote ${file}.
Next:
  systemctl --user daemon-reload
  systemctl --user enable --now discord-monitor
  loginctl enable-linger "$USER"   # keep it running when you are logged out
Logs: journalctl --user -u discord-monitor -f`);
