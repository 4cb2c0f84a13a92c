// deleteAll (archive/delete-all/job.ts) on an in-memory channel: a message Discord refuses to delete is counted
// as refused and the run goes on; a request that never reached Discord (the network down after discord.js's own
// retries) stops the run and says why. It used to be counted as "refused by Discord", and the run went on
// through every message of the channel, each one "refused".
import http from 'node:http';
import { REST } from '@discordjs/rest';
import { describe, expect, it } from 'vitest';
import type { DeleteProgress } from '../../shared/archive.js';
import { deleteAll } from '../../electron/core/archive/delete-all/job.js';
import type { DeleteTarget } from '../../electron/core/archive/delete-all/target.js';

const MONTH_AGO = BigInt(Date.now() - 30 * 86_400_000 - 1_420_070_400_000) << 22n;
const START: DeleteProgress = { state: 'running', deleted: 0, bulk: 0, single: 0, failed: 0, startedAt: 0, finishedAt: null, backup: null, channel: 'general', message: '' };

/** Three month-old messages (one by one); `fail` answers the delete of the second. */
function channel(fail: () => Error): { target: DeleteTarget; left: () => string[] } {
  let ids = [3n, 2n, 1n].map((n) => String(MONTH_AGO + n));
  const target: DeleteTarget = {
    channel: { id: '1', name: 'general', guild: 'Home Lab' },
    missingPermissions: () => [],
    page: async (before) => (before === null ? [...ids] : []),
    bulkDelete: async () => undefined,
    deleteOne: async (id) => {
      if (id === String(MONTH_AGO + 2n)) throw fail();
      ids = ids.filter((x) => x !== id);
    },
  };
  return { target, left: () => ids };
}

const run = (target: DeleteTarget) => deleteAll(target, { ...START }, { signal: new AbortController().signal, onProgress: () => undefined });

describe('delete all, one message at a time', () => {
  it('a message Discord refuses (an API error with its code) is counted as refused; the others are deleted', async () => {
    const { target, left } = channel(() => Object.assign(new Error('Cannot execute action on a system message'), { code: 50021, status: 400 }));
    const end = await run(target);
    expect(end).toMatchObject({ state: 'done', deleted: 2, single: 2, failed: 1 });
    expect(left()).toEqual([String(MONTH_AGO + 2n)]);
  });

  it('a request that never reached Discord stops the run, says why, and counts nothing as refused', async () => {
    const { target, left } = channel(() => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
    const end = await run(target);
    expect(end).toMatchObject({ state: 'failed', deleted: 1, failed: 0 });
    expect(end.i18n).toMatchObject({ key: 'archive.deleteStopped', params: { detail: 'fetch failed' } });
    expect(left()).toHaveLength(2);
  });

  // @discordjs/rest gives up on a request with a DOMException AbortError, whose numeric `code` (20) was taken for a
  // Discord error code: every message counted refused, each after the full timeout (a review's finding).
  it("a request discord.js's REST gave up on (Discord or the network not answering) stops the run too", async () => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const rest = new REST({ api: `http://127.0.0.1:${(server.address() as { port: number }).port}/api`, timeout: 100, retries: 0 }).setToken('x');
    const { target } = channel(() => new Error('unused'));
    try {
      const end = await run({ ...target, deleteOne: async (id) => void (await rest.delete(`/channels/1/messages/${id}`)) });
      expect(end).toMatchObject({ state: 'failed', deleted: 0, failed: 0 });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
