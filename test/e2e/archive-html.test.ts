// The HTML export opened in real Chromium, offline: it shows every message (N articles with the
// panel's classes), the panel's styles apply, markdown is rendered and no script or remote CSS is needed;
// Unicode emoji are drawn from the Twemoji symbols inlined at the end (this machine has no emoji font).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportToFile } from '../../electron/core/archive/exporter.js';
import { ArchiveReader } from '../../electron/core/archive/reader.js';
import type { ChatMessage } from '../../shared/types.js';
import { CHANNEL, sampleMessage, storeWith, type StoredFixture } from '../helpers/archive-fixture.js';
import { launchBrowser, shoot } from './browser.js';

// What the message view stores beside the text: mention names, a reply, an embed, reactions.
function withView(m: ChatMessage): ChatMessage {
  return {
    ...m,
    view: {
      type: 19,
      mentions: { users: [{ id: '300000000000000002', name: 'Bobby' }], roles: [], channels: [], everyone: false },
      reply: { id: '1', author: 'Alice', excerpt: 'the **original**' },
      embeds: [{ type: 'rich', color: 0x5865f2, title: 'Build passed', description: 'All *green*', fields: [{ name: 'Tests', value: '42', inline: true }], timestamp: null }],
      stickers: [],
      reactions: [{ emoji: { id: null, name: '👍', animated: false, url: null }, count: 3 }],
      emojis: [],
      mentionsOwner: false,
    },
  };
}

let browser: Browser;
let fixture: StoredFixture;
let file: string;
const N = 1_500;

beforeAll(async () => {
  fixture = storeWith(N, (i) => (i === 0 ? sampleMessage(0, '**bold** ||secret|| <script>alert(1)</script> [masked](https://example.com/real)\n- first\n- second') : i === 1 ? withView(sampleMessage(1, 'hi <@300000000000000002> 🎉')) : sampleMessage(i)));
  file = join(fixture.dir, 'general.html');
  const reader = new ArchiveReader(fixture.file);
  await exportToFile(file, {
    reader,
    query: { channelId: CHANNEL },
    format: 'html',
    meta: { exportedAt: Date.now(), app: { name: 'Discord Monitor', version: 'test' }, guild: { id: '1', name: 'Home Lab' }, channel: { id: CHANNEL, name: 'general' }, filter: {}, locale: 'en' },
    redact: (t) => t,
  });
  reader.close();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  fixture?.close();
});

describe('HTML export in Chromium', () => {
  it('shows all N messages offline, styled like the panel, without running any script', async () => {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    // A static page, complete at its load event; poll's default second was too short for one count() on a loaded CI machine.
    await expect.poll(() => page.locator('article.message').count(), { timeout: 15_000 }).toBe(N);
    expect(await page.locator('.archive__foot').getAttribute('data-count')).toBe(String(N));
    // The panel's stylesheet is inline: the author name is bold (panel: 620) and the avatar round.
    const weight = await page.evaluate<string>("getComputedStyle(document.querySelector('.message__author')).fontWeight");
    expect(Number(weight)).toBeGreaterThanOrEqual(600);
    const first = page.locator('article.message').first();
    expect(await first.locator('strong').textContent()).toBe('bold');
    expect(await first.locator('.spoiler').count()).toBe(1);
    expect(await first.locator('ul > li').allTextContents()).toEqual(['first', 'second']);
    expect(await first.locator('a', { hasText: 'masked' }).getAttribute('href')).toBe('https://example.com/real');
    await page.setViewportSize({ width: 1000, height: 640 });
    await shoot(page, 'archive-html-export');
    const second = page.locator('article.message').nth(1);
    expect(await second.locator('.mention').textContent()).toBe('@Bobby');
    expect(await second.locator('.reply__author').textContent()).toBe('@Alice');
    expect(await second.locator('.reply__excerpt strong').textContent()).toBe('original');
    expect(await second.locator('.embed__title').textContent()).toBe('Build passed');
    expect(await second.locator('.embed__fields dd').textContent()).toBe('42');
    expect(await second.locator('.reaction').textContent()).toBe('👍3');
    // The script tag in the content is text, never an element.
    expect(await page.locator('script').count()).toBe(0);
    expect(await first.locator('.message__content').textContent()).toContain('<script>alert(1)</script>');
    // Only the file itself and (failing, offline) media links were requested: no stylesheet or script.
    expect(requests.filter((u) => !u.startsWith('file:') && !/\.(png|webp|gif)$/.test(new URL(u).pathname))).toEqual([]);
    await context.close();
  });

  it('draws Unicode emoji from the symbols at the end of the file, fetching nothing', async () => {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setViewportSize({ width: 1000, height: 640 });
    await page.goto(pathToFileURL(file).href);
    const second = page.locator('article.message').nth(1);
    const emoji = second.locator('.markdown svg.emoji');
    expect(await emoji.getAttribute('aria-label')).toBe('🎉');
    expect(await second.locator('.reaction svg.emoji').getAttribute('aria-label')).toBe('👍');
    // Sized like the panel's emoji (1.375em), and its <use> resolved the symbol written after every message.
    const box = await emoji.boundingBox();
    expect(box!.width).toBeGreaterThan(10);
    expect(box!.height).toBeGreaterThan(10);
    const drawn = await emoji.evaluate((el) => {
      const b = (el.querySelector('use') as SVGUseElement).getBBox();
      return { width: b.width, height: b.height };
    });
    expect(drawn.width).toBeGreaterThan(0);
    // Pixels: the emoji's box differs from the same box with the emoji hidden (a blank symbol would not).
    await emoji.scrollIntoViewIfNeeded();
    const clip = (await emoji.boundingBox())!;
    const shown = await page.screenshot({ clip });
    await emoji.evaluate((el) => ((el as SVGElement).style.visibility = 'hidden'));
    const hidden = await page.screenshot({ clip });
    expect(shown.equals(hidden)).toBe(false);
    // Only the file itself and media links (avatars, failing offline): no SVG, no twemoji folder.
    expect(requests.filter((u) => u !== pathToFileURL(file).href && !/\.(png|webp|gif)$/.test(new URL(u).pathname))).toEqual([]);
    await context.close();
  });

  it('is one file with its CSS inline', () => {
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/<style>[\s\S]*\.message__author[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
  });
});
