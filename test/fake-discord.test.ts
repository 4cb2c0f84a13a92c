// The fake Discord, exercised through the real discord.js client: if these pass, the fake is
// a faithful enough peer for the product's integration tests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits, type Message, type PartialMessage, type TextChannel } from 'discord.js';
import { startFakeDiscord, type FakeDiscord, type FakeGuild, type FakeUser } from './fake-discord/server.js';
import { seedDemo, startChatter } from './fake-discord/demo-data.js';

const TOKEN = 'fake-token-1';
let fake: FakeDiscord;
let guild: FakeGuild;
let alice: FakeUser;
let channelId: string;
const clients: Client[] = [];

function newClient(intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent]): Client {
  const client = new Client({ intents, rest: { api: fake.apiUrl, cdn: fake.cdnUrl } });
  clients.push(client);
  return client;
}

async function loginReady(client: Client, token = TOKEN): Promise<number> {
  const started = performance.now();
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  return performance.now() - started;
}

function next<T extends unknown[]>(client: Client, event: Events.MessageCreate | Events.MessageUpdate | Events.MessageDelete): Promise<T> {
  return new Promise((resolve) => client.once(event, (...args: unknown[]) => resolve(args as T)));
}

beforeEach(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  fake.addBot({ token: TOKEN, id: '1000000000000000001', username: 'monitor' });
  alice = fake.addUser({ username: 'alice', globalName: 'Alice', avatar: 'abc123' });
  guild = fake.addGuild({
    name: 'Home Lab',
    channels: [{ name: 'general' }, { name: 'Voice', type: 2 }],
    members: [alice.id, '1000000000000000001'],
  });
  channelId = guild.channels[0]!.id;
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.destroy()));
  await fake.close();
});

