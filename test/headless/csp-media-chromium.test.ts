// The panel's Content-Security-Policy (sent by the headless server and by the desktop window, one
// constant) in real Chromium: what the message view needs runs under it without weakening it.
// lottie-web's light build draws a sticker with no eval; videos (gifv, attachments) load from a
// CDN on another origin; a frame to another site is still refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../electron/headless/http-server.js';
import { withPanelCsp } from '../../electron/headless/http/security-headers.js';
import { lottieFor } from '../fake-discord/lottie.js';
import { launchBrowser } from '../e2e/browser.js';

// The panel page carries the policy twice — the server's header and its own <meta> (a desktop window
// loaded from a file gets no headers) — and Chromium enforces both: the page's <meta>, as the build
// writes it into index.html, goes into the test page too.
const PANEL_HTML = withPanelCsp(readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8'));
const META_CSP = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(PANEL_HTML)?.[1];
if (!META_CSP) throw new Error('renderer/index.html has no Content-Security-Policy <meta>');

const LOTTIE_LIGHT = readFileSync(createRequire(import.meta.url).resolve('lottie-web/build/player/lottie_light.min.js'), 'utf8');

// Listens before anything loads, so every violation of the page is counted.
const WATCH = `window.violations = []; document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));`;
const PLAY = `fetch('/sticker.json').then((r) => r.json()).then((data) => {
  window.anim = lottie.loadAnimation({ container: document.getElementById('sticker'), renderer: 'svg', loop: true, autoplay: true, animationData: data });
  window.anim.addEventListener('DOMLoaded', () => { window.drawn = true; });
});`;

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  server.on('error', () => {});
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

let panel: { server: Server; origin: string };
let cdn: { server: Server; origin: string };
let browser: Browser;
const cdnHits: string[] = [];

beforeAll(async () => {
  // A stand-in for Discord's CDN on another origin: the video bytes do not matter, only whether Chromium asks.
  cdn = await listen((req, res) => {
    cdnHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'video/mp4' });
    res.end(Buffer.alloc(64));
  });
  panel = await listen((req, res) => {
    const body: Record<string, [string, string]> = {
      '/': ['text/html', `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${META_CSP}"><script src="/watch.js"></script><script src="/lottie.js"></script></head><body>
        <div id="sticker" style="width:160px;height:160px"></div>
        <video id="gifv" src="${cdn.origin}/attachments/1/2/wave.mp4" muted loop autoplay playsinline></video>
        <iframe id="player" src="${cdn.origin}/embed/video"></iframe>
        <script src="/play.js"></script></body></html>`],
      '/watch.js': ['text/javascript', WATCH],
      '/lottie.js': ['text/javascript', LOTTIE_LIGHT],
      '/play.js': ['text/javascript', PLAY],
      '/sticker.json': ['application/json', lottieFor('749054660769218631')],
    };
    const hit = Object.hasOwn(body, req.url ?? '') ? body[req.url!] : undefined;
    if (!hit) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': hit[0], 'content-security-policy': CSP });
    res.end(hit[1]);
  });
  browser = await launchBrowser();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  panel?.server.close();
  cdn?.server.close();
});

describe('the panel CSP in Chromium', { timeout: 30_000 }, () => {
  it("plays a Lottie sticker with lottie-web's light build and loads CDN video, without 'unsafe-eval'; frames stay refused", async () => {
    expect(CSP).not.toContain('unsafe-eval');
    const page = await browser.newPage();
    await page.goto(`${panel.origin}/`);
    await page.waitForFunction(() => (globalThis as unknown as { drawn?: boolean }).drawn === true, undefined, { timeout: 10_000 });
    // Chromium has asked the CDN for the video (or refused it, which the violations list would say).
    await expect.poll(() => cdnHits.some((u) => u.endsWith('/wave.mp4')) || page.evaluate(() => (globalThis as unknown as { violations: string[] }).violations.length > 0), { timeout: 10_000 }).toBe(true);
    const violations = await page.evaluate(() => (globalThis as unknown as { violations: string[] }).violations);
    // Only the frame is refused (once by each policy). No eval for the player, no block for the CDN's video.
    expect(new Set(violations)).toEqual(new Set([`frame-src ${cdn.origin}`]));
    expect(cdnHits).toContain('/attachments/1/2/wave.mp4');
    expect(await page.locator('#sticker svg path').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (globalThis as unknown as { anim: { isPaused: boolean; totalFrames: number } }).anim.totalFrames)).toBe(30);
    await page.close();
  });
});
