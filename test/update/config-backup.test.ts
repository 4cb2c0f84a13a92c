// The settings snapshot an update takes holds everything the user set up: settings, the bot token,
// the headless panel's access token (bookmarked URLs) and the notices not yet read. A real core in a
// temp folder; the snapshot is restored after the files are lost or changed, as the pipeline does.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { coreFor, createWorld, TOKEN, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;

afterEach(async () => {
  await core?.shutdown();
  core = null;
  await world.close();
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('config backup of an update', () => {
  it('snapshots access-token 0600 and restores it like the settings; notices.json is the running app’s, not restored', async () => {
    world = await createWorld();
    // A corrupt settings file is moved aside with a notice: notices.json exists.
    writeFileSync(join(world.dataDir, 'settings.json'), '[1,2,3]');
    core = await coreFor(world, {});
    await core.dispatch('settings.save', { token: TOKEN, guildId: world.guildId, channelId: world.channelId });
    const access = core.settings.accessToken();
    const files = ['settings.json', 'access-token'].map((f) => join(world.dataDir, f));
    const notices = join(world.dataDir, 'notices.json');
    const before = files.map((f) => readFileSync(f, 'utf8'));
    expect(readFileSync(notices, 'utf8')).toContain('settings');

    const config = core.updates.config;
    const snapshot = await config.snapshot();
    const copies = readdirSync(snapshot).map((name) => join(snapshot, name));
    expect(copies.some((c) => c.endsWith('-access-token'))).toBe(true);
    expect(copies.some((c) => c.endsWith('-notices.json'))).toBe(false);
    expect(copies.filter((c) => mode(c) !== 0o600)).toEqual([]);

    // What a failed code update could leave: one file gone, one changed; and a notice the app wrote meanwhile.
    rmSync(files[1]!);
    writeFileSync(files[0]!, '{}');
    writeFileSync(notices, '[]');
    expect(await config.verify()).toBe(false);
    await config.restore(snapshot);
    expect(await config.verify()).toBe(true);
    expect(files.map((f) => readFileSync(f, 'utf8'))).toEqual(before);
    expect(files.map(mode)).toEqual([0o600, 0o600]);
    expect(readFileSync(files[1]!, 'utf8').trim()).toBe(access);
    expect(readFileSync(notices, 'utf8')).toBe('[]');
  });
});
