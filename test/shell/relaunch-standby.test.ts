// The desktop app after an update: app.relaunch only once the new build passed the standby check in
// plain Node (Electron with ELECTRON_RUN_AS_NODE), and the new window comes back where it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { TOKEN, waitState } from '../helpers/world.js';
import { app, resetElectronMock } from './electron-mock.js';
import { painted, startMain, tempDirs, useShellWorld } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

const t = useShellWorld();

/** A stand-in for the new build's headless entry: reports ready like --standby does, records how it ran. */
function goodBuild(dir: string): string {
  const file = join(dir, 'standby-entry.mjs');
  const record = join(dir, 'standby-run.json');
  writeFileSync(
    file,
    `import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(record)}, JSON.stringify({ runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null, argv: process.argv.slice(2) }));
process.on('message', (m) => m.type === 'stand-down' && process.exit(0));
process.send({ type: 'ready', pid: process.pid });
`,
  );
  return file;
}

it('relaunches only after the standby check, with the bot closed first; the window reopens with the old bounds and the tray as it was', async () => {
  const dirs = tempDirs();
  t.started = await startMain({ world: t.world, dirs, standbyEntry: goodBuild(dirs.root) });
  const first = t.started!;
  const win = first.window();
  await painted(win);
  await waitState(first.shell.core, 'connected');
  expect(basename(first.tray().imagePath)).toBe('tray-connected.png');
  win.setBounds({ x: 120, y: 80, width: 900, height: 640 });

  let liveAtRelaunch = -1;
  let relaunchedAt = 0;
  app.relaunch.mockImplementation(() => {
    liveAtRelaunch = t.world.fake.liveSessions(TOKEN);
    relaunchedAt = performance.now();
  });
  const clicked = performance.now();
  await first.shell.core.updates.restartNow();
  await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0), { timeout: 15_000 });

  const ran = JSON.parse(readFileSync(join(dirs.root, 'standby-run.json'), 'utf8')) as { runAsNode: string; argv: string[] };
  expect(ran.runAsNode).toBe('1');
  expect(ran.argv).toEqual(['--data-dir', first.shell.core.info().dataDir, '--no-token', '--port', '0', '--standby']);
  expect(app.relaunch).toHaveBeenCalledWith({ args: [dirs.app, '--relaunched'] }); // visible: not --hidden
  expect(liveAtRelaunch).toBe(0);

  // The relaunched process, as app.relaunch starts it.
  resetElectronMock();
  const started = performance.now();
  t.started = await startMain({ world: t.world, dirs, flags: ['--relaunched'] });
  const second = t.started!;
  const win2 = second.window();
  await painted(win2);
  const shown = performance.now();
  expect(win2.getBounds()).toEqual({ x: 120, y: 80, width: 900, height: 640 });
  await waitState(second.shell.core, 'connected');
  expect(basename(second.tray().imagePath)).toBe('tray-connected.png');
  expect(t.world.fake.liveSessions(TOKEN)).toBe(1);
  console.log(
    `[measure] Electron relaunch through the mock: click → app.relaunch ${((relaunchedAt - clicked) / 1000).toFixed(2)} s (standby check included); ` +
      `new main() → window shown ${((shown - started) / 1000).toFixed(2)} s; → bot connected ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
}, 30_000);

it('a hidden window stays in the tray after the relaunch', async () => {
  const dirs = tempDirs();
  t.started = await startMain({ dirs, flags: ['--hidden'], standbyEntry: goodBuild(dirs.root) });
  await t.started!.shell.core.updates.restartNow();
  await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0), { timeout: 15_000 });
  expect(app.relaunch).toHaveBeenCalledWith({ args: [dirs.app, '--hidden', '--relaunched'] });
});

it('a build that cannot load is never relaunched into: the app keeps running, the bot comes back, and it says why', async () => {
  const dirs = tempDirs();
  const broken = join(dirs.root, 'broken-entry.mjs');
  writeFileSync(broken, `throw new Error('broken build: cannot load');\n`);
  t.started = await startMain({ world: t.world, dirs, standbyEntry: broken });
  const { core } = t.started!.shell;
  await waitState(core, 'connected');
  const errors: string[] = [];
  core.bus.on('log.entry', (e) => e.level === 'error' && errors.push(e.message));
  await core.updates.restartNow();
  await vi.waitFor(() => expect(errors.join('\n')).toMatch(/broken build: cannot load/), { timeout: 15_000 });
  await waitState(core, 'connected');
  expect(app.relaunch).not.toHaveBeenCalled();
  expect(app.exit).not.toHaveBeenCalled();
  expect(t.world.fake.liveSessions(TOKEN)).toBe(1);
}, 30_000);
