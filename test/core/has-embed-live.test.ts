// `has:embed` against messages as the app stores them (the embeds under `view`), posted through the
// fake Discord and discord.js: search and a filtered export both matched nothing, because both looked
// for a top-level `embeds` the store never holds (the unit test's hand-made row had one).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readJsonExport } from '../../electron/core/archive/import.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, startConnected, type World } from '../helpers/world.js';
import type { Core } from '../../electron/core/app-core.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

describe('has:embed', { timeout: 30_000 }, () => {
  it('finds the message whose link preview Discord sent, in search and in a filtered export', async () => {
    const target = join(world.dataDir, 'embeds.json');
    core = await startConnected(await coreFor(world, configuredEnv(world), { mode: 'electron', saveDialog: { choose: async () => target } }));
    const c = core;
    const last = nextEvent(c, 'message.created', (m) => m.content === 'plain words');
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'see the rack', extra: { embeds: [{ type: 'rich', title: 'Rack tour', description: 'photos' }] } });
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'plain words' });
    await last;
    await c.monitor.writesDone();

    const found = await c.dispatch('messages.search', { query: 'has:embed' });
    expect(found.ok && found.value.messages.map((m) => m.content)).toEqual(['see the rack']);

    const exported = await c.dispatch('archive.export', { format: 'json', filter: { query: 'has:embed' } });
    expect(exported.ok && exported.value).toMatchObject({ count: 1 });
    expect(readJsonExport(target).messages.map((m) => m.content)).toEqual(['see the rack']);
    expect(readFileSync(target, 'utf8')).toContain('Rack tour');
  });

  it('a message an earlier version indexed without its embed flag is found after the upgrade', async () => {
    core = await startConnected(await coreFor(world, configuredEnv(world)));
    const seen = nextEvent(core, 'message.created', (m) => m.content === 'see the rack');
    const posted = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'see the rack', extra: { embeds: [{ type: 'rich', title: 'Rack tour' }] } });
    await seen;
    await expect.poll(async () => { const r = await core!.dispatch('messages.search', { query: 'rack' }); return r.ok && r.value.messages.length; }, { timeout: 5_000 }).toBe(1);
    await core.shutdown();
    core = null;
    // The index as layout 2 left it: the row's "has" words without "embed".
    const db = new Database(join(world.dataDir, 'messages.sqlite'));
    db.prepare('UPDATE fts_layout SET version = 2').run();
    db.prepare('DELETE FROM messages_fts WHERE rowid = ?').run(BigInt(posted.id));
    db.prepare("INSERT INTO messages_fts (rowid, content, author, has) VALUES (?, 'see the rack', ?, '')").run(BigInt(posted.id), world.userId);
    expect(db.prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'has:embed'").get()).toEqual({ n: 0 });
    db.close();
    core = await startConnected(await coreFor(world, configuredEnv(world)));
    const found = await core.dispatch('messages.search', { query: 'has:embed' });
    expect(found.ok && found.value.messages.map((m) => m.id)).toEqual([posted.id]);
  });
});
