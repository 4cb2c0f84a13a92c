// The upgrade to emoji words adds fts_progress's columns, then (in one transaction) sets the redo's marker
// and the layout. Killed between the two, the store said "every row holds its emoji words" (the marker's
// default, 0) while none did: a reader that cannot finish the upgrade (a read-only copy, the command line's
// export while another program holds the lock) found no emoji in any row indexed before.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { planSearch } from '../../electron/core/messages/search-plan.js';
import { planRows } from '../../electron/core/messages/search-rows.js';
import { UTC } from '../../electron/core/messages/time-zone.js';
import { killChildAt, STOP_HERE } from '../helpers/kill-child.js';
import { writeLayout3Store } from '../helpers/layout3-store.js';
import { CHANNEL, chatMessage } from '../helpers/store-fixtures.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';
import { APP_DIR } from '../helpers/world.js';

describe('the emoji words upgrade killed before its marker is set', { timeout: 60_000 }, () => {
  const dir = tempDirPerTest('dm-emoji-upgrade-killed-');

  it('leaves a store whose emoji searches read every row’s text, read-only too', async () => {
    const file = join(dir(), 'messages.sqlite');
    const messages = Array.from({ length: 20 }, (_, i) => chatMessage(i, { content: i % 3 ? `plain ${i}` : `party 🎉 ${i}` }));
    writeLayout3Store(file, messages);
    const module = (path: string) => JSON.stringify(join(APP_DIR, path));
    // Killed at the first statement of the layout's transaction: the columns are added, the marker not set.
    await killChildAt(
      dir(),
      'upgrade',
      `
${STOP_HERE}
const { default: Database } = await import(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
const exec = Database.prototype.exec;
Database.prototype.exec = function (sql) {
  if (sql.includes('DROP TRIGGER IF EXISTS messages_fts_au')) stop();
  return exec.call(this, sql);
};
const { MessageStore } = await import(${module('electron/core/messages/store.ts')});
new MessageStore(${JSON.stringify(file)});
`,
    );
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT version FROM fts_layout').get()).toEqual({ version: 3 });
      const plan = planSearch(db, '🎉', UTC);
      const found = planRows(db, plan, CHANNEL, 'DESC', 'id')(0n, 9223372036854775807n, -1);
      expect(found).toEqual(messages.filter((m) => m.content.includes('🎉')).map((m) => m.id).reverse());
    } finally {
      db.close();
    }
  });
});
