// Backfill against the fake Discord with the real discord.js: a period and a limit, under 429s,
// cancelled, and resumed by a new core after the first one was shut down midway.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { BackfillView, ChatMessage } from '../../shared/types.js';
import { renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { configuredEnv, coreFor, createWorld, nextEvent, waitState, type World } from '../helpers/world.js';
import { call, storedIds } from '../helpers/core-calls.js';

const DAY = 86_400_000;
const DEADLINE_MS = 60_000;
let world: World;
const cores: Core[] = [];

beforeEach(async () => {
  world = await createWorld();
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.shutdown();
  await world.close();
});

async function connectedCore(): Promise<Core> {
  const c = await coreFor(world, configuredEnv(world));
  cores.push(c);
  await c.monitor.start();
  await waitState(c, 'connected', DEADLINE_MS);
  return c;
}

/** The command's value; throws with the error when it failed. */
const done = (c: Core) => nextEvent(c, 'history.backfill', (v) => v.state === 'done', DEADLINE_MS);
const messageGets = () => [...world.fake.restRequests().entries()].filter(([r]) => r.startsWith('GET /channels/:id/messages')).reduce((n, [, v]) => n + v, 0);

describe('backfill', { timeout: 120_000 }, () => {
  it('reads the last 7 days under 429s: every message of the period once, nothing older', async () => {
    const now = Date.now();
    const old = world.fake.postHistory(world.channelId, [world.userId], 1200, now - 20 * DAY, now - 60_000);
    const c = await connectedCore();
    world.fake.setRateLimits({ perRoute: { limit: 5, resetAfterMs: 100 }, storm: { every: 4, retryAfterMs: 30, scope: 'shared' } });
    const before = messageGets();
    const finished = done(c);
    const started = await call<BackfillView>(c, 'history.backfill', { mode: 'history', limit: null, periodHours: 168 });
    expect(started.state).toBe('running');
    const view = await finished;
    const inPeriod = old.filter((m) => Date.parse(m.timestamp) >= now - 7 * DAY).map((m) => m.id);
    expect(await storedIds(c)).toEqual(inPeriod);
    expect(view.fetched + 50).toBe(inPeriod.length); // the first load brought the newest 50
    // The storm refused every 4th request: discord.js waited and asked again.
    expect(messageGets() - before).toBeGreaterThan(Math.ceil((inPeriod.length - 50) / 100));
  });

  it('stops at the limit, counting only what it read', async () => {
    const now = Date.now();
    const old = world.fake.postHistory(world.channelId, [world.userId], 400, now - 3 * DAY, now - 60_000);
    const c = await connectedCore();
    const finished = done(c);
    const started = nextEvent(c, 'log.entry', (e) => e.i18n?.key === 'backfill.log.started', DEADLINE_MS);
    const logged = nextEvent(c, 'log.entry', (e) => e.i18n?.key === 'backfill.log.done', DEADLINE_MS);
    await call(c, 'history.backfill', { mode: 'history', limit: 100, periodHours: null });
    expect((await finished).fetched).toBe(100);
    // Said by key, so a French panel says it in French.
    expect((await started).message).toBe('History backfill started (up to 100 messages, any age).');
    expect(renderText((await started).i18n!, coreFr, { locale: 'fr' })).toBe('Récupération de l’historique lancée (jusqu’à 100 messages, quel que soit leur âge).');
    expect(renderText((await logged).i18n!, coreFr, { locale: 'fr' })).toMatch(/^Récupération de l’historique terminée : 100 messages lus, \d+ nouveaux\.$/);
    expect(await storedIds(c)).toEqual(old.slice(-150).map((m) => m.id));
  });

  it("reads on past a page holding the bot's own messages (not stored), to the channel's first message", async () => {
    // The page came back one short without the bot's message, which read as the channel's end: "done"
    // after the first page (149 of 399 stored in the reviewer's reproduction).
    const now = Date.now();
    const items = Array.from({ length: 400 }, (_, i) => ({ at: now - 2 * DAY + i * 60_000, authorId: i === 300 || i === 200 ? world.botId : world.userId, content: `m ${i}` }));
    // The oldest message of the second page is the bot's too: the next page must start before it, not repeat.
    items[250] = { ...items[250]!, authorId: world.botId };
    const posted = world.fake.postPast(world.channelId, items);
    const c = await connectedCore();
    const finished = done(c);
    await call(c, 'history.backfill', { mode: 'history', limit: null, periodHours: null });
    const view = await finished;
    expect(await storedIds(c)).toEqual(posted.filter((m) => m.authorId !== world.botId).map((m) => m.id));
    expect(view.fetched).toBe(400 - 3 - 50);
  });

  it('quotes a reply it reads when its original is in the same page or a later (older) one', async () => {
    // Pages come newest first, so a reply is read before its original: it was stored with no excerpt.
    const now = Date.now();
    const at = (i: number) => now - 2 * DAY + i * 60_000;
    const idAt = (i: number) => (((BigInt(at(i)) - 1_420_070_400_000n) << 22n) | BigInt(i)).toString();
    const author = { id: world.userId, username: 'alice', global_name: 'Alice', discriminator: '0', avatar: null };
    // Message type 19 (REPLY) with message_reference and referenced_message, as the docs' REST answer has them.
    const reply = (i: number, to: number, content: string) => ({
      at: at(i),
      authorId: world.userId,
      content,
      extra: {
        type: 19,
        message_reference: { type: 0, message_id: idAt(to), channel_id: world.channelId, guild_id: world.guildId },
        referenced_message: { id: idAt(to), type: 0, channel_id: world.channelId, author, content: `original ${to}`, timestamp: new Date(at(to)).toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], pinned: false, flags: 0, components: [] },
        mentions: [author],
      },
    });
    // 160 messages: the first load stores the newest 50; the backfill reads the older 110 (pages of 100).
    const items = Array.from({ length: 160 }, (_, i) => ({ at: at(i), authorId: world.userId, content: `original ${i}` }));
    items[40] = reply(40, 20, 'a reply in the same page as its original');
    // The backfill's pages: 10–109, then 0–9. This reply is read a page before its original.
    items[15] = reply(15, 5, 'a reply a page before its original');
    world.fake.postPast(world.channelId, items);
    const c = await connectedCore();
    const finished = done(c);
    // A panel showing that reply already is told of its quote.
    const told = nextEvent(c, 'message.updated', (m) => m.id === idAt(15), DEADLINE_MS);
    await call(c, 'history.backfill', { mode: 'history', limit: null, periodHours: null });
    await finished;
    expect((await told).view?.reply).toEqual({ id: idAt(5), author: 'Alice', excerpt: 'original 5' });
    const stored = new Map<string, ChatMessage>();
    let page = await call<ChatMessage[]>(c, 'messages.list', { limit: 500 });
    while (page.length) {
      for (const m of page) stored.set(m.id, m);
      page = await call<ChatMessage[]>(c, 'messages.list', { limit: 500, before: page[0]!.id });
    }
    expect(stored.size).toBe(160);
    expect(stored.get(idAt(40))!.view?.reply).toEqual({ id: idAt(20), author: 'Alice', excerpt: 'original 20' });
    expect(stored.get(idAt(15))!.view?.reply).toEqual({ id: idAt(5), author: 'Alice', excerpt: 'original 5' });
  });

  it('is cancellable, and continues after a restart from where it stopped, without duplicates', async () => {
    const now = Date.now();
    const old = world.fake.postHistory(world.channelId, [world.userId], 2000, now - 30 * DAY, now - 60_000);
    const first = await connectedCore();
    // Slow pages so the shutdown lands midway.
    world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 150 } });
    const midway = nextEvent(first, 'history.backfill', (v) => v.fetched >= 500, DEADLINE_MS);
    await call(first, 'history.backfill', { mode: 'history', limit: null, periodHours: null });
    await midway;
    await first.shutdown();
    cores.splice(cores.indexOf(first), 1);
    const gotBefore = messageGets();

    world.fake.setRateLimits({ perRoute: { limit: 1000, resetAfterMs: 1000 } });
    const second = await coreFor(world, configuredEnv(world));
    cores.push(second);
    const resumed = await call<BackfillView>(second, 'history.status');
    expect(resumed.state).toBe('paused');
    expect(resumed.i18n?.key).toBe('backfill.paused');
    expect(resumed.fetched).toBeGreaterThanOrEqual(500);
    const finished = done(second);
    await second.monitor.start();
    const view = await finished;
    expect(await storedIds(second)).toEqual(old.map((m) => m.id));
    expect(view.fetched).toBe(2000 - 50);
    // It did not start over: about (2000 − already read) / 100 pages, plus the catch-up's.
    expect(messageGets() - gotBefore).toBeLessThanOrEqual(Math.ceil((2000 - resumed.fetched - 50) / 100) + 3);

    const again = await call<BackfillView>(second, 'history.backfill', { mode: 'history', limit: null, periodHours: null });
    expect(again.state).toBe('running');
    expect((await call<BackfillView>(second, 'history.cancel')).state).toBe('cancelled');
  });
});
