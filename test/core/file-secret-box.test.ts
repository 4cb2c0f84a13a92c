// The headless token file: concurrent writes each use their own temp file, and one always wins whole.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';

const dir = tempDirPerTest('dm-secret-box-');

it('two writes at once both succeed, leave one whole token and no temp file', async () => {
  const box = new FileSecretBox(join(dir(), 'token'));
  for (let round = 0; round < 10; round++) {
    const results = await Promise.allSettled([box.set(`token-A-${round}`), box.set(`token-B-${round}`), box.set(`token-C-${round}`)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(readFileSync(join(dir(), 'token'), 'utf8')).toMatch(new RegExp(`^token-[ABC]-${round}$`));
    expect(readdirSync(dir())).toEqual(['token']);
  }
});
