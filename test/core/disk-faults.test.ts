// Disk faults against a real filesystem: a tiny tmpfs filled to the last byte (ENOSPC) and a
// read-only bind mount over the data folder (EROFS). We run as root, so mounting is possible here;
// if it is not, the test fails saying so rather than skipping.
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { ChatMessage } from '../../shared/types.js';
import { fillDisk, mountReadOnly, mountTmpfs, unmountAll, unmountLast } from '../helpers/disk.js';
import { configuredEnv, coreFor, createWorld, nextEvent, type World, startConnected } from '../helpers/world.js';

const DEADLINE_MS = 20_000;
let world: World;
let mountDir: string;
let core: Core | null = null;

beforeEach(async () => {
  world = await createWorld();
  mountDir = mkdtempSync(join(tmpdir(), 'dm-disk-'));
  mountTmpfs(mountDir);
});
afterEach(async () => {
  try {
    await core?.shutdown();
  } finally {
    core = null;
    // Unmounted whatever happened above: a test must not leave a mount behind.
    unmountAll();
    rmSync(mountDir, { recursive: true, force: true });
    await world.close();
  }
});

async function connectedCore(dataDir: string): Promise<Core> {
  core = await coreFor({ ...world, dataDir }, configuredEnv(world));
  return startConnected(core, DEADLINE_MS);
}

async function post(c: Core, content: string): Promise<ChatMessage> {
  const created = nextEvent(c, 'message.created', (m) => m.content === content, DEADLINE_MS);
  world.fake.postMessage(world.channelId, { authorId: world.userId, content });
  return created;
}

describe('disk faults', { timeout: 60_000 }, () => {
  it('a full disk is said in the panel, live monitoring goes on, storing resumes when space is back, nothing is lost', async () => {
    const dataDir = join(mountDir, 'data');
    const c = await connectedCore(dataDir);
    await post(c, 'before');
    const filler = fillDisk(mountDir);
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
    core = await coreFor({ ...world, dataDir }, configuredEnv(world));
    const listed = await core.dispatch('messages.list', { limit: 100 });
    expect(listed.ok && listed.value.map((m) => m.content)).toEqual(['before', ...during.map((_, i) => `during ${i}`), 'after']);
  });

  it('a read-only data folder is said in the panel, live monitoring goes on, storing resumes when writable again', async () => {
    const dataDir = join(mountDir, 'data');
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
    core = await coreFor({ ...world, dataDir }, configuredEnv(world));
    const listed = await core.dispatch('messages.list', { limit: 100 });
    expect(listed.ok && listed.value.map((m) => m.content)).toEqual(['before', 'during', 'after']);
  });
});
