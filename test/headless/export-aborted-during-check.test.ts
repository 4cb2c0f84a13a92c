// GET /api/export checks its request first (Archive.check), which now waits for the search index to
// catch up: long enough for the client to go away. The export then started anyway on the closed
// response (a count, the search, the catch-up again) and logged "Export download failed: the export's
// destination was closed" as an error, for a download the user had cancelled.
import { expect, it, vi } from 'vitest';
import { EXPORT_PATH } from '../../shared/archive.js';
import { storeUnindexed } from '../helpers/store-fixtures.js';
import { ACCESS, startTestPanel } from './panel-fixture.js';

const ROWS = 20_000;

it('a download given up while its check runs starts no export and logs no failure', async () => {
  const t = await startTestPanel({}, {});
  try {
    await t.core.settings.save({ guildId: t.world.guildId, channelId: t.world.channelId, token: 'test.bot-token.0123456789-abcdefghij' });
    // Stored, not indexed (as a backfill leaves them): the check's catch-up takes a while.
    storeUnindexed(t.world.dataDir, t.world.channelId, ROWS);
    const archive = t.core.archive;
    let checked: Promise<void> | null = null;
    const check = archive.check.bind(archive);
    vi.spyOn(archive, 'check').mockImplementation((request) => (checked = check(request)));
    const streamed = vi.spyOn(archive, 'exportToStream');
    const errors = vi.spyOn(t.core.log.logger, 'error');
    const stop = new AbortController();
    const asked = fetch(`http://127.0.0.1:${t.panel.port}${EXPORT_PATH}?format=json&query=backfilled`, { headers: { authorization: `Bearer ${ACCESS}` }, signal: stop.signal }).catch(() => null);
    for (const deadline = Date.now() + 10_000; !checked && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5));
    expect(checked).not.toBeNull();
    stop.abort();
    expect(await asked).toBeNull();
    await checked;
    // What the check's answer set off (the export's first write fails on the closed response).
    await Promise.allSettled(streamed.mock.results.map((r) => r.value as Promise<unknown>));
    await new Promise((r) => setImmediate(r));
    expect(streamed).not.toHaveBeenCalled();
    expect(errors.mock.calls.map((c) => String(c.at(-1)))).toEqual([]);
  } finally {
    await t.close();
  }
});
