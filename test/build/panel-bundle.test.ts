// The panel's production bundle: code-split so the first screen loads only what it shows, with no
// chunk-size warning, and the Twemoji images beside it. Builds into a temp folder (not the shared .vite).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createLogger } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../electron/headless/http/security-headers.js';

const out = mkdtempSync(join(tmpdir(), 'panel-bundle-'));
const warnings: string[] = [];

beforeAll(async () => {
  const logger = createLogger('warn');
  const warn = logger.warn.bind(logger);
  logger.warn = (msg, opts) => {
    warnings.push(msg);
    warn(msg, opts);
  };
  await build({ configFile: 'vite.renderer.config.ts', customLogger: logger, logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every chunk the page loads before anything is clicked: index.html's scripts and their static imports. */
function firstScreen(): Set<string> {
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(out, file), 'utf8');
    // Static imports only (`import … from "./x.js"`); import("./x.js") is on demand.
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) pending.push(`assets/${m[1]}`);
  }
  return seen;
}

describe('panel bundle', () => {
  it("carries the server's policy in its own <meta> (a desktop window loaded from a file gets no headers)", () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const meta = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/g)].map((m) => m[1]);
    // Browsers enforce every policy a page gets: the <meta> must be the header's, minus frame-ancestors.
    expect(meta).toEqual([CSP.replace("; frame-ancestors 'none'", '')]);
  });

  it('prints no chunk-size warning: every chunk is under 500 kB', () => {
    expect(warnings.filter((w) => /larger than/i.test(w))).toEqual([]);
    for (const f of readdirSync(join(out, 'assets'))) expect(statSync(join(out, 'assets', f)).size, f).toBeLessThan(500 * 1024);
  });

  it('the highlighter, history and its stats chart are not loaded by the first screen, only on demand', () => {
    const first = firstScreen();
    expect(first.size).toBeGreaterThan(1);
    const assets = readdirSync(join(out, 'assets'));
    // Chunks are named after the module imported lazily (lib/discord/highlight.ts, components/history/…).
    for (const name of ['highlight', 'HistoryPanel', 'DayChart']) {
      const chunk = assets.filter((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
      expect(chunk, name).toHaveLength(1);
      expect(first.has(`assets/${chunk[0]}`), name).toBe(false);
    }
    const firstCode = [...first].map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    expect(firstCode).not.toContain('hljs-');
    expect(firstCode).not.toContain('uPlot');
  });

  it('ships the Twemoji images the view points at (./twemoji/<codepoints>.svg)', () => {
    expect(existsSync(join(out, 'twemoji', '1f525.svg'))).toBe(true);
    expect(existsSync(join(out, 'twemoji', '1f44d-1f3fd.svg'))).toBe(true);
    expect(readdirSync(join(out, 'twemoji')).length).toBeGreaterThan(3000);
  });
});
