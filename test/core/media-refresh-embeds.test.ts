// messages.refreshMedia for links that are not attachments but expire like them: an embed's image that shows a
// file of the attachment CDN (a bot's attachment://chart.png, or the CDN URL given without parameters), and
// components v2 media (gallery, thumbnail, file). Discord signs them as attachments (docs/reference.mdx, Signed
// Attachment CDN URLs); the fake does too and its CDN refuses them once expired.
import { describe, expect, it } from 'vitest';
import { linkExpired } from '../../shared/attachment-links.js';
import type { ChatComponent, ChatMessage, RefreshedMedia } from '../../shared/types.js';
import { call } from '../helpers/core-calls.js';
import { coreEachWorld, nextEvent } from '../helpers/world.js';

const DAY = 86_400_000;
const t = coreEachWorld();
const status = async (url: string) => (await fetch(url)).status;
const picture = (filename: string, id?: string) => ({ ...(id ? { id } : {}), filename, size: 2048, contentType: 'image/png', width: 64, height: 48 });

/** Posted while the fake sends its links already expired (as links received a day ago are now). */
async function postedExpired(content: string, extra: Record<string, unknown>, attachments: ReturnType<typeof picture>[] = []): Promise<ChatMessage> {
  const core = t.core!;
  t.world.fake.expireAttachmentsAfter(0);
  const seen = nextEvent(core, 'message.created', (m) => m.content === content || (content === '' && m.view?.components !== undefined));
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content, attachments, extra });
  const stored = await seen;
  t.world.fake.expireAttachmentsAfter(DAY);
  return stored;
}

/** The file uploaded earlier, as its CDN URL without parameters (docs: Discord renders and refreshes it). */
async function uploaded(name: string): Promise<string> {
  const seen = nextEvent(t.core!, 'message.created', (m) => m.content === `upload ${name}`);
  const upload = t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: `upload ${name}`, attachments: [picture(name)] });
  await seen;
  return `${t.world.fake.cdnUrl}/attachments/${t.world.channelId}/${upload.attachments[0]!.id}/${name}`;
}

async function listed(id: string): Promise<ChatMessage> {
  const page = await call<ChatMessage[]>(t.core!, 'messages.list', {});
  return page.find((m) => m.id === id)!;
}

describe('messages.refreshMedia, links that are not attachments', { timeout: 30_000 }, () => {
  it("an embed's image on the attachment CDN: the stored link is replaced by a fresh one the CDN serves", async () => {
    const core = await t.connected();
    const file = await uploaded('chart.png');
    const stored = await postedExpired('report', { embeds: [{ type: 'rich', title: 'Nightly chart', image: { url: file, width: 64, height: 48 }, footer: { text: 'Reporter', icon_url: file } }] });
    const old = stored.view!.embeds[0]!.image!.url;
    expect(linkExpired(old)).toBe(true);
    expect(await status(old)).toBe(404);

    const shown = nextEvent(core, 'message.updated', (m) => m.id === stored.id);
    const answer = await call<RefreshedMedia>(core, 'messages.refreshMedia', { messageId: stored.id });
    const embed = (await listed(stored.id)).view!.embeds[0]!;
    const fresh = embed.image!.url;
    expect(fresh).not.toBe(old);
    expect(linkExpired(fresh)).toBe(false);
    expect(await status(fresh)).toBe(200);
    expect(linkExpired(embed.footer!.iconUrl!)).toBe(false);
    expect(embed.title).toBe('Nightly chart');
    expect(answer.links).toContain(fresh);
    expect((await shown).view!.embeds[0]!.image!.url).toBe(fresh);
  });

  it("components v2: a gallery's, a thumbnail's and a file's links are replaced by fresh ones the CDN serves", async () => {
    const core = await t.connected();
    const [shot, thumb, log] = ['1300000000000000601', '1300000000000000602', '1300000000000000603'];
    const at = (id: string, name: string) => `${t.world.fake.cdnUrl}/attachments/${t.world.channelId}/${id}/${name}`;
    const components = [
      {
        type: 17,
        components: [
          { type: 9, components: [{ type: 10, content: 'Rack' }], accessory: { type: 11, media: { url: at(thumb, 'thumb.png') } } },
          { type: 12, items: [{ media: { url: at(shot, 'shot.png') } }] },
          { type: 13, file: { url: at(log, 'log.png'), attachment_id: log }, name: 'log.png', size: 2048 },
        ],
      },
    ];
    const stored = await postedExpired('', { flags: 1 << 15, components }, [picture('shot.png', shot), picture('thumb.png', thumb), picture('log.png', log)]);
    const links = (cs: ChatComponent[] | undefined) => {
      const [section, gallery, file] = (cs![0] as Extract<ChatComponent, { type: 'container' }>).components;
      const accessory = (section as Extract<ChatComponent, { type: 'section' }>).accessory as Extract<ChatComponent, { type: 'thumbnail' }>;
      return [accessory.media.url, (gallery as Extract<ChatComponent, { type: 'gallery' }>).items[0]!.media.url, (file as Extract<ChatComponent, { type: 'file' }>).url!];
    };
    const old = links(stored.view?.components);
    for (const url of old) expect(linkExpired(url)).toBe(true);

    const answer = await call<RefreshedMedia>(core, 'messages.refreshMedia', { messageId: stored.id });
    const fresh = links((await listed(stored.id)).view?.components);
    for (const [i, url] of fresh.entries()) {
      expect(url).not.toBe(old[i]);
      expect(linkExpired(url)).toBe(false);
      expect(await status(url)).toBe(200);
    }
    expect(answer.links).toEqual(expect.arrayContaining(fresh));
  });
});
