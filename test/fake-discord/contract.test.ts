// The fake's payloads checked against Discord's documentation: fixtures copied from the docs'
// examples and structure tables (test/fake-discord/fixtures, each naming the page it came from).
// If the fake drifts toward what our code expects rather than what Discord sends, this goes red.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { PERMISSION } from './permissions.js';
import { routeOf } from './rate-limits.js';
import { startFakeDiscord, type FakeDiscord } from './server.js';
import { discordTimestamp } from './model.js';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as T;
interface Documented {
  example?: Record<string, unknown>;
  fields: string[];
}
const message = fixture<Documented>('message.json');
const attachment = fixture<Documented>('attachment.json');
const member = fixture<Documented>('guild-member.json');
const channel = fixture<{ example: Record<string, unknown>; optionalInExample: string[]; channelTypes: Record<string, number> }>('channel-text.json');
const gatewayExtra = fixture<{ extraFields: string[]; updateAlwaysHas: string[] }>('message-create-extra-fields.json');
const rate = fixture<{ headerExample: Record<string, string>; userLimited: { headers: Record<string, string>; body: Record<string, unknown> }; globalLimited: { headers: Record<string, string>; body: Record<string, unknown> } }>('rate-limits.json');

const names = (fields: string[]) => fields.map((f) => f.replace(/\?$/, ''));
const required = (fields: string[]) => fields.filter((f) => !f.endsWith('?'));
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
// Discord's timestamp format, as in every example of the docs.
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/;

/** Every documented-required field present, nothing undocumented, and types as in the example. */
function expectDocumented(payload: Record<string, unknown>, doc: Documented, extra: string[] = []): void {
  for (const f of required(doc.fields)) expect(payload, `missing documented field ${f}`).toHaveProperty(f);
  const allowed = new Set([...names(doc.fields), ...names(extra)]);
  for (const key of Object.keys(payload)) expect(allowed.has(key), `undocumented field ${key}`).toBe(true);
  for (const [key, value] of Object.entries(doc.example ?? {})) {
    if (key in payload && value !== null && payload[key] !== null) expect(typeOf(payload[key]), key).toBe(typeOf(value));
  }
}

const TOKEN = 'contract.token.0123456789';
let fake: FakeDiscord;
let ids: { guild: string; general: string; alice: string; bob: string; bot: string };

beforeAll(async () => {
  fake = await startFakeDiscord();
  const bot = fake.addBot({ token: TOKEN, username: 'Contract Bot' });
  const alice = fake.addUser({ username: 'alice', globalName: 'Alice Doe' });
  const bob = fake.addUser({ username: 'bob' }); // no global_name
  const guild = fake.addGuild({
    name: 'Docs',
    channels: [
      { name: 'general' },
      { name: 'Voice', type: 2 },
      { name: 'Category', type: 4 },
      { name: 'news', type: 5 },
      { name: 'forum', type: 15 },
      { name: 'a thread', type: 11 },
      { name: 'a private thread', type: 12 },
    ],
    members: [bot.id, alice.id, bob.id],
  });
  fake.setNickname(guild.id, alice.id, 'Ali');
  ids = { guild: guild.id, general: guild.channels[0]!.id, alice: alice.id, bob: bob.id, bot: bot.id };
});
afterAll(async () => {
  await fake.close();
});

