// A start on a data folder that cannot be written (a read-only mount, a full disk) used to stop the app
// before the panel came up ("EROFS … app.log", "disk I/O error"): under a service manager a restart loop,
// and no panel to say why. It now starts: the bot connects, messages are shown live and kept in memory,
// a notice says why and what to do, and the resume point stays where it was, so the start after the
// folder is usable again fetches what was posted meanwhile.
import { mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { fillDisk, mountReadOnly, unmountLast } from '../helpers/disk.js';
import { tmpfsWorldEach } from '../helpers/tmpfs-world.js';
import { configuredEnv, coreFor, startConnected } from '../helpers/world.js';

const DEADLINE_MS = 20_000;
const t = tmpfsWorldEach('dm-degraded-');
const dataDir = () => join(t.mountDir, 'data');

async function run(): Promise<Core> {
  t.core = await coreFor({ ...t.world, dataDir: dataDir() }, configuredEnv(t.world));
  return startConnected(t.core, DEADLINE_MS);
}

async function stop(): Promise<void> {
  await t.core!.shutdown();
  t.core = null;
}

const post = (c: Core, content: string) => t.post(c, content, DEADLINE_MS);

async function listed(c: Core): Promise<string[]> {
  const reply = await c.dispatch('messages.list', { limit: 100 });
  if (!reply.ok) throw new Error(JSON.stringify(reply));
  return reply.value.map((m) => m.content);
}

const faults = {
  'read-only': { make: () => mountReadOnly(dataDir()), undo: () => unmountLast(), reason: /read-only/ },
  full: { make: () => fillDisk(t.mountDir), undo: (filler: unknown) => unlinkSync(filler as string), reason: /disk|full|space/i },
};

describe('a start on a data folder that cannot be written', { timeout: 90_000 }, () => {
  for (const [name, fault] of Object.entries(faults)) {
    it(`${name}: the app starts, shows messages live, says why, and the next start fetches what was posted meanwhile`, async () => {
      await post(await run(), 'before');
      await stop();
      const lastSeen = readFileSync(join(dataDir(), 'last-seen.json'), 'utf8');
      const undo = fault.make();

      const c = await run();
      // Settings are refused with the folder's reason, not an internal error.
      const refused = await c.dispatch('settings.save', { fetchLimit: '1000' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', i18n: { key: 'command.settingsUnwritable' } } });
      expect(!refused.ok && refused.error.message).toMatch(fault.reason);
      // The folder usable again mid-run: the resume point must still not pass what only memory holds.
      fault.undo(undo);
      await post(c, 'during');
      expect(await listed(c)).toContain('during');
      const notices = await c.dispatch('app.notices');
      expect(notices.ok).toBe(true);
      const notice = notices.ok ? notices.value.find((n) => n.code === 'messages-in-memory') : undefined;
      expect(notice?.i18n?.key).toBe('notice.messagesInMemory');
      expect(notice?.message).toContain(dataDir());
      expect(notice?.message).toMatch(fault.reason);
      // Still serving commands and the bot stops cleanly.
      expect((await c.dispatch('settings.get')).ok).toBe(true);
      expect((await c.dispatch('settings.save', { fetchLimit: '1000' })).ok).toBe(true);
      await stop();
      expect(readFileSync(join(dataDir(), 'last-seen.json'), 'utf8')).toBe(lastSeen);

      const after = await run();
      const deadline = Date.now() + DEADLINE_MS;
      while (!(await listed(after)).includes('during') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await listed(after)).toEqual(['before', 'during']);
      const again = await after.dispatch('app.notices');
      expect(again.ok && again.value.some((n) => n.code === 'messages-in-memory')).toBe(false);
    });
  }
});

describe('a first start on a folder that cannot be written', { timeout: 60_000 }, () => {
  it('runs on the environment\'s settings, says settings cannot be saved until a restart, and connects', async () => {
    // No settings.json yet: conf writes its defaults when it opens the file, which a read-only folder refuses.
    mkdirSync(dataDir());
    mountReadOnly(dataDir());
    const c = await run();
    const notices = await c.dispatch('app.notices');
    const notice = notices.ok ? notices.value.find((n) => n.code === 'settings-unwritable') : undefined;
    expect(notice?.i18n?.key).toBe('notice.settingsUnwritable');
    expect(notice?.message).toContain(dataDir());
    const refused = await c.dispatch('settings.save', { fetchLimit: '1000' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', i18n: { key: 'command.settingsUnwritableRestart' } } });
    await post(c, 'first');
    expect(await listed(c)).toContain('first');
  });
});
