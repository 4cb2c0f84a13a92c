// An HTML export with media downloaded, of messages whose stored attachment links expired (the fake's CDN
// refuses them with 404, as Discord's does: docs/reference.mdx, Signed Attachment CDN URLs). With the bot
// running, the links are fetched anew first, neighbours in one request, and every file downloads; with the
// bot stopped they fail as before and the export's answer says why and what to do.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { linkExpired } from '../../shared/attachment-links.js';
import type { ChatMessage } from '../../shared/types.js';
import { configuredEnv, coreEachWorld, coreFor, nextEvent, startConnected } from '../helpers/world.js';

const DAY = 86_400_000;
const t = coreEachWorld();

async function connected(target: string): Promise<Core> {
  t.core = await coreFor(t.world, configuredEnv(t.world), { mode: 'electron', saveDialog: { choose: async () => target } });
  return startConnected(t.core);
}

/** Pictures (and a text between them) posted while the fake sends links already expired, as ones stored a day ago are now. */
async function expiredPictures(core: Core, names: string[]): Promise<ChatMessage[]> {
  t.world.fake.expireAttachmentsAfter(0);
  const stored: ChatMessage[] = [];
  for (const name of names) {
    const seen = nextEvent(core, 'message.created', (m) => m.content === name);
    t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: name, attachments: [{ filename: `${name}.png`, size: 2048, contentType: 'image/png', width: 64, height: 48 }] });
    stored.push(await seen);
    const text = nextEvent(core, 'message.created', (m) => m.content === `after ${name}`);
    t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: `after ${name}` });
    await text;
  }
  t.world.fake.expireAttachmentsAfter(DAY);
  for (const m of stored) expect(linkExpired(m.attachments[0]!.url)).toBe(true);
  return stored;
}

