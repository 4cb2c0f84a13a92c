// The gateway socket of a client made by ClientOwner is read one read at a time per event-loop turn:
// libuv reads up to 32 × 64 KiB of a busy socket in one turn, and discord.js parses every frame of it
// before anything else runs (a 10,000-message burst stalled the loop 40-170 ms a turn, bench/live-ingest).
import { Events, GatewayIntentBits, Partials, type Client } from 'discord.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ClientOwner } from '../../electron/core/bot/client-owner.js';
import { IdentifyGate } from '../../electron/core/bot/identify-gate.js';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { turnCounter } from '../helpers/turn-counter.js';

let world: World;
let owner: ClientOwner;

beforeEach(async () => {
  world = await createWorld();
  owner = new ClientOwner({ gate: new IdentifyGate(50), closeTimeoutMs: 1000, onRefused: () => undefined });
});
afterEach(async () => {
  await owner.destroy();
  await world.close();
});

async function readyClient(): Promise<Client> {
  const client = await owner.create({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    partials: [Partials.Message],
    rest: { api: world.fake.apiUrl },
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(TOKEN);
  await ready;
  return client;
}

it('a 10,000-message burst reaches discord.js over many turns, a socket read or two each, all of it in order', { timeout: 120_000 }, async () => {
  const client = await readyClient();
  const turns = turnCounter();
  const perTurn = new Map<number, number>();
  const got: string[] = [];
  const done = new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`only ${got.length} of 10,000 messages within 60 s`)), 60_000);
    client.on(Events.MessageCreate, (m) => {
      got.push(m.id);
      perTurn.set(turns.now(), (perTurn.get(turns.now()) ?? 0) + 1);
      if (got.length < 10_000) return;
      clearTimeout(deadline);
      resolve();
    });
  });
  const posted: string[] = [];
  // Posted in one go by the in-process fake: the whole burst waits in the socket before the client reads.
  for (let i = 0; i < 10_000; i++) posted.push(world.fake.postMessage(world.channelId, { authorId: world.userId, content: `burst ${i} with some ordinary words in it` }).id);
  try {
    await done;
  } finally {
    turns.stop();
  }
  expect(got).toEqual(posted);
  // A 64 KiB read holds ~70 of these frames; two reads can land in one turn (one emitted, one buffered).
  // Read whole, a turn parsed 1,000-3,000 of them.
  expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(250);
});
