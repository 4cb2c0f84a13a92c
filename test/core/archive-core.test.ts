// archive.export through the core: the desktop's save dialog port, the headless refusal that points
// to the download, and an HTML export whose attachments are downloaded from the (fake) CDN into a
// folder beside it and linked relatively, so the page shows them offline.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { readJsonExport } from '../../electron/core/archive/import.js';
import type { SaveDialogPort } from '../../electron/core/ports.js';
import { configuredEnv, coreFor, nextEvent, type World, eachWorld, startConnected } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

async function connected(saveDialog: SaveDialogPort | null): Promise<Core> {
  core = await coreFor(world, configuredEnv(world), { mode: saveDialog ? 'electron' : 'headless', saveDialog });
  return startConnected(core);
}

describe('archive.export', { timeout: 30_000 }, () => {
  it('on the desktop, writes where the save dialog says and answers the count', async () => {
    const asked: string[] = [];
    const target = join(world.dataDir, 'chosen.json');
    const c = await connected({ choose: async (name) => (asked.push(name), target) });
    const seen = nextEvent(c, 'message.created', (m) => m.content === 'keep me');
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'keep me' });
    await seen;
    const reply = await c.dispatch('archive.export', { format: 'json' });
    expect(reply.ok && reply.value).toMatchObject({ file: target, count: 1 });
    expect(asked[0]).toMatch(/^general-\d{4}-\d{2}-\d{2}\.json$/);
    expect(readJsonExport(target).messages.map((m) => m.content)).toEqual(['keep me']);
  });

  it('a cancelled dialog writes nothing', async () => {
    const c = await connected({ choose: async () => null });
    const reply = await c.dispatch('archive.export', { format: 'csv' });
    expect(reply.ok && reply.value).toEqual({ cancelled: true });
  });

  it('headless has no dialog: it points to the download', async () => {
    const c = await connected(null);
    const reply = await c.dispatch('archive.export', { format: 'html' });
    expect(!reply.ok && reply.error.message).toMatch(/downloads the file.*npm run export/);
  });

  it('HTML with media downloaded: attachments saved beside it and linked relatively', async () => {
    const target = join(world.dataDir, 'out', 'general.html');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(world.dataDir, 'out'));
    const c = await connected({ choose: async () => target });
    const seen = nextEvent(c, 'message.created', (m) => m.content === 'a picture');
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'a picture', attachments: [{ filename: 'cat.png', size: 2048, contentType: 'image/png', width: 64, height: 48 }] });
    await seen;
    const reply = await c.dispatch('archive.export', { format: 'html', media: 'download' });
    expect(reply.ok && reply.value).toMatchObject({ count: 1, mediaFailed: 0 });
    const folder = join(world.dataDir, 'out', 'general_files');
    const files = readdirSync(folder);
    expect(files.some((f) => f.endsWith('cat.png'))).toBe(true);
    const png = files.find((f) => f.endsWith('cat.png'))!;
    expect(readFileSync(join(folder, png)).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(join(folder, png)).mode & 0o777).toBe(0o600);
    const html = readFileSync(target, 'utf8');
    expect(html).toContain(`src="general_files/${png}"`);
    expect(html).not.toContain('/attachments/');
    expect(existsSync(`${target}.part`)).toBe(false);
  });

  it('HTML with media downloaded loads nothing remote: custom emoji (text and reactions), stickers, embed images and thumbnails are saved beside it too', async () => {
    const target = join(world.dataDir, 'offline.html');
    const c = await connected({ choose: async () => target });
    const cdn = world.fake.cdnUrl;
    const seen = nextEvent(c, 'message.created', (m) => m.content.startsWith('look'));
    world.fake.postMessage(world.channelId, {
      authorId: world.userId,
      content: 'look <:blobwave:112233445566778899> and <a:party:223344556677889900>',
      extra: {
        embeds: [
          { type: 'rich', title: 'Rack', description: 'tour', image: { url: `${cdn}/icons/demo/rack.png`, width: 64, height: 64 }, thumbnail: { url: `${cdn}/icons/demo/thumb.png`, width: 32, height: 32 } },
          { type: 'rich', title: 'Side', thumbnail: { url: `${cdn}/icons/demo/side.png`, width: 32, height: 32 } },
        ],
        sticker_items: [{ id: '334455667788990011', name: 'Hello', format_type: 1 }],
        reactions: [{ emoji: { id: '445566778899001122', name: 'nas', animated: false }, count: 2, me: false }],
      },
    });
    const m = await seen;
    expect(m.view?.emojis.length).toBe(2);
    expect(m.view?.stickers.length).toBe(1);
    expect(m.view?.reactions.length).toBe(1);
    const reply = await c.dispatch('archive.export', { format: 'html', media: 'download' });
    expect(reply.ok && reply.value).toMatchObject({ count: 1, mediaFailed: 0 });
    const html = readFileSync(target, 'utf8');
    const sources = [...html.matchAll(/\bsrc="([^"]*)"|url\(&quot;(.*?)&quot;\)/g)].map((x) => x[1] ?? x[2]!);
    // 2 emoji in the text, an embed's image (its thumbnail is not drawn beside it, as in the panel), the
    // other's thumbnail, the sticker, the reaction's emoji (this user has no avatar)
    expect(sources.length).toBe(6);
    expect(sources.filter((s) => !s.startsWith('offline_files/'))).toEqual([]);
    for (const s of sources) expect(existsSync(join(world.dataDir, decodeURIComponent(s)))).toBe(true);
  });
});
