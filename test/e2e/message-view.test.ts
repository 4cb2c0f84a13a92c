// The message view in real Chromium against the fake Discord, through the real headless app: a
// reply that quotes its message, a mention by name, a bot's embed, and a reaction whose count
// follows MESSAGE_REACTION_ADD/REMOVE live; File components as file cards. SCREENSHOTS_DIR=docs/screenshots
// saves message-view.png and message-file-component.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkExpiry, unsignedLink } from '../../shared/attachment-links.js';
import type { World } from '../helpers/world.js';
import { shoot } from './browser.js';
import { openConnected, startPanelWorld, type PanelWorld } from './panel-world.js';

let stage: PanelWorld;
let world: World;
let page: Page;

beforeAll(async () => {
  stage = await startPanelWorld('view');
  world = stage.world;
  page = await openConnected(stage, { width: 900, height: 700 });
});

afterAll(() => stage?.close());

const message = (id: string) => page.locator(`[data-testid="message"][data-message-id="${id}"]`);

describe('message view in Chromium', () => {
  it('shows a reply with its quote, a mention by name, an embed, and a reaction that updates live', async () => {
    const bob = world.fake.addUser({ username: 'bob', globalName: 'Bob' });
    const alice = { id: world.userId, username: 'alice', global_name: 'Alice', discriminator: '0', avatar: null };
    const original = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'Deploy finished 🔥 in **42 s**' });
    await message(original.id).waitFor({ timeout: 5000 });

    // A reply (docs/resources/message, "Replies": type 19 + message_reference) that mentions Alice
    // and carries a bot-style embed whose images come from the configured CDN.
    const reply = world.fake.postMessage(world.channelId, {
      authorId: bob.id,
      content: 'Thanks <@' + world.userId + '>! Release notes below, due <t:1893456000:D>',
      extra: {
        type: 19,
        mentions: [alice],
        message_reference: { type: 0, message_id: original.id, channel_id: world.channelId, guild_id: world.guildId },
        embeds: [
          {
            type: 'rich',
            title: 'v3.1 released',
            url: 'https://example.com/releases/3.1',
            description: 'Highlights: **message view**, `search`, and ||a surprise||',
            color: 0x5865f2,
            fields: [
              { name: 'Messages', value: '12,345', inline: true },
              { name: 'Errors', value: '0', inline: true },
            ],
            thumbnail: { url: `${world.fake.cdnUrl}/embed/avatars/1.png`, width: 80, height: 80 },
            footer: { text: 'Release bot' },
            timestamp: new Date().toISOString(),
          },
        ],
      },
    });
    const row = message(reply.id);
    await row.waitFor({ timeout: 5000 });
    await expect.poll(() => row.locator('[data-testid="reply"]').textContent()).toContain('@Alice');
    expect(await row.locator('[data-testid="reply"]').textContent()).toContain('Deploy finished');
    expect(await row.locator('.markdown .mention').first().textContent()).toBe('@Alice');
    expect(await row.locator('.markdown').textContent()).not.toContain('<@');
    expect(await row.locator('[data-testid="embed"] .embed__title').textContent()).toBe('v3.1 released');
    expect(await row.locator('[data-testid="embed"] .embed__field').count()).toBe(2);
    const thumb = row.locator('.embed__thumbnail');
    // Loaded through the panel's media route from the fake CDN: 1 s (the poll's default) was too short under CI's load.
    await expect.poll(() => thumb.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    // Twemoji from the build, not an emoji font.
    const fire = message(original.id).locator('img.emoji[alt="🔥"]');
    await expect.poll(() => fire.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);

    // Reactions change live: two people add 🔥, one takes it back.
    const count = () => row.locator('[data-testid="reaction"] .reaction__count').first().textContent({ timeout: 5000 });
    world.fake.react(world.channelId, reply.id, world.userId, { id: null, name: '🔥' });
    await expect.poll(count, { timeout: 5000 }).toBe('1');
    world.fake.react(world.channelId, reply.id, bob.id, { id: null, name: '🔥' });
    await expect.poll(count, { timeout: 5000 }).toBe('2');
    await shoot(page, 'message-view');
    world.fake.react(world.channelId, reply.id, bob.id, { id: null, name: '🔥' }, true);
    await expect.poll(count, { timeout: 5000 }).toBe('1');
  });

  it('shows File components (type 13) of a components v2 message as file cards, each upload once', async () => {
    const carol = world.fake.addUser({ username: 'carol', globalName: 'Carol' });
    // As Discord sends a received message (components/reference.mdx, File Structure): the media item
    // resolved to the upload's CDN URL with its attachment_id, name and size on the File, the upload
    // also in `attachments`; IS_COMPONENTS_V2 (1 << 15) and no content.
    const uploads = [
      { id: '1300000000000000101', filename: 'discord-monitor-3.1.0.AppImage', size: 98_566_144, contentType: 'application/octet-stream' },
      { id: '1300000000000000102', filename: 'release-notes.pdf', size: 412_672, contentType: 'application/pdf' },
    ];
    const cdn = (u: (typeof uploads)[number]) => `${world.fake.cdnUrl}/attachments/${world.channelId}/${u.id}/${u.filename}`;
    const file = (u: (typeof uploads)[number]) => ({ type: 13, file: { url: cdn(u), proxy_url: cdn(u), content_type: u.contentType, attachment_id: u.id }, name: u.filename, size: u.size, spoiler: false });
    const posted = world.fake.postMessage(world.channelId, {
      authorId: carol.id,
      content: '',
      attachments: uploads,
      extra: {
        flags: 1 << 15,
        components: [
          { type: 10, content: '## Discord Monitor 3.1.0 is out' },
          { type: 10, content: 'The Linux build and the release notes:' },
          file(uploads[0]!),
          file(uploads[1]!),
        ],
      },
    });
    const row = message(posted.id);
    await row.waitFor({ timeout: 5000 });
    const cards = row.locator('[data-testid="component-file"]');
    await expect.poll(() => cards.count(), { timeout: 5000 }).toBe(2);
    expect(await cards.locator('.attachment__name').allTextContents()).toEqual(uploads.map((u) => u.filename));
    expect(await cards.nth(0).locator('.attachment__size').textContent()).toMatch(/^94(\.\d)? MB$/);
    // The file's link as the fake's CDN signs it (as Discord signs attachment links): that file, with an expiry.
    const href = (await cards.nth(0).locator('a.attachment__link').getAttribute('href')) ?? '';
    expect(unsignedLink(href)).toBe(cdn(uploads[0]!));
    expect(linkExpiry(href)).toBeGreaterThan(Date.now());
    // Drawn by their File components, the uploads are not listed again below as attachments.
    expect(await row.locator('[data-testid="attachments"], .attachments').count()).toBe(0);
    await row.scrollIntoViewIfNeeded();
    await shoot(page, 'message-file-component');
  });
});
