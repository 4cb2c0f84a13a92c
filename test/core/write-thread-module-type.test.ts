// The store's write thread runs in whatever process the app is: a new version started in standby is
// run as `node --input-type=module -e <bootstrap>` (standby-launch.ts), and a worker inherits that
// flag, so its eval'd source is read as an ES module. The thread's code must not need `require`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { APP_DIR } from '../helpers/world.js';
import { TS_NODE } from '../helpers/ts-node.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dm-write-thread-esm-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CHILD = `
const { MessageStore } = await import(process.argv[1]);
const store = new MessageStore(process.argv[2]);
const m = { id: '200000000000000001', channelId: '1000000000000000001', author: { id: '1', username: 'a', displayName: 'A', avatarUrl: null, bot: false }, content: 'hello', createdAt: 1, editedAt: null, deleted: false, attachments: [], caughtUp: false };
let answer = 'none';
store.addManyLater([m], (err) => (answer = err ? err.message : 'written'));
const deadline = Date.now() + 8000;
while (answer === 'none' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
const thread = store.threadStarted;
console.log(JSON.stringify({ answer, thread, rows: store.list(m.channelId).map((x) => x.content) }));
store.close();
`;

it('a process started as an ES module (a standby) commits on its write thread', () => {
  const r = spawnSync(process.execPath, [...TS_NODE, '--input-type=module', '-e', CHILD, join(APP_DIR, 'electron', 'core', 'messages', 'store.ts'), join(dir, 'messages.sqlite')], { cwd: APP_DIR, encoding: 'utf8', timeout: 30_000 });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toEqual({ answer: 'written', thread: true, rows: ['hello'] });
});
