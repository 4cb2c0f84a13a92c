// bench/ingest-stages: our own CPU per live message, stage by stage, without the network or the panel:
// discord.js structures built from a MESSAGE_CREATE payload like the fake's burst, then the live path
// (toChatMessage, BatchWriter → MessageStore in batches of 256 like the sink's slices, EventBus with
// the secrets set, EventFrames). A steadier figure than live-ingest's per-process CPU on a busy machine.
// The stages are the event loop's time; the store's write thread commits the batches beside it (its CPU
// is the process's CPU minus the main thread's, printed as "other threads", with V8's GC helpers).
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
import { EventFrames } from '../electron/core/live/event-frames.js';
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
  // The main thread's own CPU time (not wall time): the figures hold on a machine shared with other work.
  const mainCpuMs = () => {
    const u = process.threadCpuUsage();
    return (u.user + u.system) / 1000;
  };
  const lap = (stage: keyof typeof spent, since: number, counted: boolean) => {
    const now = mainCpuMs();
    if (counted) spent[stage] += now - since;
    return now;
  };
  let cpu = process.cpuUsage();
  let main = process.threadCpuUsage();
  try {
    for (let r = 0; r < ROUNDS; r++) {
      if (r === WARMUP) {
        writer.flush();
        cpu = process.cpuUsage();
        main = process.threadCpuUsage();
      }
      const messages = Array.from({ length: SLICE }, () => (channel.messages as unknown as { _add(d: unknown): Message })._add(raw()));
      const counted = r >= WARMUP;
      let t = mainCpuMs();
      const chats = messages.map((m) => toChatMessage(m, false, undefined, (id) => writer.get(id))!);
      t = lap('view', t, counted);
      // The sink's order: queued, told to the panel, the slice handed to the write thread at the end of the turn.
      for (const c of chats) writer.add(c);
      t = lap('store', t, counted);
      for (const c of chats) bus.emit('message.created', c);
      t = lap('bus', t, counted);
      writer.handOff();
      t = lap('store', t, counted);
      frames.flush();
      lap('frames', t, counted);
      channel.messages.cache.clear();
    }
    const t0 = mainCpuMs();
    writer.flush();
    spent.store += mainCpuMs() - t0;
    const used = process.cpuUsage(cpu);
    const mainUsed = process.threadCpuUsage(main);
    const per = (ms: number) => (1000 * ms) / ((ROUNDS - WARMUP) * SLICE);
    const loop = spent.view + spent.store + spent.bus + spent.frames;
    const thread = (used.user + used.system - mainUsed.user - mainUsed.system) / 1000;
    console.log(
      `ingest stages, CPU µs per message on the event loop: view ${per(spent.view).toFixed(2)} | store ${per(spent.store).toFixed(2)} | bus ${per(spent.bus).toFixed(2)} | frames ${per(spent.frames).toFixed(2)} | total ${per(loop).toFixed(2)}; other threads ${per(thread).toFixed(2)} (load ${loadavg()[0]!.toFixed(2)})`,
    );
    expect(store.list(CHANNEL, 1)[0]?.id).toBe(String(1300000000000000000n + n));
    // A burst is paced for the panel (panel-pace.ts): every slice is counted for a notice whose timer
    // this synchronous loop never lets run, so nothing is sent; "frames" is that counting.
    expect(sent).toBe(0);
    expect(JSON.stringify(store.get(String(1300000000000000000n + n)) as ChatMessage)).toContain('burst message');
  } finally {
    frames.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
