// The demo's weeks of history (seedDemo → seedDemoHistory): every kind the message view, search, stats
// and export draw is there, and a backfill through the real core reads all of it once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { ChatMessage } from '../../shared/types.js';
import { seedDemo } from '../fake-discord/demo-data.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { coreFor, nextEvent, waitState, type World } from '../helpers/world.js';
import { call } from '../helpers/core-calls.js';

const TOKEN = 'demo.bot-token.0123456789-abcdefghij';
const DAY = 86_400_000;
let fake: FakeDiscord | undefined;
let core: Core | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await core?.shutdown();
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  core = fake = dataDir = undefined;
});

describe('demo history', { timeout: 120_000 }, () => {
  it('holds a few thousand varied messages over four weeks, every reply pointing at a real message', async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 15_000 });
    const t0 = performance.now();
    const seed = seedDemo(fake, TOKEN);
    const seedMs = performance.now() - t0;
    const h = seed.history;
    expect(h.total).toBe(3000);
    // Every kind is there in numbers (the seeded generator makes them the same on every run).
    for (const kind of ['userMentions', 'roleMentions', 'channelMentions', 'embeds', 'replies', 'reactions', 'attachments', 'images', 'codeBlocks', 'system'] as const) expect(h[kind], kind).toBeGreaterThanOrEqual(20);
    expect(h.everyone).toBeGreaterThan(0);
    // The rarer kinds, a few of each (demo-history-rare.ts): removing one turns this red.
    for (const kind of ['threads', 'threadsCreated', 'polls', 'stickers', 'animatedEmoji', 'maskedLinks', 'headings', 'here', 'authorImageEmbeds', 'videos', 'audios', 'ownerMentions'] as const) expect(h[kind], kind).toBeGreaterThanOrEqual(4);
    const messages = fake.messages(seed.channelId);
    expect(messages.length).toBeGreaterThanOrEqual(3000);
    const ages = messages.map((m) => Date.now() - Date.parse(m.timestamp));
    expect(Math.max(...ages)).toBeGreaterThan(27 * DAY);
    // Every reply and pin points at a message that exists.
    const ids = new Set(messages.map((m) => m.id));
    const refs = messages.flatMap((m) => ((m.extra?.message_reference as { message_id?: string } | undefined)?.message_id ? [(m.extra!.message_reference as { message_id: string }).message_id] : []));
    expect(refs.length).toBeGreaterThanOrEqual(h.replies);
    expect(refs.filter((r) => !ids.has(r))).toEqual([]);
    // Shaped as Discord sends them: a starter's thread has the message's id; THREAD_CREATED names its thread.
    const extra = (m: (typeof messages)[number]) => m.extra ?? {};
    const starters = messages.filter((m) => extra(m).thread !== undefined);
    expect(starters.length).toBe(h.threads);
    for (const m of starters) expect(extra(m).thread).toMatchObject({ id: m.id, type: 11, parent_id: seed.channelId, name: expect.any(String), message_count: expect.any(Number) });
    const created = messages.filter((m) => extra(m).type === 18);
    expect(created.length).toBe(h.threadsCreated);
    for (const m of created) {
      expect(m.content).not.toBe('');
      expect((extra(m).message_reference as { channel_id: string }).channel_id).toMatch(/^\d{17,20}$/);
    }
    const stickers = messages.flatMap((m) => (extra(m).sticker_items as { format_type: number }[] | undefined) ?? []);
    expect(new Set(stickers.map((s) => s.format_type))).toEqual(new Set([1, 3]));
    expect(messages.filter((m) => /<a:\w+:\d{17,20}>/.test(m.content)).length).toBe(h.animatedEmoji);
    expect(messages.filter((m) => /\[[^\]]+\]\(https:\/\/[^)]+\)/.test(m.content)).length).toBe(h.maskedLinks);
    expect(messages.filter((m) => /^#{1,3} /.test(m.content)).length).toBe(h.headings);
    expect(messages.filter((m) => m.content.startsWith('@here') && extra(m).mention_everyone === true).length).toBe(h.here);
    // Closed polls from weeks ago, with counts; every answer of one poll has a count.
    const polls = messages.map((m) => extra(m).poll as { answers: unknown[]; results: { is_finalized: boolean; answer_counts: unknown[] } } | undefined).filter((p) => p !== undefined);
    expect(polls.length).toBe(h.polls);
    for (const p of polls) expect(p.results.answer_counts.length).toBe(p.answers.length);
    expect(polls.some((p) => p.results.is_finalized)).toBe(true);
    // Varied authors: seven people and the reporting bot.
    expect(new Set(messages.map((m) => m.authorId)).size).toBeGreaterThanOrEqual(6);
    // A figure, not a test: the demo starts this much later (about 20–30 ms here).
    console.log(`seedDemo with 3,000 history messages: ${Math.round(seedMs)} ms`);
  });

  it('a backfill through the real core stores every message once, with the kinds intact', async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 15_000 });
    const seed = seedDemo(fake, TOKEN);
    dataDir = mkdtempSync(join(tmpdir(), 'dm-demo-history-'));
    const world = { fake, guildId: seed.guildId, channelId: seed.channelId, dataDir } as World;
    core = await coreFor(world, { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: seed.guildId, DISCORD_CHANNEL_ID: seed.channelId });
    await core.monitor.start();
    await waitState(core, 'connected', 30_000);
    const done = nextEvent(core, 'history.backfill', (v) => v.state === 'done', 90_000);
    await call(core, 'history.backfill', { mode: 'history', limit: null, periodHours: null });
    await done;
    const stored: ChatMessage[] = [];
    let page = await call<ChatMessage[]>(core, 'messages.list', { limit: 500 });
    while (page.length) {
      stored.unshift(...page);
      page = await call<ChatMessage[]>(core, 'messages.list', { limit: 500, before: page[0]!.id });
    }
    // The monitor never stores its own bot's messages; everything else of the channel is there, once.
    const expected = fake.messages(seed.channelId).filter((m) => fake!.user(m.authorId)?.username !== 'Home Lab Monitor').map((m) => m.id);
    expect(stored.map((m) => m.id)).toEqual(expected);
    expect(new Set(stored.map((m) => m.id)).size).toBe(stored.length);
    const count = (p: (m: ChatMessage) => boolean) => stored.filter(p).length;
    const h = seed.history;
    expect(count((m) => (m.view?.mentions.users.length ?? 0) > 0 && m.view?.type !== 19)).toBeGreaterThanOrEqual(h.userMentions);
    expect(count((m) => (m.view?.mentions.roles.length ?? 0) > 0)).toBe(h.roleMentions);
    expect(count((m) => (m.view?.mentions.channels.length ?? 0) > 0)).toBe(h.channelMentions);
    // @here sets mention_everyone as @everyone does.
    expect(count((m) => m.view?.mentions.everyone === true)).toBe(h.everyone + h.here);
    expect(count((m) => m.view?.reply !== undefined)).toBeGreaterThanOrEqual(h.replies);
    expect(count((m) => (m.view?.reactions.length ?? 0) > 0)).toBeGreaterThanOrEqual(h.reactions);
    expect(count((m) => m.attachments.some((a) => a.contentType?.startsWith('image/')))).toBeGreaterThanOrEqual(h.images);
    expect(count((m) => (m.view?.embeds.length ?? 0) > 0)).toBeGreaterThanOrEqual(h.embeds);
    expect(count((m) => [6, 7, 8].includes(m.view?.type ?? 0))).toBeGreaterThanOrEqual(h.system);
    expect(count((m) => m.content.includes('`'))).toBeGreaterThanOrEqual(h.codeBlocks);
    expect(count((m) => m.author.displayName === 'ken @ the rack')).toBeGreaterThan(0);
    // The rarer kinds reach the panel's view as it draws them.
    expect(count((m) => m.view?.thread !== undefined && m.view.thread.id === m.id && m.view.thread.messageCount !== null)).toBe(h.threads);
    expect(count((m) => m.view?.type === 18 && m.content !== '')).toBe(h.threadsCreated);
    expect(count((m) => (m.view?.poll?.answers.length ?? 0) >= 2)).toBe(h.polls);
    expect(count((m) => (m.view?.poll?.answers.reduce((t, a) => t + a.votes, 0) ?? 0) > 0)).toBeGreaterThan(0);
    // At least: the newest messages hold one more (the Wave sticker).
    expect(count((m) => (m.view?.stickers.length ?? 0) > 0)).toBeGreaterThanOrEqual(h.stickers);
    expect(count((m) => m.view?.emojis.some((e) => e.animated && e.url.endsWith('.gif')) === true)).toBe(h.animatedEmoji);
    expect(count((m) => m.view?.embeds.some((e) => e.author?.name && e.image?.url) === true)).toBe(h.authorImageEmbeds);
    expect(count((m) => m.attachments.some((a) => a.contentType === 'video/mp4'))).toBe(h.videos);
    expect(count((m) => m.attachments.some((a) => a.contentType === 'audio/mpeg'))).toBe(h.audios);
    // The owner (set on the application) is highlighted where named, and on every @everyone / @here.
    expect(count((m) => m.view?.mentionsOwner === true)).toBeGreaterThanOrEqual(h.ownerMentions + h.everyone + h.here);
    expect(h.ownerMentions).toBeGreaterThan(0);
    // Role mentions carry the role's colour.
    const roleColours = stored.flatMap((m) => m.view?.mentions.roles ?? []).map((r) => r.color);
    expect(roleColours.length).toBe(h.roleMentions);
    expect(new Set(roleColours)).toEqual(new Set([0xe67e22, 0x3498db]));
    // The fake CDN serves playable files for them: an MP4 (ftyp box) and an MPEG audio frame.
    const bytesOf = async (type: string) => {
      const a = stored.flatMap((m) => m.attachments).find((x) => x.contentType === type)!;
      const res = await fetch(a.url);
      expect(res.headers.get('content-type')).toBe(type);
      return Buffer.from(await res.arrayBuffer());
    };
    expect((await bytesOf('video/mp4')).subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect([...(await bytesOf('audio/mpeg')).subarray(0, 2)]).toEqual([0xff, 0xfb]);
  });
});
