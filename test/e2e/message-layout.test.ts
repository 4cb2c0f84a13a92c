// Hostile messages in real Chromium (issue 7, item 12): nothing a Discord user can post makes the
// message list wider than its box, and a name with a right-to-left override does not read reversed.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../helpers/world.js';
import { openConnected, startPanelWorld, type PanelWorld } from './panel-world.js';

let stage: PanelWorld;
let world: World;
let page: Page;

beforeAll(async () => {
  stage = await startPanelWorld('layout');
  world = stage.world;
  page = await openConnected(stage, { width: 800, height: 600 });
});

afterAll(() => stage?.close());

/** Each fits Discord's 2,000-character limit. */
const HOSTILE: Record<string, string> = {
  '500 nested quotes': `${'>'.repeat(500)} deep`,
  '200-level list on one line': `${'- '.repeat(200)}x`,
  'quotes and lists alternating': `${'> - '.repeat(120)}y`,
  'unbroken word': 'W'.repeat(1990),
  'unbroken link': `https://example.com/${'a'.repeat(1900)}`,
  'unbroken inline code': `\`${'c'.repeat(1900)}\``,
  'code block with a long line': `\`\`\`\n${'d'.repeat(1900)}\n\`\`\``,
  'wide table': `${'| h '.repeat(60)}|\n${'|---'.repeat(60)}|\n${'| cell '.repeat(60)}|`,
  'unbroken heading': `# ${'H'.repeat(1900)}`,
  'unbroken spoiler': `||${'S'.repeat(1900)}||`,
};

interface Widths {
  list: { scroll: number; client: number };
  row: { scroll: number; client: number };
}

async function post(content: string, authorId = world.userId): Promise<string> {
  const posted = world.fake.postMessage(world.channelId, { authorId, content });
  await page.locator(`[data-message-id="${posted.id}"]`).waitFor({ timeout: 5000 });
  return posted.id;
}

async function widths(id: string): Promise<Widths> {
  const box = (selector: string) => page.locator(selector).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  return { list: await box('[data-testid="message-list"]'), row: await box(`[data-message-id="${id}"]`) };
}

describe('message layout in Chromium', () => {
  it.each(Object.entries(HOSTILE))('%s: the message list is never wider than its box', async (name, content) => {
    const id = await post(content);
    for (const width of [800, 420]) {
      await page.setViewportSize({ width, height: 600 });
      await page.locator(`[data-message-id="${id}"]`).scrollIntoViewIfNeeded();
      const w = await widths(id);
      console.log(`[measure] ${name} at ${width} px: list ${w.list.scroll}/${w.list.client} px, row ${w.row.scroll}/${w.row.client} px`);
      expect(w.list.scroll).toBeLessThanOrEqual(w.list.client);
      expect(w.row.scroll).toBeLessThanOrEqual(w.row.client);
    }
    await page.setViewportSize({ width: 800, height: 600 });
  });

  it('an author named "\\u202Enimda" is drawn left to right as "nimda", never as "admin"', async () => {
    const eve = world.fake.addUser({ username: 'eve', globalName: '\u202Enimda' });
    const id = await post('hello', eve.id);
    const drawn = await page.locator(`[data-message-id="${id}"] .message__author bdi`).evaluate((name) => {
      const text = name.firstChild!;
      const data = text.textContent ?? '';
      // Where Chromium actually paints each character, left to right.
      const boxes = [...data].map((char, i) => {
        const range = name.ownerDocument.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return { char, left: range.getBoundingClientRect().left };
      });
      return { text: data, visual: boxes.sort((a, b) => a.left - b.left).map((b) => b.char).join('') };
    });
    expect(drawn.text).toBe('nimda');
    expect(drawn.visual).toBe('nimda');
  });
});