async function rest(path: string): Promise<{ status: number; headers: Headers; body: unknown }> {
  const res = await fetch(`${fake.apiUrl}/v10${path}`, { headers: { authorization: `Bot ${TOKEN}` } });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** A bare gateway client: IDENTIFY, then collect dispatches until `until` says enough. */
async function dispatches(until: (seen: Array<{ t: string; d: Record<string, unknown> }>) => boolean, during: () => void = () => undefined) {
  const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
  ws.on('error', () => undefined);
  const seen: Array<{ t: string; d: Record<string, unknown> }> = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway: only saw ${seen.map((s) => s.t).join(', ')}`)), 5000);
      let fired = false;
      ws.on('message', (raw) => {
        const p = JSON.parse(String(raw)) as { op: number; t: string; d: Record<string, unknown> };
        if (p.op === 10) ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: (1 << 0) | (1 << 9) | (1 << 15), properties: { os: 'linux', browser: 'x', device: 'x' } } }));
        if (p.op !== 0) return;
        seen.push({ t: p.t, d: p.d });
        if (p.t === 'GUILD_CREATE' && !fired) {
          fired = true;
          during();
        }
        if (until(seen)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } finally {
    ws.close(1000);
  }
  return seen;
}

describe('REST follows docs/resources/message', () => {
  it('a message has the documented fields only: no guild_id, no member; +00:00 microsecond timestamps', async () => {
    expect(message.example!['timestamp']).toMatch(TIMESTAMP);
    fake.postMessage(ids.general, { authorId: ids.alice, content: 'hello' });
    const { body } = await rest(`/channels/${ids.general}/messages?limit=1`);
    const [m] = body as Array<Record<string, unknown>>;
    expectDocumented(m!, message);
    expect(m).not.toHaveProperty('guild_id');
    expect(m).not.toHaveProperty('member');
    expect(m!['timestamp']).toMatch(TIMESTAMP);
  });

  it('authors with and without global_name; an edit carries edited_timestamp in the same format', async () => {
    const posted = fake.postMessage(ids.general, { authorId: ids.bob, content: 'no global name' });
    fake.editOffline(ids.general, posted.id, 'edited');
    const { body } = await rest(`/channels/${ids.general}/messages/${posted.id}`);
    const m = body as { author: Record<string, unknown>; edited_timestamp: string };
    expect(m.author).toMatchObject({ username: 'bob', global_name: null });
    expect(m.edited_timestamp).toMatch(TIMESTAMP);
    const { body: list } = await rest(`/channels/${ids.general}/messages?limit=100`);
    const alice = (list as Array<{ author: { id: string; global_name: string | null } }>).find((x) => x.author.id === ids.alice);
    expect(alice?.author.global_name).toBe('Alice Doe');
  });

  it('attachments leave out content_type, width and height when unknown', async () => {
    fake.postMessage(ids.general, { authorId: ids.alice, content: 'files', attachments: [{ filename: 'blob.bin', size: 3 }, { filename: 'a.png', size: 9, contentType: 'image/png', width: 2, height: 3 }] });
    const { body } = await rest(`/channels/${ids.general}/messages?limit=1`);
    const [unknown, image] = (body as Array<{ attachments: Array<Record<string, unknown>> }>)[0]!.attachments;
    expectDocumented(unknown!, attachment);
    expect(Object.keys(unknown!)).not.toEqual(expect.arrayContaining(['content_type']));
    expect(unknown).not.toHaveProperty('width');
    expect(unknown).not.toHaveProperty('height');
    expect(image).toMatchObject({ content_type: 'image/png', width: 2, height: 3 });
  });

  // docs/reference.mdx, Signed Attachment CDN URLs: `ex` (hex expiry), `is` (hex issue time), `hm` (signature);
  // a fetched message's URLs are valid. The CDN refuses the others (Discord: 404).
  it('attachment URLs are signed with ex, is and hm; the CDN refuses expired, unsigned or altered ones, and a fetch again signs anew', async () => {
    const status = async (url: string) => (await fetch(url)).status;
    const urlOf = async (id: string) => ((await rest(`/channels/${ids.general}/messages/${id}`)).body as { attachments: Array<{ url: string; proxy_url: string }> }).attachments[0]!;
    try {
      fake.expireAttachmentsAfter(0);
      const posted = fake.postMessage(ids.general, { authorId: ids.alice, content: 'signed', attachments: [{ filename: 'rack photo.png', size: 9, contentType: 'image/png', width: 2, height: 3 }] });
      const old = await urlOf(posted.id);
      const params = new URL(old.url).searchParams;
      expect(old.url).toMatch(/\/attachments\/\d+\/\d+\/rack%20photo\.png\?ex=[0-9a-f]+&is=[0-9a-f]+&hm=[0-9a-f]{64}&$/);
      expect(parseInt(params.get('ex')!, 16) * 1000).toBeLessThanOrEqual(Date.now());
      expect(await status(old.url)).toBe(404);

      fake.expireAttachmentsAfter(60_000);
      const fresh = await urlOf(posted.id);
      expect(fresh.url).not.toBe(old.url);
      expect(fresh.proxy_url).toBe(fresh.url);
      const ex = parseInt(new URL(fresh.url).searchParams.get('ex')!, 16) * 1000;
      expect(ex).toBeGreaterThan(Date.now() + 50_000);
      expect(ex).toBeLessThanOrEqual(Date.now() + 60_000);
      expect(await status(fresh.url)).toBe(200);
      expect(await status(old.url)).toBe(404);
      // The list signs too; a link without its signature, or with another expiry, is refused.
      const listed = ((await rest(`/channels/${ids.general}/messages?limit=1`)).body as Array<{ attachments: Array<{ url: string }> }>)[0]!.attachments[0]!.url;
      expect(await status(listed)).toBe(200);
      expect(await status(fresh.url.split('?')[0]!)).toBe(404);
      const later = new URL(fresh.url);
      later.searchParams.set('ex', (parseInt(later.searchParams.get('ex')!, 16) + 3600).toString(16));
      expect(await status(later.toString())).toBe(404);
    } finally {
      fake.expireAttachmentsAfter(24 * 60 * 60 * 1000);
    }
  });

  // docs/reference.mdx, Signed Attachment CDN URLs: an embed image given as the CDN URL "without any parameters"
  // (or attachment://name) is rendered and refreshed by Discord; components' media are signed the same way.
  it('embed and component media on the attachment CDN are signed at each sending; other links are sent as given', async () => {
    const status = async (url: string) => (await fetch(url)).status;
    const upload = fake.postMessage(ids.general, { authorId: ids.alice, content: 'upload', attachments: [{ filename: 'chart.png', size: 9, contentType: 'image/png', width: 2, height: 3 }] });
    const file = `${fake.cdnUrl}/attachments/${ids.general}/${upload.attachments[0]!.id}/chart.png`;
    const avatar = `${fake.cdnUrl}/embed/avatars/1.png`;
    const posted = fake.postMessage(ids.general, {
      authorId: ids.alice,
      content: '',
      extra: {
        embeds: [{ type: 'rich', title: 'Chart', image: { url: file }, thumbnail: { url: avatar }, footer: { text: 'by', icon_url: file } }],
        components: [{ type: 17, components: [{ type: 12, items: [{ media: { url: file } }] }, { type: 9, components: [{ type: 10, content: 'x' }], accessory: { type: 11, media: { url: file } } }] }],
      },
    });
    type Media = { url: string; proxy_url?: string };
    const read = async () => {
      const m = (await rest(`/channels/${ids.general}/messages/${posted.id}`)).body as {
        embeds: Array<{ image: Media; thumbnail: Media; footer: { icon_url: string; proxy_icon_url: string } }>;
        components: Array<{ components: [{ items: Array<{ media: Media }> }, { accessory: { media: Media } }] }>;
      };
      const [gallery, section] = m.components[0]!.components;
      return { embed: m.embeds[0]!, gallery: gallery.items[0]!.media, thumbnail: section.accessory.media };
    };
    const signed = /\/attachments\/\d+\/\d+\/chart\.png\?ex=[0-9a-f]+&is=[0-9a-f]+&hm=[0-9a-f]{64}&$/;
    try {
      fake.expireAttachmentsAfter(0);
      const old = await read();
      for (const x of [old.embed.image, old.gallery, old.thumbnail]) {
        expect(x.url).toMatch(signed);
        expect(x.proxy_url).toBe(x.url);
      }
      expect(old.embed.footer).toMatchObject({ icon_url: expect.stringMatching(signed), proxy_icon_url: old.embed.footer.icon_url });
      expect(await status(old.embed.image.url)).toBe(404);
      // Not an attachment: left as given.
      expect(old.embed.thumbnail).toEqual({ url: avatar });

      fake.expireAttachmentsAfter(60_000);
      const fresh = await read();
      expect(fresh.embed.image.url).not.toBe(old.embed.image.url);
      for (const x of [fresh.embed.image.url, fresh.gallery.url, fresh.thumbnail.url, fresh.embed.footer.icon_url]) expect(await status(x)).toBe(200);
      expect(await status(file)).toBe(404);
    } finally {
      fake.expireAttachmentsAfter(24 * 60 * 60 * 1000);
    }
  });

  it('Get Guild Member: the documented member, nickname in nick, with its user', async () => {
    const { body } = await rest(`/guilds/${ids.guild}/members/${ids.alice}`);
    const m = body as Record<string, unknown>;
    expectDocumented(m, member);
    expect(m['nick']).toBe('Ali');
    expect(m['joined_at']).toMatch(TIMESTAMP);
    expect(m['user']).toMatchObject({ id: ids.alice });
    const missing = await rest(`/guilds/${ids.guild}/members/1234567890123`);
    expect(missing).toMatchObject({ status: 404, body: { code: 10007 } });
  });

  it('a text channel has the fields of the documented example (guild_id included over REST)', async () => {
    const { body } = await rest(`/channels/${ids.general}`);
    const c = body as Record<string, unknown>;
    for (const key of Object.keys(channel.example)) if (!channel.optionalInExample.includes(key)) expect(c, key).toHaveProperty(key);
    for (const [key, value] of Object.entries(channel.example)) if (key in c && value !== null && c[key] !== null) expect(typeOf(c[key]), key).toBe(typeOf(value));
  });

  // docs/resources/message, Get Channel Messages / Get Channel Message; 50001 from docs/topics/opcodes-and-status-codes.
  it('Get Channel Messages: no READ_MESSAGE_HISTORY gives an empty list, no VIEW_CHANNEL a 403 Missing Access', async () => {
    const news = fake.guildOfChannel(ids.general)!.channels.find((c) => c.name === 'news')!.id;
    const [m] = fake.postBacklog(news, [ids.alice], 1);
    expect((await rest(`/channels/${news}/messages?limit=5`)).body).toHaveLength(1);
    fake.withholdPermission(news, ids.bot, PERMISSION.READ_MESSAGE_HISTORY);
    expect(await rest(`/channels/${news}/messages?limit=5`)).toMatchObject({ status: 200, body: [] });
    expect(await rest(`/channels/${news}/messages/${m!.id}`)).toMatchObject({ status: 403, body: { code: 50001, message: 'Missing Access' } });
    fake.withholdPermission(news, ids.bot, PERMISSION.VIEW_CHANNEL);
    expect(await rest(`/channels/${news}/messages?limit=5`)).toMatchObject({ status: 403, body: { code: 50001, message: 'Missing Access' } });
    fake.withholdPermission(news, ids.bot, 0n, false);
    expect((await rest(`/channels/${news}/messages?limit=5`)).body).toHaveLength(1);
  });
});

describe('gateway payloads follow docs/topics/gateway-events', () => {
  it('GUILD_CREATE: only the bot among members, channels without guild_id, every channel type, threads apart', async () => {
    const seen = await dispatches((s) => s.some((x) => x.t === 'GUILD_CREATE'));
    const g = seen.find((x) => x.t === 'GUILD_CREATE')!.d as { members: Array<{ user: { id: string } }>; channels: Array<Record<string, unknown>>; threads: Array<Record<string, unknown>> };
    expect(g.members.map((m) => m.user.id)).toEqual([ids.bot]);
    for (const c of g.channels) expect(c).not.toHaveProperty('guild_id');
    const t = channel.channelTypes;
    expect(g.channels.map((c) => c['type']).sort((a, b) => Number(a) - Number(b))).toEqual([t['GUILD_TEXT'], t['GUILD_VOICE'], t['GUILD_CATEGORY'], t['GUILD_ANNOUNCEMENT'], t['GUILD_FORUM']]);
    expect(g.threads.map((c) => c['type'])).toEqual([t['PUBLIC_THREAD'], t['PRIVATE_THREAD']]);
  });

  it('MESSAGE_CREATE: the message plus guild_id and a member without user, nickname in nick', async () => {
    const seen = await dispatches(
      (s) => s.some((x) => x.t === 'MESSAGE_CREATE'),
      () => fake.postMessage(ids.general, { authorId: ids.alice, content: 'live' }),
    );
    const m = seen.find((x) => x.t === 'MESSAGE_CREATE')!.d;
    expectDocumented(m, message, gatewayExtra.extraFields);
    expect(m['guild_id']).toBe(ids.guild);
    const mem = m['member'] as Record<string, unknown>;
    expectDocumented(mem, { ...member, fields: member.fields });
    expect(mem).not.toHaveProperty('user');
    expect(mem['nick']).toBe('Ali');
  });

  it('MESSAGE_UPDATE for a link preview: a partial payload (id, channel_id, the changed fields) with edited_timestamp null', async () => {
    const posted = fake.postMessage(ids.general, { authorId: ids.alice, content: 'https://example.com' });
    const seen = await dispatches(
      (s) => s.some((x) => x.t === 'MESSAGE_UPDATE'),
      () => fake.addEmbed(ids.general, posted.id, { type: 'link', url: 'https://example.com' }),
    );
    const u = seen.find((x) => x.t === 'MESSAGE_UPDATE')!.d;
    for (const f of gatewayExtra.updateAlwaysHas) expect(u).toHaveProperty(f);
    expect(u).toMatchObject({ id: posted.id, channel_id: ids.general, edited_timestamp: null });
    expect(u).not.toHaveProperty('content');
    expect(u).not.toHaveProperty('author');
  });
});

describe('formats, for any input', () => {
  it('every instant is written in the docs\' timestamp format and reads back to the same millisecond', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        const s = discordTimestamp(d.toISOString());
        expect(s).toMatch(TIMESTAMP);
        expect(Date.parse(s)).toBe(d.getTime());
      }),
    );
  });

  it('a route\'s bucket ignores ids but its top-level resource (channel, guild) keeps them apart', () => {
    const snowflake = fc.bigInt({ min: 10n ** 16n, max: 2n ** 63n - 1n }).map(String);
    fc.assert(
      fc.property(snowflake, snowflake, snowflake, (a, b, m) => {
        const x = routeOf('GET', `/channels/${a}/messages/${m}`);
        const y = routeOf('GET', `/channels/${b}/messages/${m}`);
        expect(x.route).toBe('GET /channels/:id/messages/:id');
        expect(x.route).toBe(y.route);
        expect([x.major, y.major]).toEqual([a, b]);
      }),
    );
  });
});

describe('rate limits follow docs/topics/rate-limits', () => {
  it('every answer carries the X-RateLimit-* headers of the documented example', async () => {
    fake.setRateLimits({ perRoute: { limit: 1000, resetAfterMs: 1000 }, storm: null });
    const { headers } = await rest(`/channels/${ids.general}/messages?limit=1`);
    for (const name of Object.keys(rate.headerExample)) expect(headers.get(name), name).not.toBeNull();
  });

  it('an exhausted bucket answers 429 with the documented body and headers; other channels have their own bucket', async () => {
    fake.setRateLimits({ perRoute: { limit: 2, resetAfterMs: 60_000 }, storm: null });
    await rest(`/channels/${ids.general}/messages?limit=1`);
    await rest(`/channels/${ids.general}/messages?limit=1`);
    const limited = await rest(`/channels/${ids.general}/messages?limit=1`);
    expect(limited.status).toBe(429);
    expect(Object.keys(limited.body as object).sort()).toEqual(Object.keys(rate.userLimited.body).sort());
    expect(limited.body).toMatchObject({ global: false });
    for (const name of Object.keys(rate.userLimited.headers)) expect(limited.headers.get(name), name).not.toBeNull();
    expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
    const other = await rest(`/channels/${fake.guildOfChannel(ids.general)!.channels[3]!.id}/messages?limit=1`);
    expect(other.status).toBe(200);
    fake.setRateLimits({ perRoute: { limit: 1000, resetAfterMs: 1000 } });
  });

  it('a global 429 says global: true with X-RateLimit-Global and no route headers', async () => {
    fake.setRateLimits({ storm: { every: 1, retryAfterMs: 500, scope: 'global' } });
    const limited = await rest(`/channels/${ids.general}/messages?limit=1`);
    fake.setRateLimits({ storm: null });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ global: true });
    expect(typeof (limited.body as { retry_after: unknown }).retry_after).toBe('number');
    for (const name of Object.keys(rate.globalLimited.headers)) expect(limited.headers.get(name), name).not.toBeNull();
    expect(limited.headers.get('x-ratelimit-bucket')).toBeNull();
  });
});
