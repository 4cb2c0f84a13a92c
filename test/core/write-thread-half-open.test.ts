// Review: the write thread's first open fails part-way inside a background task (a pragma refused:
// SQLITE_BUSY while another connection checkpoints, say). The next live batch must open the database
// afresh and be written, not fail on a half-configured connection.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { MessageStore } from '../../electron/core/messages/store.js';
import { chatMessage as msg } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-review-half-open-');
let store: MessageStore | null = null;
afterEach(() => store?.close());

it('a background task whose open failed part-way leaves no half-open connection for the next batch', async () => {
  const real = createRequire(import.meta.url).resolve('better-sqlite3');
  const mod = join(dir(), 'busy-once.cjs');
  writeFileSync(mod, `const Real = require(${JSON.stringify(real)});
let refused = false;
module.exports = class extends Real {
  pragma(p, o) {
    if (p === 'secure_delete = ON' && !refused) { refused = true; throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }); }
    return super.pragma(p, o);
  }
};`);
  store = new MessageStore(join(dir(), 'messages.sqlite'), undefined, { sqliteModule: mod });
  const task = await new Promise<Error | null>((resolve) => store!.background!.run('checkpoint', resolve));
  expect(task).toMatchObject({ code: 'SQLITE_BUSY' });
  const written = await new Promise<Error | null>((resolve) => store!.addManyLater([msg(1)], resolve));
  expect(written).toBeNull();
});
