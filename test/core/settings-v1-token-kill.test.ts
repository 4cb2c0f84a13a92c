// A real SIGKILL while a version-1 settings.json (bot token inline) is upgraded: whether it lands before
// or after the token reached the SecretBox, the next start still has the token.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { Settings } from '../../electron/core/settings/settings.js';
import { confStore } from '../../electron/headless/run.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';
import { TS_NODE } from '../helpers/ts-node.js';
import { APP_DIR } from '../helpers/world.js';

const dir = tempDirPerTest('dm-v1-token-kill-');
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.inline-token.abcdefghijklmnop';
const V1 = JSON.stringify({ token: TOKEN, guildId: '123456789012345678', channelId: '123456789012345679' });

/** Starts the settings in a child killed when the token is about to be stored, or just after. */
function killedStart(when: 'before-store' | 'after-store'): NodeJS.Signals | null {
  const script = join(dir(), 'start.ts');
  const mod = (path: string) => JSON.stringify(join(APP_DIR, path));
  writeFileSync(
    script,
    [
      `import { FileSecretBox } from ${mod('electron/core/settings/file-secret-box.ts')};`,
      `import { Settings } from ${mod('electron/core/settings/settings.ts')};`,
      `import { confStore } from ${mod('electron/headless/run.ts')};`,
      `const dir = ${JSON.stringify(dir())};`,
      "const box = new FileSecretBox(dir + '/token');",
      'const set = box.set.bind(box);',
      when === 'before-store'
        ? "box.set = async (s) => { process.kill(process.pid, 'SIGKILL'); await set(s); };"
        : "box.set = async (s) => { await set(s); process.kill(process.pid, 'SIGKILL'); };",
      "await Settings.open({ dataDir: dir, appDir: dir, env: {}, secrets: box, storeFactory: confStore });",
    ].join('\n'),
  );
  const child = spawnSync(process.execPath, [...TS_NODE, script], { cwd: APP_DIR, stdio: ['ignore', 'ignore', 'inherit'], timeout: 60_000 });
  return child.signal;
}

for (const when of ['before-store', 'after-store'] as const) {
  it(`killed ${when}: the next start has the token and the file is upgraded`, async () => {
    writeFileSync(join(dir(), 'settings.json'), V1);
    expect(killedStart(when)).toBe('SIGKILL');
    // The file keeps the token until the SecretBox has it.
    expect(readFileSync(join(dir(), 'settings.json'), 'utf8')).toBe(V1);
    const secrets = new FileSecretBox(join(dir(), 'token'));
    const settings = await Settings.open({ dataDir: dir(), appDir: dir(), env: {}, secrets, storeFactory: confStore });
    expect(settings.view()).toMatchObject({ token: { set: true, source: 'stored' }, configured: true });
    expect(await secrets.get()).toBe(TOKEN);
    expect(readFileSync(join(dir(), 'settings.json'), 'utf8')).not.toContain(TOKEN);
    settings.close();
  }, 90_000);
}
