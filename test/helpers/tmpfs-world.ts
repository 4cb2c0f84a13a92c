// Per test: a fake Discord world, a small tmpfs to fill or mount read-only, and a slot for the core
// (shut down, every mount undone and the folder removed after the test, whatever happened in it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { ChatMessage } from '../../shared/types.js';
import { mountTmpfs, unmountAll } from './disk.js';
import { createWorld, nextEvent, type World } from './world.js';

export interface TmpfsWorld {
  world: World;
  /** The tmpfs (6 MiB): a data folder goes below it. */
  mountDir: string;
  core: Core | null;
  /** Posts `content` as the world's user; resolves with the message once `core` announced it. */
  post(core: Core, content: string, timeoutMs?: number): Promise<ChatMessage>;
}

export function tmpfsWorldEach(prefix: string): TmpfsWorld {
  const t: TmpfsWorld = {
    world: undefined as unknown as World,
    mountDir: '',
    core: null,
    post: (core, content, timeoutMs = 20_000) => {
      const created = nextEvent(core, 'message.created', (m) => m.content === content, timeoutMs);
      t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content });
      return created;
    },
  };
  beforeEach(async () => {
    t.world = await createWorld();
    t.mountDir = mkdtempSync(join(tmpdir(), prefix));
    mountTmpfs(t.mountDir);
  });
  afterEach(async () => {
    try {
      await t.core?.shutdown();
    } finally {
      t.core = null;
      // Unmounted whatever happened above: a test must not leave a mount behind.
      unmountAll();
      rmSync(t.mountDir, { recursive: true, force: true });
      await t.world.close();
    }
  });
  return t;
}
