// Disk faults against a real filesystem: a tiny tmpfs filled to the last byte (ENOSPC) and a
// read-only bind mount over the data folder (EROFS). We run as root, so mounting is possible here;
// if it is not, the test fails saying so rather than skipping.
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { fillDisk, mountReadOnly, unmountLast } from '../helpers/disk.js';
import { tmpfsWorldEach } from '../helpers/tmpfs-world.js';
import { configuredEnv, coreFor, nextEvent, startConnected } from '../helpers/world.js';

const DEADLINE_MS = 20_000;
const t = tmpfsWorldEach('dm-disk-');

async function connectedCore(dataDir: string): Promise<Core> {
  t.core = await coreFor({ ...t.world, dataDir }, configuredEnv(t.world));
  return startConnected(t.core, DEADLINE_MS);
}

const post = (c: Core, content: string) => t.post(c, content, DEADLINE_MS);

describe('disk faults', { timeout: 60_000 }, () => {
  it('a full disk is said in the panel, live monitoring goes on, storing resumes when space is back, nothing is lost', async () => {
    const dataDir = join(t.mountDir, 'data');
    const c = await connectedCore(dataDir);
    await post(c, 'before');
    const filler = fillDisk(t.mountDir);
    const said = nextEvent(c, 'log.entry', (e) => e.message.startsWith('Cannot save messages: the disk is full — still monitoring live'), DEADLINE_MS);
    const during = [];
    for (let i = 0; i < 20; i++) during.push((await post(c, `during ${i}`)).id);
    // Said by key too, so a French panel says it in French.
    expect((await said).i18n).toMatchObject({ key: 'storage.diskFull', params: { dir: dataDir } });
    expect(c.monitor.status().state).toBe('connected');

    unlinkSync(filler);
    const resumed = nextEvent(c, 'log.entry', (e) => e.message.startsWith('Saving messages again'), DEADLINE_MS);
    await post(c, 'after');
    expect((await resumed).i18n?.key).toBe('storage.resumed');
    await c.shutdown();
    t.core = await coreFor({ ...t.world, dataDir }, configuredEnv(t.world));
    const listed = await t.core.dispatch('messages.list', { limit: 100 });
    expect(listed.ok && listed.value.map((m) => m.content)).toEqual(['before', ...during.map((_, i) => `during ${i}`), 'after']);
  });

  it('a read-only data folder is said in the panel, live monitoring goes on, storing resumes when writable again', async () => {
    const dataDir = join(t.mountDir, 'data');
    const c = await connectedCore(dataDir);
    await post(c, 'before');
    // A read-only bind mount over the data folder: new files (the resume point's temp file) get EROFS.
    mountReadOnly(dataDir);
    const said = nextEvent(c, 'log.entry', (e) => e.message.startsWith('Cannot save messages: the data folder is read-only — still monitoring live'), DEADLINE_MS);
    await post(c, 'during');
    await said;
    unmountLast();
    const resumed = nextEvent(c, 'log.entry', (e) => e.message.startsWith('Saving messages again'), DEADLINE_MS);
    await post(c, 'after');
    await resumed;
    await c.shutdown();
    t.core = await coreFor({ ...t.world, dataDir }, configuredEnv(t.world));
    const listed = await t.core.dispatch('messages.list', { limit: 100 });
    expect(listed.ok && listed.value.map((m) => m.content)).toEqual(['before', 'during', 'after']);
  });
});
