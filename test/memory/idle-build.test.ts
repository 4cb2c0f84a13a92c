// The built headless app's own cost at idle (issue 10 §5): V8 keeps every script's source text for as
// long as the app runs, as one byte per character only if all of it is ASCII; and what conf imports
// for a JSON schema we no longer give it (settings.json is checked with zod) is left out of the bundle.
// Builds the Node entries into a temp folder (not the shared .vite) and probes the running app.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProbedBuild, type ProbedBuild } from '../helpers/probed-build.js';

let built: ProbedBuild;
let buildDir: string;
let idle: { packages: string[]; files: string[] };

beforeAll(async () => {
  built = await startProbedBuild('dm-idle-build-');
  buildDir = built.buildDir;
  idle = await built.probe<typeof idle>();
}, 120_000);

afterAll(() => built?.close());

describe('the built headless app at idle', () => {
  it('runs only ASCII scripts: one non-ASCII character (a "—" in a message) doubles the memory V8 keeps for the source', () => {
    const loaded = idle.files.filter((f) => f.endsWith('.js'));
    expect(loaded.length).toBeGreaterThan(1);
    const built = new Set(['headless.js', ...readdirSync(join(buildDir, 'chunks'))]);
    for (const file of loaded.filter((f) => built.has(f))) {
      const text = readFileSync(join(buildDir, file === 'headless.js' ? '' : 'chunks', file), 'utf8');
      expect({ file, nonAscii: text.match(/\P{ASCII}/gu)?.slice(0, 5) ?? [] }).toEqual({ file, nonAscii: [] });
    }
  });

  it('has not loaded ajv: conf imports it for a JSON schema, and settings.json is checked with zod instead', () => {
    expect(idle.packages).toContain('atomically');
    expect(idle.packages.filter((p) => p.startsWith('ajv'))).toEqual([]);
  });
});
