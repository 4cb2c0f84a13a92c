// bench/ingest-stages: our own CPU per live message, stage by stage, without the network or the panel:
// discord.js structures built from a MESSAGE_CREATE payload like the fake's burst, then the live path
// (toChatMessage, BatchWriter → MessageStore in batches of 256 like the sink's slices, EventBus with
// the secrets set, EventFrames). A steadier figure than live-ingest's per-process CPU on a busy machine.
// Run: npx vitest run -c vitest.bench.config.ts bench/ingest-stages.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Guild, type Message, type TextChannel } from 'discord.js';
import { expect, it } from 'vitest';
import { toChatMessage } from '../electron/core/bot/to-chat-message.js';
import { EventBus } from '../electron/core/event-bus.js';
import { Redactor } from '../electron/core/log/redactor.js';
import { BatchWriter } from '../electron/core/messages/batch-writer.js';
import { MessageStore } from '../electron/core/messages/store.js';
import { EventFrames } from '../electron/headless/http/event-frames.js';
import type { ChatMessage } from '../shared/types.js';

const GUILD = '100000000000000001';
const CHANNEL = '100000000000000002';
const USER = '100000000000000003';
const SLICE = 256;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const WARMUP = 20;

it(`our live path per message, by stage (${ROUNDS - WARMUP} slices of ${SLICE})`, () => {
  const client = new Client({ intents: [] });
  const guild = (client.guilds as unknown as { _add(d: unknown): Guild })._add({
    id: GUILD,
    name: 'g',
    roles: [{ id: GUILD, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '0', managed: false, mentionable: false }],
    members: [],
    channels: [{ id: CHANNEL, type: 0, name: 'general', position: 0, permission_overwrites: [] }],
  });
  const channel = guild.channels.cache.get(CHANNEL) as TextChannel;
  const redactor = new Redactor();
  redactor.add('bench.bot-token.ours-0123456789abcdef');
  redactor.add('panel-access-token-0123456789abcdef');
  const dir = mkdtempSync(join(tmpdir(), 'dm-stages-'));
  const store = new MessageStore(join(dir, 'messages.sqlite'), (json) => redactor.scrub(json));
  // As the app runs it (FtsIndexer.start): no automatic checkpoint inside a burst's commits.
  store.database.pragma('wal_autocheckpoint = 16384');
  const writer = new BatchWriter(store, () => null);
  const bus = new EventBus(redactor);
  const frames = new EventFrames(bus);
  let sent = 0;
  frames.add({ sendText: (t) => void (sent += t.length) });
  let n = 0n;
  const raw = () => {
    const id = String(1300000000000000000n + ++n);
    return {
      id, channel_id: CHANNEL, guild_id: GUILD, type: 0, content: `burst message ${n} with some ordinary words in it`,
      author: { id: USER, username: 'sender', global_name: 'Sender', avatar: 'a'.repeat(32), discriminator: '0', bot: false },
      member: { nick: null, roles: [], joined_at: '2020-01-01T00:00:00.000000+00:00', deaf: false, mute: false },
      timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], pinned: false,
    };
  };
  const spent = { view: 0, store: 0, bus: 0, frames: 0 };
  const lap = (stage: keyof typeof spent, since: number, counted: boolean) => {
    const now = performance.now();
    if (counted) spent[stage] += now - since;
    return now;
  };
  try {
    for (let r = 0; r < ROUNDS; r++) {
      const messages = Array.from({ length: SLICE }, () => (channel.messages as unknown as { _add(d: unknown): Message })._add(raw()));
      const counted = r >= WARMUP;
      let t = performance.now();
      const chats = messages.map((m) => toChatMessage(m, false, undefined, (id) => writer.get(id))!);
      t = lap('view', t, counted);
      // The sink's order: queued, told to the panel, the slice written at the end of the turn.
      for (const c of chats) writer.add(c);
      t = lap('store', t, counted);
      for (const c of chats) bus.emit('message.created', c);
      t = lap('bus', t, counted);
      writer.flush();
      t = lap('store', t, counted);
      frames.flush();
      lap('frames', t, counted);
      channel.messages.cache.clear();
    }
    const per = (ms: number) => (1000 * ms) / ((ROUNDS - WARMUP) * SLICE);
    const total = per(spent.view + spent.store + spent.bus + spent.frames);
    console.log(
      `ingest stages, µs per message: view ${per(spent.view).toFixed(2)} | store ${per(spent.store).toFixed(2)} | bus ${per(spent.bus).toFixed(2)} | frames ${per(spent.frames).toFixed(2)} | total ${total.toFixed(2)} (load ${loadavg()[0]!.toFixed(2)})`,
    );
    expect(store.list(CHANNEL, 1)[0]?.id).toBe(String(1300000000000000000n + n));
    expect(sent).toBeGreaterThan(0);
    expect(JSON.stringify(store.get(String(1300000000000000000n + n)) as ChatMessage)).toContain('burst message');
  } finally {
    frames.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
