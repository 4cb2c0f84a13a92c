// The notice "the bot token could not be moved to secure storage" is true until a start moves it; it
// stayed in the panel after that start until dismissed by hand, telling the user saves were refused
// when they were not. A start that moved the token takes it away.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { coreFor, eachWorld, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

const V1_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.inline-token.abcdefghijklmnop';

it('is shown while the token stays in settings.json and gone once a start has moved it', async () => {
  writeFileSync(join(world.dataDir, 'settings.json'), JSON.stringify({ token: V1_TOKEN, guildId: world.guildId, channelId: world.channelId }));
  const box = Object.assign(new FileSecretBox(join(world.dataDir, 'token')), { failing: true });
  const set = box.set.bind(box);
  box.set = async (secret: string) => {
    if (box.failing) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    return set(secret);
  };
  const codes = async (c: Core) => {
    const reply = await c.dispatch('app.notices');
    return reply.ok ? reply.value.map((n) => n.code) : [];
  };

  core = await coreFor(world, {}, { secrets: box });
  expect(await codes(core)).toContain('token-not-moved');
  await core.shutdown();

  box.failing = false;
  core = await coreFor(world, {}, { secrets: box });
  expect(await box.get()).toBe(V1_TOKEN);
  expect(await codes(core)).not.toContain('token-not-moved');
});
