// Components and stickers end to end: real discord.js against the fake Discord, through the real core
// and its SQLite store. A message's buttons survive storage and catch-up over REST (history shows them);
// a Lottie sticker's animation is fetched by the core from the CDN (docs: CDN Endpoints, Sticker, .json).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { isLottie } from '../../electron/core/messages/sticker-animations.js';
import type { ChatMessage } from '../../shared/types.js';
import { seedDemo } from '../fake-discord/demo-data.js';
import { ACTION_ROW_EXAMPLE } from '../renderer/fixtures/discord-docs/payloads-components.js';
import { configuredEnv, coreFor, nextEvent, type World, eachWorld, startConnected } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

async function connectedCore(): Promise<Core> {
  core = await coreFor(world, configuredEnv(world));
  return startConnected(core);
}

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
    const c = await connectedCore();
    const created = nextEvent(c, 'message.created', (m) => m.content === 'Join the arena?');
    const posted = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'Join the arena?', extra: { components: [ACTION_ROW_EXAMPLE] } });
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
    core = null;
    const again = await connectedCore();
    expect((await listed(again, posted.id))?.view?.components).toEqual(expected);
  });

  it('a message with buttons posted while the app was off is caught up over REST with them', async () => {
    let c = await connectedCore();
    await c.shutdown();
    core = null;
    const posted = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'while away', extra: { components: [ACTION_ROW_EXAMPLE] } });
    c = await connectedCore();
    await expect.poll(async () => (await listed(c, posted.id))?.view?.components?.[0]?.type, { timeout: 10_000 }).toBe('row');
  });

  it("stickers keep their format and CDN file; the core fetches a Lottie sticker's animation from the CDN", async () => {
    const c = await connectedCore();
    const created = nextEvent(c, 'message.created', (m) => m.view?.stickers.length === 2);
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: '', extra: { sticker_items: STICKERS } });
    const m = await created;
    expect(m.view?.stickers).toEqual([
      { id: WAVE, name: 'Wave', format: 3, url: `${world.fake.cdnUrl}/stickers/${WAVE}.json` },
      { id: HELLO, name: 'Hello', format: 1, url: `${world.fake.cdnUrl}/stickers/${HELLO}.png` },
    ]);
    const got = await c.dispatch('stickers.animation', { id: WAVE });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value.id).toBe(WAVE);
    expect(isLottie(got.value.json)).toBe(true);
    expect(JSON.parse(got.value.json).nm).toBe(`sticker ${WAVE}`);
  });

  it('a sticker that is not Lottie, or an id that is not a snowflake, is refused with the reason', async () => {
    const c = await connectedCore();
    const created = nextEvent(c, 'message.created', (m) => m.view?.stickers.length === 2);
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: '', extra: { sticker_items: STICKERS } });
    await created;
    const png = await c.dispatch('stickers.animation', { id: HELLO });
    expect(png.ok ? null : png.error.code).toBe('unavailable');
    expect(png.ok ? '' : png.error.message).toMatch(new RegExp(`sticker ${HELLO} could not be loaded .*HTTP 404.*shows its name instead`));
    const bad = await c.dispatch('stickers.animation', { id: '../../etc/passwd' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid-input');
  });

  it('the demo seeds buttons and a menu, a Lottie sticker whose animation the core can fetch, and a video preview', async () => {
    const seed = seedDemo(world.fake, 'demo.bot-token.0123456789-abcdefghij', 0);
    core = await coreFor(world, { DISCORD_TOKEN: seed.token, DISCORD_GUILD_ID: seed.guildId, DISCORD_CHANNEL_ID: seed.channelId });
    await startConnected(core);
    const r = await core.dispatch('messages.list', { limit: 50 });
    const views = r.ok ? r.value.map((m) => m.view) : [];
    const rows = views.find((v) => v?.components)?.components;
    expect(rows?.map((row) => (row.type === 'row' ? row.components.map((x) => x.type) : []))).toEqual([['button', 'button', 'button'], ['select']]);
    const sticker = views.flatMap((v) => v?.stickers ?? []).find((s) => s.format === 3);
    expect(sticker?.name).toBe('Wave');
    const got = await core.dispatch('stickers.animation', { id: sticker!.id });
    expect(got.ok && isLottie(got.value.json)).toBe(true);
    const video = views.flatMap((v) => v?.embeds ?? []).find((e) => e.type === 'video');
    expect(video?.player?.url).toBe('https://www.youtube.com/embed/dQw4w9WgXcQ');
    expect(video?.thumbnail?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/icons\/demo\/rack-tour\.png\?size=640$/);
  });
});