describe('HTML export with media downloaded, links expired', { timeout: 30_000 }, () => {
  it('fetches the expired links anew (one request for neighbours) and downloads every file', async () => {
    const target = join(t.world.dataDir, 'general.html');
    const core = await connected(target);
    await expiredPictures(core, ['rack', 'switch', 'ups']);
    const before = t.world.fake.restRequests().get('GET /channels/:id/messages') ?? 0;
    const reply = await core.dispatch('archive.export', { format: 'html', media: 'download' });
    expect(reply.ok && reply.value).toMatchObject({ count: 6, mediaFailed: 0, mediaExpired: 0, mediaNote: null });
    expect(t.world.fake.restRequests().get('GET /channels/:id/messages')).toBe(before + 1);
    const files = readdirSync(join(t.world.dataDir, 'general_files'));
    for (const name of ['rack', 'switch', 'ups']) expect(files.some((f) => f.endsWith(`${name}.png`))).toBe(true);
    expect(readFileSync(target, 'utf8')).not.toContain('/attachments/');
  });

  // README: "100 neighbouring messages a request". Pages were taken around= the oldest expired link, so half
  // of each (the messages before it, already seen) was wasted: 100 pictures after older text cost 2 requests.
  it('a page of 100 expired pictures after older messages costs one request, not two', async () => {
    const target = join(t.world.dataDir, 'hundred.html');
    const core = await connected(target);
    for (let i = 0; i < 60; i++) t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: `text ${i}` });
    t.world.fake.expireAttachmentsAfter(0);
    const last = nextEvent(core, 'message.created', (m) => m.content === 'pic 99');
    for (let i = 0; i < 100; i++) t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: `pic ${i}`, attachments: [{ filename: `p${i}.png`, size: 64, contentType: 'image/png', width: 2, height: 2 }] });
    await last;
    t.world.fake.expireAttachmentsAfter(DAY);
    const before = t.world.fake.restRequests().get('GET /channels/:id/messages') ?? 0;
    const reply = await core.dispatch('archive.export', { format: 'html', media: 'download' });
    expect(reply.ok && reply.value).toMatchObject({ count: 160, mediaFailed: 0, mediaExpired: 0 });
    expect(t.world.fake.restRequests().get('GET /channels/:id/messages')).toBe(before + 1);
  });

  // An embed's image on the attachment CDN (a bot's attachment://chart.png) expires like an attachment: the
  // message holding only that link was never fetched anew, and the picture stayed a dead link.
  it("an embed's image and a gallery's picture on the attachment CDN, expired, are fetched anew and downloaded", async () => {
    const target = join(t.world.dataDir, 'embeds.html');
    const core = await connected(target);
    const uploaded = nextEvent(core, 'message.created', (m) => m.content === 'upload');
    const upload = t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'upload', attachments: [{ filename: 'chart.png', size: 2048, contentType: 'image/png', width: 64, height: 48 }] });
    await uploaded;
    const file = `${t.world.fake.cdnUrl}/attachments/${t.world.channelId}/${upload.attachments[0]!.id}/chart.png`;
    t.world.fake.expireAttachmentsAfter(0);
    const report = nextEvent(core, 'message.created', (m) => m.content === 'report');
    t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'report', extra: { embeds: [{ type: 'rich', title: 'Nightly chart', image: { url: file, width: 64, height: 48 } }] } });
    const gallery = nextEvent(core, 'message.created', (m) => m.view?.components !== undefined);
    t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: '', extra: { flags: 1 << 15, components: [{ type: 12, items: [{ media: { url: file } }] }] } });
    expect(linkExpired((await report).view!.embeds[0]!.image!.url)).toBe(true);
    await gallery;
    t.world.fake.expireAttachmentsAfter(DAY);
    const reply = await core.dispatch('archive.export', { format: 'html', media: 'download' });
    expect(reply.ok && reply.value).toMatchObject({ count: 3, mediaFailed: 0, mediaExpired: 0, mediaNote: null });
    // Every picture links its downloaded file (the fake signs one file alike within a second: no count of files).
    expect(readdirSync(join(t.world.dataDir, 'embeds_files')).some((f) => f.endsWith('chart.png'))).toBe(true);
    expect(readFileSync(target, 'utf8')).not.toContain('/attachments/');
  });

  it('a picture deleted on Discord meanwhile is said gone, with no extra request for it', async () => {
    const target = join(t.world.dataDir, 'gone.html');
    const core = await connected(target);
    const [, gone] = await expiredPictures(core, ['rack', 'switch', 'ups']);
    t.world.fake.deleteOffline(t.world.channelId, gone!.id);
    const before = t.world.fake.restRequests().get('GET /channels/:id/messages') ?? 0;
    const reply = await core.dispatch('archive.export', { format: 'html', media: 'download' });
    expect(reply.ok && reply.value).toMatchObject({ count: 6, mediaFailed: 1, mediaExpired: 1, mediaNote: expect.stringMatching(/no longer on Discord/) });
    expect(t.world.fake.restRequests().get('GET /channels/:id/messages')).toBe(before + 1);
  });

  // One request failing midway (Discord down) kept every link of the export's page expired, although the
  // pages fetched before it were stored with fresh links: their files now download.
  it("Discord failing on the second request: the first request's 100 files still download, only the rest fail", async () => {
    const target = join(t.world.dataDir, 'half.html');
    const core = await connected(target);
    t.world.fake.expireAttachmentsAfter(0);
    const last = nextEvent(core, 'message.created', (m) => m.content === 'pic 149');
    for (let i = 0; i < 150; i++) t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: `pic ${i}`, attachments: [{ filename: `p${i}.png`, size: 64, contentType: 'image/png', width: 2, height: 2 }] });
    await last;
    t.world.fake.expireAttachmentsAfter(DAY);
    // The second request waits on the route's bucket; Discord goes down meanwhile.
    t.world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 1_500 } });
    const before = t.world.fake.restRequests().get('GET /channels/:id/messages') ?? 0;
    const reply = core.dispatch('archive.export', { format: 'html', media: 'download' });
    await t.world.fake.waitFor(() => (t.world.fake.restRequests().get('GET /channels/:id/messages') ?? 0) > before, 10_000);
    t.world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 1_500 }, down: true });
    const answer = await reply;
    t.world.fake.setRateLimits({ down: false });
    expect(answer.ok && answer.value).toMatchObject({ count: 150, mediaFailed: 50, mediaExpired: 50 });
  });

  it('with the bot stopped, the expired links fail as before and the answer says why', async () => {
    const target = join(t.world.dataDir, 'stopped.html');
    const core = await connected(target);
    await expiredPictures(core, ['rack']);
    await core.monitor.stop();
    const reply = await core.dispatch('archive.export', { format: 'html', media: 'download' });
    expect(reply.ok && reply.value).toMatchObject({ count: 2, mediaFailed: 1, mediaExpired: 1, mediaNote: expect.stringMatching(/1 attachment link had expired.*not connected.*start monitoring/) });
    expect(reply.ok && 'mediaNoteI18n' in reply.value && reply.value.mediaNoteI18n?.key).toBe('archive.mediaNotRefreshed');
  });
});
