// What the built headless app holds once idle with the bot connected (issue 10 §5), read by a probe
// preloaded into the real process (test/helpers/memory-probe.mjs): which package files it loaded and
// how large V8's young generation is. Builds the Node entries into a temp folder (not the shared .vite).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MALLOC_TUNING } from '../../electron/headless/malloc-tuning.js';
import { startProbedBuild, type ProbedBuild } from '../helpers/probed-build.js';

const MiB = 2 ** 20;

interface Probed {
  spaces: Record<string, number>;
  intl: Record<string, number>;
  builtins: string[];
  malloc: Record<string, string>;
  packages: string[];
  packageFiles: string[];
}

let built: ProbedBuild;
let idle: Probed;

beforeAll(async () => {
  built = await startProbedBuild('dm-idle-footprint-');
  idle = await built.probe<Probed>();
}, 120_000);

afterAll(() => built?.close());

describe('the headless app at idle, bot connected', () => {
  it('loads @discordjs/ws once, the CommonJS build discord.js requires (an ESM import would load a second copy)', () => {
    expect(idle.packages).toContain('discord.js');
    const wsFiles = idle.packageFiles.filter((f) => f.startsWith('@discordjs/ws/'));
    expect(wsFiles).toContain('@discordjs/ws/dist/index.js');
    expect(wsFiles).not.toContain('@discordjs/ws/dist/index.mjs');
  });

  it('has not loaded execa: the updater loads it when it runs its first command (≈2.8 MiB)', () => {
    expect(idle.packages).toContain('better-sqlite3');
    expect(idle.packages).not.toContain('execa');
  });

  it("has not loaded zod's 40-odd error-message locales (zod is bundled, so unused parts are left out: ≈3 MiB)", () => {
    // conf is bundled too (scripts/build.mjs): a package it imports stands for it.
    expect(idle.packages).toContain('atomically');
    expect(idle.packageFiles.filter((f) => f.startsWith('zod/'))).toEqual([]);
  });

  it('has not loaded csv-stringify: the archive writers (CSV, HTML, text) load when an export runs', () => {
    expect(idle.packages).toContain('better-sqlite3');
    expect(idle.packages).not.toContain('csv-stringify');
  });

  it('has built no Intl formatter (the first one maps ICU data in, ≈5–9 MiB): the log says its numbers in plain English', () => {
    expect(idle.packages).toContain('pino');
    expect(idle.intl).toEqual({});
  });

  it("has not loaded Node's bundled undici (reading the global FormData loads it, as @discordjs/rest does, and so does an ESM import of node:http): ≈4 MiB", () => {
    expect(idle.builtins).toContain('http');
    expect(idle.builtins.filter((m) => m.includes('undici'))).toEqual([]);
  });

  it("runs with malloc's settings (fixed mmap threshold, one arena), set by re-executing itself in place (same pid as started)", () => {
    expect(idle.malloc).toEqual(MALLOC_TUNING);
    expect(built.healthPid).toBe(built.app.child.pid);
  });

  it('keeps V8 young generation small (the defaults let it grow to 2 × 16 MiB during startup and keep it)', () => {
    expect(idle.spaces.new_space).toBeGreaterThan(0);
    expect(idle.spaces.new_space! / MiB).toBeLessThanOrEqual(8);
  });
});
