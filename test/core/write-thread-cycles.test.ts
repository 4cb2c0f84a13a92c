// The write thread starts with a batch and ends after a quiet spell: bursts separated by quiet spells
// must not leave workers, threads or open database files behind (each cycle is a new worker).
import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MessageStore } from '../../electron/core/messages/store.js';
import { CHANNEL, chatMessage as msg, until as poll } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-review-cycles-');

const openDbFiles = () =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir());
    } catch {
      return false;
    }
  }).length;
const threads = () => readdirSync('/proc/self/task').length;
const until = (check: () => boolean, what: string) => poll(check, what, 10_000, 5);

it('30 burst / quiet cycles leave no worker, thread or database file open beyond one cycle', async () => {
  const store = new MessageStore(join(dir(), 'm.sqlite'), undefined, { idleMs: 20 });
  try {
    const written = (n: number) => new Promise<Error | null>((resolve) => store.addManyLater([msg(n)], resolve));
    expect(await written(0)).toBeNull();
    await until(() => !store.threadStarted, 'first idle stop');
    // Baseline once a first worker came and went: SQLite keeps the worker's closed database descriptor
    // while the main connection holds a lock on the file, and reuses it at the next open (4 = 3 + 1).
    // The ended worker's descriptors close a moment after it says so: wait for them (a loaded machine saw 5).
    await until(() => openDbFiles() <= 4, "the first worker's files closed");
    const files0 = openDbFiles();
    const threads0 = threads();
    for (let i = 1; i <= 30; i++) {
      expect(await written(i)).toBeNull();
      await until(() => !store.threadStarted, `idle stop ${i}`);
    }
    await until(() => openDbFiles() <= files0, 'worker files closed');
    await until(() => threads() <= threads0 + 1, 'worker threads gone');
    expect(store.list(CHANNEL, 100)).toHaveLength(31);
  } finally {
    store.close();
  }
});
