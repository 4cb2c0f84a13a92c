// The old process's exit at a handover waits for the successor to be registered with systemd
// (MAINPID sent): exiting first would make systemd end the service, successor included.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { headlessHandover } from '../../electron/headless/handover.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('exits only after the successor reported that systemd follows its PID', async () => {
  dir = mkdtempSync(join(tmpdir(), 'dm-handover-'));
  const notified = join(dir, 'notified');
  const entry = join(dir, 'successor.mjs');
  // A successor that takes over at once but needs a moment to reach systemd.
  writeFileSync(
    entry,
    `import { writeFileSync } from 'node:fs';
process.on('message', (m) => {
  if (m.type === 'stand-down') process.exit(0);
  if (m.type !== 'take-over') return;
  process.send({ type: 'took-over', pid: process.pid });
  setTimeout(() => { writeFileSync(${JSON.stringify(notified)}, ''); process.send({ type: 'notified' }, () => process.exit(0)); }, 300);
});
process.send({ type: 'ready', pid: process.pid });
`,
  );
  const events: string[] = [];
  const handover = headlessHandover({
    appDir: dir,
    argv: [],
    panel: () => null,
    port: () => 0,
    shutdown: async () => void events.push('shutdown'),
    exit: (code) => void events.push(`exit ${code} ${existsSync(notified) ? 'after' : 'before'} the successor was registered`),
  });
  const log: string[] = [];
  await handover.standby((line) => log.push(line), entry);
  expect(log.at(-1)).toMatch(/ready in standby/);
  await handover.takeOver({ resumeBot: true });
  expect(events).toEqual(['shutdown', 'exit 0 after the successor was registered']);
});
