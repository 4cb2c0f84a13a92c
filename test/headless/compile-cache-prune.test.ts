// The compile cache folder stays bounded: other Node versions' or V8 flag sets' subfolders go, and the
// one in use is emptied past the cap (real files in a temp folder). The built app runs it: compile-cache.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneCompileCache } from '../../electron/headless/compile-cache-prune.js';
import { enableCompileCache } from '../../electron/headless/compile-cache.js';

const tmp = mkdtempSync(join(tmpdir(), 'dm-cc-prune-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function cacheWith(subfolders: Record<string, number[]>): string {
  const root = join(tmp, `cache-${++n}`);
  for (const [sub, sizes] of Object.entries(subfolders)) {
    mkdirSync(join(root, sub), { recursive: true });
    sizes.forEach((size, i) => writeFileSync(join(root, sub, `entry${i}`), Buffer.alloc(size)));
  }
  return root;
}

describe('pruning the compile cache', () => {
  it('removes the subfolders of other Node versions or V8 flags and keeps the active one under the cap', async () => {
    const root = cacheWith({ 'v24.21.0-x64-14aa2710-0': [100, 200], 'v22.12.0-x64-964aae3f-0': [100], 'v24.21.0-x64-964aae3f-0': [] });
    const removed = await pruneCompileCache(join(root, 'v24.21.0-x64-14aa2710-0'), 1000);
    expect(readdirSync(root)).toEqual(['v24.21.0-x64-14aa2710-0']);
    expect(readdirSync(join(root, 'v24.21.0-x64-14aa2710-0')).sort()).toEqual(['entry0', 'entry1']);
    expect(removed).toHaveLength(2);
  });

  it('empties the active subfolder once it holds more than the cap', async () => {
    const root = cacheWith({ active: [600, 600] });
    await pruneCompileCache(join(root, 'active'), 1000);
    expect(readdirSync(join(root, 'active'))).toEqual([]);
  });

  it('does nothing, without throwing, when nothing was written yet', async () => {
    await expect(pruneCompileCache(join(tmp, 'never-made', 'v24'))).resolves.toEqual([]);
    expect(existsSync(join(tmp, 'never-made'))).toBe(false);
  });
});

describe('the active subfolder', () => {
  const api = (active: string) => ({ enableCompileCache: () => ({ status: 1 }), getCompileCacheDir: () => active, constants: { compileCacheStatus: { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 } } }) as never;

  it("is named only when Node's folder is inside ours: a cache enabled elsewhere first is never pruned", () => {
    const dataDir = join(tmp, 'data');
    expect(enableCompileCache(['--data-dir', dataDir], { DISCORD_MONITOR_COMPILE_CACHE: '1' }, api(join(dataDir, 'compile-cache', 'v24-x')))).toMatchObject({ status: 'enabled', active: join(dataDir, 'compile-cache', 'v24-x') });
    expect(enableCompileCache(['--data-dir', dataDir], { DISCORD_MONITOR_COMPILE_CACHE: '1' }, api('/somewhere/else/v24-x'))).not.toHaveProperty('active');
  });
});
