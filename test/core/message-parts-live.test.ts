// Components and stickers end to end: real discord.js against the fake Discord, through the real core
// and its SQLite store. A message's buttons survive storage and catch-up over REST (history shows them);
// a Lottie sticker's animation is fetched by the core from the CDN (docs: CDN Endpoints, Sticker, .json).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { isLottie } from '../../electron/core/messages/sticker-animations.js';
import type { ChatMessage } from '../../shared/types.js';
import { seedDemo } from '../fake-discord/demo-data.js';
import { ACTION_ROW_EXAMPLE } from '../renderer/fixtures/discord-docs/payloads-components.js';
import { coreFor, nextEvent, coreEachWorld, startConnected } from '../helpers/world.js';

const t = coreEachWorld({});

const WAVE = '749054660769218631'; // docs/resources/sticker.mdx, "Example Sticker" (LOTTIE)
const HELLO = '749054660769218632';
const STICKERS = [
  { id: WAVE, name: 'Wave', format_type: 3 },
  { id: HELLO, name: 'Hello', format_type: 1 },
];

async function listed(c: Core, id: string): Promise<ChatMessage | undefined> {
  const r = await c.dispatch('messages.list', { limit: 20 });
  return r.ok ? r.value.find((m) => m.id === id) : undefined;
}

describe('components and stickers, live and stored', { timeout: 40_000 }, () => {
  it('buttons arrive live, are stored, and come back the same after a restart', async () => {
    const c = await t.connected();
    const created = nextEvent(c, 'message.created', (m) => m.content === 'Join the arena?');
    const posted = t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'Join the arena?', extra: { components: [ACTION_ROW_EXAMPLE] } });
    const live = await created;
    const expected = [
      {
        type: 'row',
        components: [
          { type: 'button', style: 1, label: 'Accept', emoji: null, url: null, disabled: false },
          { type: 'button', style: 5, label: 'Learn More', emoji: null, url: 'http://watchanimeattheoffice.com/', disabled: false },
          { type: 'button', style: 4, label: 'Decline', emoji: null, url: null, disabled: false },
        ],
      },
    ];
    expect(live.view?.components).toEqual(expected);
    await c.shutdown();
    t.core = null;
    const again = await t.connected();
    expect((await listed(again, posted.id))?.view?.components).toEqual(expected);
  });

  it('a message with buttons posted while the app was off is caught up over REST with them', async () => {
    let c = await t.connected();
    await c.shutdown();
    t.core = null;
    const posted = t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'while away', extra: { components: [ACTION_ROW_EXAMPLE] } });
    c = await t.connected();
    await expect.poll(async () => (await listed(c, posted.id))?.view?.components?.[0]?.type, { timeout: 10_000 }).toBe('row');
  });

  it("stickers keep their format and CDN file; the core fetches a Lottie sticker's animation from the CDN", async () => {
    const c = await t.connected();
    const created = nextEvent(c, 'message.created', (m) => m.view?.stickers.length === 2);
    t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: '', extra: { sticker_items: STICKERS } });
    const m = await created;
    expect(m.view?.stickers).toEqual([
      { id: WAVE, name: 'Wave', format: 3, url: `${t.world.fake.cdnUrl}/stickers/${WAVE}.json` },
      { id: HELLO, name: 'Hello', format: 1, url: `${t.world.fake.cdnUrl}/stickers/${HELLO}.png` },
    ]);
    const got = await c.dispatch('stickers.animation', { id: WAVE });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value.id).toBe(WAVE);
    expect(isLottie(got.value.json)).toBe(true);
    expect(JSON.parse(got.value.json).nm).toBe(`sticker ${WAVE}`);
  });

  it('a sticker that is not Lottie, or an id that is not a snowflake, is refused with the reason', async () => {
    const c = await t.connected();
    const created = nextEvent(c, 'message.created', (m) => m.view?.stickers.length === 2);
    t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: '', extra: { sticker_items: STICKERS } });
    await created;
    const png = await c.dispatch('stickers.animation', { id: HELLO });
    expect(png.ok ? null : png.error.code).toBe('unavailable');
    expect(png.ok ? '' : png.error.message).toMatch(new RegExp(`sticker ${HELLO} could not be loaded .*HTTP 404.*shows its name instead`));
    const bad = await c.dispatch('stickers.animation', { id: '../../etc/passwd' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid-input');
  });

  it('the demo seeds buttons and a menu, a Lottie sticker whose animation the core can fetch, and a video preview', async () => {
    const seed = seedDemo(t.world.fake, 'demo.bot-token.0123456789-abcdefghij', 0);
    t.core = await coreFor(t.world, { DISCORD_TOKEN: seed.token, DISCORD_GUILD_ID: seed.guildId, DISCORD_CHANNEL_ID: seed.channelId });
    await startConnected(t.core);
    const r = await t.core.dispatch('messages.list', { limit: 50 });
    const views = r.ok ? r.value.map((m) => m.view) : [];
    const rows = views.find((v) => v?.components)?.components;
    expect(rows?.map((row) => (row.type === 'row' ? row.components.map((x) => x.type) : []))).toEqual([['button', 'button', 'button'], ['select']]);
    const sticker = views.flatMap((v) => v?.stickers ?? []).find((s) => s.format === 3);
    expect(sticker?.name).toBe('Wave');
    const got = await t.core.dispatch('stickers.animation', { id: sticker!.id });
    expect(got.ok && isLottie(got.value.json)).toBe(true);
    const video = views.flatMap((v) => v?.embeds ?? []).find((e) => e.type === 'video');
    expect(video?.player?.url).toBe('https://www.youtube.com/embed/dQw4w9WgXcQ');
    expect(video?.thumbnail?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/icons\/demo\/rack-tour\.png\?size=640$/);
  });
});
