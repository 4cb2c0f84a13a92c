// Messages held in memory while the disk refuses writes are still the channel's newest: a panel opened
// (or reloaded) meanwhile reads its pages through messages.list, which read only the database, so the
// newest messages were missing from it until the disk took writes again. The fault is real: the database's
// files flagged immutable (chattr +i, as root on ext4), SQLite's writes fail with EPERM.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { ChatMessage } from '../../shared/types.js';
import { call } from '../helpers/core-calls.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, startConnected, type World } from '../helpers/world.js';

const DEADLINE_MS = 30_000;
let world: World;
let core: Core | null = null;
const flagged: string[] = [];
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });
afterEach(() => {
  for (const f of flagged.splice(0)) execFileSync('chattr', ['-i', f]);
});

function flagImmutable(dataDir: string): void {
  for (const f of ['messages.sqlite', 'messages.sqlite-wal']) {
    const file = join(dataDir, f);
    try {
      execFileSync('chattr', ['+i', file], { stdio: 'pipe' });
    } catch (err) {
      throw new Error(`This test flags files immutable (run as root on ext4): chattr +i ${file} failed: ${String(err)}`, { cause: err });
    }
    flagged.push(file);
  }
}

const contents = (ms: ChatMessage[]) => ms.map((m) => m.content);

describe('messages held in memory by a disk fault', { timeout: 60_000 }, () => {
  it('are in the pages the panel reads, in order, newest page and older pages alike', async () => {
    core = await coreFor(world, configuredEnv(world));
    const c = await startConnected(core, DEADLINE_MS);
    const post = async (content: string) => {
      const seen = nextEvent(c, 'message.created', (m) => m.content === content, DEADLINE_MS);
      world.fake.postMessage(world.channelId, { authorId: world.userId, content });
      return seen;
    };
    for (let i = 1; i <= 5; i++) await post(`stored ${i}`);
    await call(c, 'messages.list', { limit: 1 }); // written
    flagImmutable(world.dataDir);
    const saidFault = nextEvent(c, 'log.entry', (e) => e.message.startsWith('Cannot save messages'), DEADLINE_MS);
    const held: ChatMessage[] = [];
    for (let i = 1; i <= 5; i++) held.push(await post(`held ${i}`));
    await saidFault;

    const newest = await call<ChatMessage[]>(c, 'messages.list', { limit: 6 });
    expect(contents(newest)).toEqual(['stored 5', 'held 1', 'held 2', 'held 3', 'held 4', 'held 5']);
    const older = await call<ChatMessage[]>(c, 'messages.list', { limit: 3, before: held[2]!.id });
    expect(contents(older)).toEqual(['stored 5', 'held 1', 'held 2']);
    const newer = await call<ChatMessage[]>(c, 'messages.list', { limit: 3, after: held[0]!.id });
    expect(contents(newer)).toEqual(['held 2', 'held 3', 'held 4']);
    const around = await call<ChatMessage[]>(c, 'messages.list', { limit: 4, around: held[1]!.id });
    expect(contents(around)).toEqual(['stored 5', 'held 1', 'held 2', 'held 3']);
  });
});