describe('fake Discord with the real discord.js client', () => {
  it('logs in, becomes ready and caches the guild and channel', async () => {
    const client = newClient();
    const ms = await loginReady(client);
    console.info(`login → ready: ${ms.toFixed(1)} ms`);
    expect(client.user?.id).toBe('1000000000000000001');
    expect(client.guilds.cache.get(guild.id)?.name).toBe('Home Lab');
    const channel = client.channels.cache.get(channelId) as TextChannel | undefined;
    expect(channel?.name).toBe('general');
    expect(channel?.isTextBased()).toBe(true);
    expect(client.application?.flags.bitfield).toBe(1 << 19);
    expect(fake.liveSessions(TOKEN)).toBe(1);
    expect(fake.identifyCount(TOKEN)).toBe(1);
    expect(fake.unhandledRoutes).toEqual([]);
  });

  it('delivers create, update and delete as discord.js events', async () => {
    const client = newClient();
    await loginReady(client);

    const created = next<[Message]>(client, Events.MessageCreate);
    const sentAt = performance.now();
    const posted = fake.postMessage(channelId, {
      authorId: alice.id,
      content: 'hello **world**',
      attachments: [{ filename: 'rack.png', size: 1234, contentType: 'image/png', width: 64, height: 32 }],
    });
    const [message] = await created;
    console.info(`postMessage → messageCreate: ${(performance.now() - sentAt).toFixed(2)} ms`);
    expect(message.id).toBe(posted.id);
    expect(message.content).toBe('hello **world**');
    expect(message.author.username).toBe('alice');
    expect(message.author.displayName).toBe('Alice');
    expect(message.author.avatarURL()).toContain(fake.cdnUrl);
    const attachment = message.attachments.first();
    expect(attachment?.name).toBe('rack.png');
    expect(attachment?.width).toBe(64);
    const image = await fetch(attachment!.url);
    expect(image.headers.get('content-type')).toBe('image/png');

    const updated = next<[Message | PartialMessage, Message]>(client, Events.MessageUpdate);
    fake.editMessage(channelId, posted.id, 'hello again');
    const [before, after] = await updated;
    expect(before.content).toBe('hello **world**');
    expect(after.content).toBe('hello again');
    expect(after.editedTimestamp).not.toBeNull();

    const deleted = next<[Message]>(client, Events.MessageDelete);
    fake.deleteMessage(channelId, posted.id);
    expect((await deleted)[0].id).toBe(posted.id);
    expect(fake.messages(channelId)).toEqual([]);
  });

  it('rejects login when IDENTIFY is closed with 4004', async () => {
    fake.setIdentifyClose(TOKEN, 4004);
    await expect(newClient().login(TOKEN)).rejects.toThrow(/Authentication failed/);
    // The server records the code when the client's echo arrives, just after login() rejects.
    await fake.waitFor(() => fake.closeCodes(TOKEN).includes(4004));
  });

  it('rejects login with disallowed intents on 4014, forced or from missing app flags', async () => {
    fake.setIdentifyClose(TOKEN, 4014);
    await expect(newClient().login(TOKEN)).rejects.toThrow(/disallowed intents/i);

    fake.addBot({ token: 'no-content-flag', applicationFlags: 0 });
    await expect(newClient().login('no-content-flag')).rejects.toThrow(/disallowed intents/i);
  });

  it('rejects an unknown token over REST', async () => {
    await expect(newClient().login('nope')).rejects.toThrow(/token/i);
  });

  it('resumes after an abrupt drop and replays what was sent meanwhile exactly once', async () => {
    const client = newClient();
    await loginReady(client);
    const seen: string[] = [];
    client.on(Events.MessageCreate, (m) => seen.push(m.content));

    fake.dropConnections();
    await fake.waitFor(() => fake.liveSessions(TOKEN) === 0);
    fake.postMessage(channelId, { authorId: alice.id, content: 'while you were away' });
    await fake.waitFor(() => seen.length > 0, 5000);
    fake.postMessage(channelId, { authorId: alice.id, content: 'after resume' });
    await fake.waitFor(() => seen.length === 2);

    expect(seen).toEqual(['while you were away', 'after resume']);
    expect(fake.resumeCount(TOKEN)).toBe(1);
    expect(fake.identifyCount(TOKEN)).toBe(1);
    expect(fake.closeCodes(TOKEN)).toEqual([1006]);
    expect(fake.maxConcurrentSessions(TOKEN)).toBe(1);
  });

  it('answers a RESUME of an invalidated session with op 9, and the client re-identifies', async () => {
    // discord.js throttles the second IDENTIFY of a manager by ~5 s; lift that for the test.
    const client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
      rest: { api: fake.apiUrl },
      ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: () => Promise.resolve() }) },
    });
    clients.push(client);
    let shardReadies = 0;
    client.on(Events.ShardReady, () => shardReadies++);
    await loginReady(client);
    fake.invalidateSessions();
    fake.dropConnections();
    // Wait on the client, not just the fake: destroying discord.js between IDENTIFY and READY
    // makes it hang and re-identify, which would break afterEach. (client.isReady() stays
    // true throughout a reconnect, so it cannot tell.)
    await fake.waitFor(() => shardReadies === 2, 5000);
    expect(fake.identifyCount(TOKEN)).toBe(2);
    expect(fake.liveSessions(TOKEN)).toBe(1);
    expect(fake.resumeCount(TOKEN)).toBe(1);
    expect(fake.maxConcurrentSessions(TOKEN)).toBe(1);
  });

  it('counts two clients with the same token as two live sessions', async () => {
    await Promise.all([loginReady(newClient()), loginReady(newClient())]);
    expect(fake.liveSessions(TOKEN)).toBe(2);
    expect(fake.maxConcurrentSessions(TOKEN)).toBe(2);
  });

  it('sees destroy as close code 1000 and no live session', async () => {
    const client = newClient();
    await loginReady(client);
    await client.destroy();
    await fake.waitFor(() => fake.liveSessions(TOKEN) === 0);
    expect(fake.closeCodes(TOKEN)).toContain(1000);
    expect(fake.maxConcurrentSessions(TOKEN)).toBe(1);
  });

  it('pages history with after=, newest first', async () => {
    const posted = ['one', 'two', 'three', 'four', 'five'].map((content) =>
      fake.postMessage(channelId, { authorId: alice.id, content }),
    );
    fake.deleteMessage(channelId, posted[3]!.id);
    const client = newClient();
    await loginReady(client);
    const channel = client.channels.cache.get(channelId) as TextChannel;

    const sentAt = performance.now();
    const page = await channel.messages.fetch({ after: posted[0]!.id, limit: 2 });
    console.info(`messages.fetch({ after }): ${(performance.now() - sentAt).toFixed(2)} ms`);
    expect([...page.values()].map((m) => m.content)).toEqual(['three', 'two']);

    const rest = await channel.messages.fetch({ after: posted[2]!.id, limit: 50 });
    expect([...rest.values()].map((m) => m.content)).toEqual(['five']);
    const latest = await channel.messages.fetch({ limit: 3 });
    expect([...latest.values()].map((m) => m.content)).toEqual(['five', 'three', 'two']);
    const before = await channel.messages.fetch({ before: posted[2]!.id });
    expect([...before.values()].map((m) => m.content)).toEqual(['two', 'one']);
  });

  it('stops answering while silent; the client notices and resumes once it is back', async () => {
    const client = newClient();
    await loginReady(client);
    const seen: string[] = [];
    client.on(Events.MessageCreate, (m) => seen.push(m.content));
    fake.setSilent(true);
    fake.postMessage(channelId, { authorId: alice.id, content: 'into the void' });
    // With a 1 s heartbeat the client declares a zombie after two unanswered beats.
    await fake.waitFor(() => fake.closeCodes(TOKEN).includes(4200), 5000);
    expect(seen).toEqual([]);
    fake.setSilent(false);
    await fake.waitFor(() => seen.length === 1, 5000);
    expect(seen).toEqual(['into the void']);
    expect(fake.maxConcurrentSessions(TOKEN)).toBe(1);
  });

  it('survives restart() on the same port with sessions resumable', async () => {
    const client = newClient();
    await loginReady(client);
    const port = fake.port;
    await fake.restart();
    expect(fake.port).toBe(port);
    await fake.waitFor(() => fake.liveSessions(TOKEN) === 1, 5000);
    expect(fake.resumeCount(TOKEN)).toBe(1);
  });

  it('serves the REST objects and errors the product relies on', async () => {
    const headers = { authorization: `Bot ${TOKEN}` };
    const get = async (path: string, h: Record<string, string> = headers) => {
      const res = await fetch(`${fake.apiUrl}/v10${path}`, { headers: h });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect((await get('/users/@me')).body['username']).toBe('monitor');
    expect((await get('/applications/@me')).body['flags']).toBe(1 << 19);
    expect(await get('/users/@me', { authorization: 'Bot wrong' })).toEqual({
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    });
    expect((await get('/guilds/1')).body['code']).toBe(10004);
    expect((await get('/channels/1')).body['code']).toBe(10003);
    const other = fake.addGuild({ name: 'Elsewhere', channels: [{ name: 'x' }], members: [alice.id] });
    expect(await get(`/guilds/${other.id}`)).toEqual({ status: 403, body: { code: 50001, message: 'Missing Access' } });
    expect((await get(`/channels/${other.channels[0]!.id}`)).status).toBe(403);
    expect((await get(`/channels/${channelId}`)).body['guild_id']).toBe(guild.id);
    expect((await get('/nope')).status).toBe(404);
    expect(fake.unhandledRoutes).toEqual(['GET /api/v10/nope']);
  });

  it('sends a bot message over REST and dispatches it', async () => {
    const client = newClient();
    await loginReady(client);
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const echoed = next<[Message]>(client, Events.MessageCreate);
    const sent = await channel.send('pong');
    expect(sent.author.id).toBe(client.user!.id);
    expect((await echoed)[0].id).toBe(sent.id);
    expect(fake.messages(channelId).map((m) => m.content)).toEqual(['pong']);
  });

  it('seeds the demo and chatters', async () => {
    const seed = seedDemo(fake, 'demo-token');
    const before = fake.messages(seed.channelId).length;
    const stop = startChatter(fake, seed.channelId, 20);
    await fake.waitFor(() => fake.messages(seed.channelId).length >= before + 3, 3000);
    stop();
    const client = newClient();
    await loginReady(client, 'demo-token');
    // text, text, voice, announcement, category, forum: discord.js places each from GUILD_CREATE (no guild_id there).
    expect(client.guilds.cache.get(seed.guildId)?.channels.cache.map((c) => c.type).sort((x, y) => x - y)).toEqual([0, 0, 2, 4, 5, 15]);
  });
});
