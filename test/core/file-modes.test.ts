// Secrets on disk are readable by the user alone: the data folder 0700, every file the app writes
// 0600 (settings, tokens, SQLite + WAL/SHM, logs, journal, backups, notices), set at creation and
// repaired at start when found looser. Real files, real SQLite, a real bot on the fake Discord.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { createFileConfigBackup } from '../../electron/core/update/config-backup.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { coreFor, createWorld, nextEvent, TOKEN, waitState, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
let appDir: string;

beforeEach(() => {
  appDir = mkdtempSync(join(tmpdir(), 'dm-modes-app-'));
});
afterEach(async () => {
  await core?.shutdown();
  core = null;
  await world.close();
  rmSync(appDir, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

/** Every file and folder under `dir`, with its mode. */
function modes(dir: string): Array<{ path: string; dir: boolean; mode: number }> {
  const out: Array<{ path: string; dir: boolean; mode: number }> = [{ path: dir, dir: true, mode: mode(dir) }];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...modes(path));
    else out.push({ path, dir: false, mode: mode(path) });
  }
  return out;
}

/** Starts the core, saves a token, runs the bot until a message is stored, and writes a journal entry and a backup. */
async function useEverything(c: Core): Promise<void> {
  await c.dispatch('settings.save', { token: TOKEN, guildId: world.guildId, channelId: world.channelId });
  c.settings.accessToken();
  const connected = waitState(c, 'connected');
  await c.dispatch('bot.start');
  await connected;
  const stored = nextEvent(c, 'message.created');
  world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'hello' });
  await stored;
  await new UpdateJournal(world.dataDir).begin({ from: 'abc123' });
  // .env in the app folder is the user's (0644 here); its copy in the data folder must still be private.
  writeFileSync(join(appDir, '.env'), 'X=1\n', { mode: 0o644 });
  await createFileConfigBackup({
    files: [c.settings.file, join(world.dataDir, 'token'), join(appDir, '.env')],
    backupDir: join(world.dataDir, 'backups'),
  }).snapshot();
  await c.dispatch('bot.stop');
}

describe('file modes', () => {
  it('everything the app writes is created 0600 in 0700 folders', async () => {
    world = await createWorld();
    // A fresh data folder as the user's umask (022 here) would make it.
    chmodSync(world.dataDir, 0o755);
    core = await coreFor(world, {});
    await useEverything(core);
    // While running: SQLite folds the WAL back and deletes it on close.
    const wal = join(world.dataDir, 'messages.sqlite-wal');
    expect(statSync(wal).size).toBeGreaterThan(0);
    const running = modes(world.dataDir);
    await core.shutdown();
    core = null;

    const all = [...running, ...modes(world.dataDir)];
    const names = all.map((e) => e.path.slice(world.dataDir.length + 1));
    for (const expected of ['settings.json', 'token', 'access-token', 'messages.sqlite', 'messages.sqlite-wal', 'messages.sqlite-shm', 'last-seen.json', 'update-journal.json', 'logs/app.log']) {
      expect(names).toContain(expected);
    }
    expect(names.some((n) => n.startsWith('backups/') && n.endsWith('-.env'))).toBe(true);
    const loose = all.filter((e) => e.mode !== (e.dir ? 0o700 : 0o600)).map((e) => `${e.path} ${e.mode.toString(8)}`);
    expect(loose).toEqual([]);
  });

  it('files left looser by 3.0 are tightened at start, each with a log line', async () => {
    world = await createWorld();
    const dir = world.dataDir;
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 2, guildId: world.guildId, headlessAccessToken: 'legacy-access-token-0123456789' }), { mode: 0o644 });
    writeFileSync(join(dir, 'token'), TOKEN, { mode: 0o644 });
    writeFileSync(join(dir, 'last-seen.json'), '{}', { mode: 0o666 });
    writeFileSync(join(dir, 'identify-gate.json'), '{}', { mode: 0o644 });
    writeFileSync(join(dir, 'backfill.json'), '{}', { mode: 0o644 });
    mkdirSync(join(dir, 'logs'), { mode: 0o755 });
    writeFileSync(join(dir, 'logs', 'app.log'), '', { mode: 0o644 });
    writeFileSync(join(dir, 'logs', 'app.1.log'), '', { mode: 0o644 });
    // Not the app's (Chromium's, in Electron's userData): left alone.
    mkdirSync(join(dir, 'GPUCache'), { mode: 0o755 });

    core = await coreFor(world, {});
    core.log.flush();
    for (const path of [join(dir, 'settings.json'), join(dir, 'token'), join(dir, 'last-seen.json'), join(dir, 'logs', 'app.log'), join(dir, 'logs', 'app.1.log'), join(dir, 'access-token'), join(dir, 'identify-gate.json'), join(dir, 'backfill.json')]) {
      expect(mode(path), path).toBe(0o600);
    }
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'logs'))).toBe(0o700);
    expect(mode(join(dir, 'GPUCache'))).toBe(0o755);
    const log = readFileSync(core.log.file, 'utf8');
    expect(log).toContain(`Tightened permissions of ${join(dir, 'settings.json')} from 0644 to 0600`);
    expect(log).toContain(`Tightened permissions of ${dir} from 0755 to 0700`);
    expect(core.log.recent().some((e) => e.level === 'warn' && e.message.includes(`${join(dir, 'token')} from 0644`))).toBe(true);
    // Repaired once: the next start has nothing to say.
    await core.shutdown();
    core = await coreFor(world, {});
    expect(core.log.recent().filter((e) => e.message.startsWith('Tightened')).map((e) => e.message)).toEqual([]);
  });

  it('a settings file moved aside is private too', async () => {
    world = await createWorld();
    writeFileSync(join(world.dataDir, 'settings.json'), '[1,2,3]', { mode: 0o644 });
    core = await coreFor(world, {});
    const aside = readdirSync(world.dataDir).find((f) => f.startsWith('settings.corrupt-'))!;
    expect(mode(join(world.dataDir, aside))).toBe(0o600);
    expect(mode(join(world.dataDir, 'notices.json'))).toBe(0o600);
  });
});
