// Issue 10 §3: during a handover the old process and the new one (in standby) both append to app.log.
// Every line says which process wrote it (its pid), and lines of the two never mix within a line.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLog } from '../../electron/core/log/logger.js';
import { APP_DIR } from '../helpers/world.js';
import { TS_NODE } from '../helpers/ts-node.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-log-overlap-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('two processes writing app.log at once: every line is whole JSON and carries its writer’s pid', async () => {
  const logs = join(dir, 'logs');
  const script = join(dir, 'writer.ts');
  writeFileSync(
    script,
    [
      `import { createLog } from ${JSON.stringify(join(APP_DIR, 'electron/core/log/logger.ts'))};`,
      `const log = createLog({ dir: ${JSON.stringify(logs)}, maxFileBytes: 1 << 30 });`,
      "for (let i = 0; i < 300; i++) log.logger.info(`standby line ${i} ${'x'.repeat(200)}`);",
    ].join('\n'),
  );
  const child = spawn(process.execPath, [...TS_NODE, script], { cwd: APP_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('error', () => undefined);
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  // Large enough that nothing rotates: this test is about lines, not files.
  const log = createLog({ dir: logs, maxFileBytes: 1 << 30 });
  // This process keeps writing, a line per turn, for as long as the child lives: the writes overlap.
  let ours = 0;
  let code: number | null | undefined;
  void exited.then((c) => (code = c));
  while (code === undefined) {
    log.logger.info(`running line ${ours++} ${'y'.repeat(200)}`);
    await new Promise((r) => setImmediate(r));
  }
  expect(code).toBe(0);

  const lines = readFileSync(join(logs, 'app.log'), 'utf8').trimEnd().split('\n');
  const records = lines.map((l) => JSON.parse(l) as { pid?: number; msg: string });
  const byPid = (pid: number | undefined) => records.filter((r) => r.pid === pid).map((r) => r.msg.split(' ')[0]);
  expect(new Set(byPid(process.pid))).toEqual(new Set(['running']));
  expect(byPid(process.pid)).toHaveLength(ours);
  expect(new Set(byPid(child.pid))).toEqual(new Set(['standby']));
  expect(byPid(child.pid)).toHaveLength(300);
  expect(records).toHaveLength(ours + 300);
  // The child's lines landed among ours, not after them: the two really wrote at once.
  const first = records.findIndex((r) => r.pid === child.pid);
  expect(records.slice(first).some((r) => r.pid === process.pid)).toBe(true);
});
