// "Delete all" SIGKILLed mid-run (a real child process): the next start says the run was cut short, with what
// it had deleted and its backup, once; before, nothing of it was kept, and the panel showed nothing at all.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupService } from '../../electron/core/archive/backups.js';
import { DeleteAllService } from '../../electron/core/archive/delete-all/service.js';
import { lastRun } from '../../electron/core/archive/delete-all/run-file.js';
import { CHANNEL, storeWith, type StoredFixture } from '../helpers/archive-fixture.js';
import { killChildAt, STOP_HERE } from '../helpers/kill-child.js';
import { APP_DIR } from '../helpers/world.js';

const fixtures: StoredFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.close();
});

const module = (path: string) => JSON.stringify(join(APP_DIR, path));

/** The parts of a core the service needs, over the stored fixture; the channel's messages are a month old (one by one). */
const PARTS = `
const pino = (await import('node:module')).createRequire(${module('package.json')})('pino');
const { BackupService } = await import(${module('electron/core/archive/backups.ts')});
const { DeleteAllService } = await import(${module('electron/core/archive/delete-all/service.ts')});
const [, dataDir, storeFile, channelId] = process.argv.slice(2);
const logger = pino({ level: 'silent' });
const backups = new BackupService({ dataDir, storeFile, settings: () => ({ backupEnabled: false, backupDir: '', backupKeep: 3, backupIntervalHours: 24, channelId }),
  meta: () => ({ app: { name: 'x', version: 't' }, guild: null, channel: { id: channelId, name: 'general' } }), redact: (t) => t, logger });
const old = BigInt(Date.now() - 30 * 86_400_000 - 1_420_070_400_000) << 22n;
let ids = Array.from({ length: 6 }, (_, i) => String(old + BigInt(6 - i)));
`;

/** Killed at the n-th one-by-one delete (before it), or before any (n = 0: right after the run started). */
const CHILD = (n: number) => `
${STOP_HERE}
${PARTS}
let deletes = 0;
const target = {
  channel: { id: channelId, name: 'general', guild: 'Home Lab' },
  missingPermissions: () => [],
  page: async (before) => (${n} === 0 ? stop() : before === null ? ids : []),
  bulkDelete: async () => undefined,
  deleteOne: async (id) => { if (++deletes === ${n}) stop(); ids = ids.filter((x) => x !== id); },
};
const s = new DeleteAllService({ enabled: () => true, target: () => target, backups, logger, emit: () => undefined, requester: 'a test', runFile: dataDir + '/delete-all-run.json' });
await s.start({ phrase: 'DELETE ALL MESSAGES', channelName: 'general', acknowledged: true });
await new Promise((r) => setTimeout(r, 10_000));
`;

function restarted(f: StoredFixture): DeleteAllService {
  const logger = pino({ level: 'silent' });
  const backups = new BackupService({
    dataDir: f.dir, storeFile: f.file, settings: () => ({ backupEnabled: false, backupDir: '', backupKeep: 3, backupIntervalHours: 24, channelId: CHANNEL }),
    meta: () => ({ app: { name: 'x', version: 't' }, guild: null, channel: { id: CHANNEL, name: 'general' } }), redact: (t) => t, logger,
  });
  return new DeleteAllService({ enabled: () => true, target: () => null, backups, logger, emit: () => undefined, requester: 'a test', runFile: join(f.dir, 'delete-all-run.json') });
}

describe('delete all killed mid-run', { timeout: 60_000 }, () => {
  it.each([
    ['before any delete', 0, 0],
    ['at its third message, two deleted', 3, 2],
  ])('killed %s: the next start says it was cut short, with the count and the backup, once', async (_name, n, deleted) => {
    const f = storeWith(20);
    fixtures.push(f);
    await killChildAt(f.dir, `delete-${n}`, CHILD(n), [f.dir, f.file, CHANNEL]);
    const after = restarted(f).progress();
    expect(after).toMatchObject({ state: 'failed', deleted, single: deleted, bulk: 0, channel: 'general' });
    expect(after?.i18n).toMatchObject({ key: 'archive.deleteInterrupted', params: { deleted } });
    expect(after?.message).toMatch(new RegExp(`stopped when the app did: ${deleted} deleted`));
    expect(after?.backup && existsSync(after.backup)).toBe(true);
    expect(after?.message).toContain(after?.backup);
    // Said once: written back as ended, the start after says the same run, no longer "running".
    expect(lastRun(join(f.dir, 'delete-all-run.json'))?.interrupted).toBe(false);
    expect(restarted(f).progress()).toEqual(after);
  });
});
