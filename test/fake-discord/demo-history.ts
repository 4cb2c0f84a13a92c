// Weeks of believable #general history for `npm run demo`, so backfill, scroll-back, search, stats,
// jump-to-date and export have something real to show. Seeded (same messages every run) and posted
// without gateway events, as if written before the bot joined.
import { RARE_KINDS, rareMessage, type RareKind } from './demo-history-rare.js';
import type { FakeDiscord } from './server.js';

type Json = Record<string, unknown>;
const DAY = 86_400_000;

export interface DemoHistoryCast {
  channelId: string;
  guildId: string;
  people: string[];
  /** The bot that posts the nightly embed report. */
  reporterId: string;
  roleIds: string[];
  /** Other channels people link to with <#id>. */
  channelIds: string[];
  /** Where embeds' images and icons point (the fake CDN). */
  cdnUrl: string;
  /** The bot application's owner: the panel highlights messages that mention them. */
  ownerId?: string;
}

/** How many of each kind were posted (a message may count in several). */
export interface DemoHistoryCounts {
  total: number;
  userMentions: number;
  roleMentions: number;
  channelMentions: number;
  everyone: number;
  embeds: number;
  replies: number;
  reactions: number;
  attachments: number;
  images: number;
  codeBlocks: number;
  system: number;
  /** Messages that mention the owner by id (not counting @everyone / @here). */
  ownerMentions: number;
  threads: number;
  threadsCreated: number;
  polls: number;
  stickers: number;
  animatedEmoji: number;
  maskedLinks: number;
  headings: number;
  here: number;
  authorImageEmbeds: number;
  videos: number;
  audios: number;
}

const TOPICS = [
  'the NAS scrub finished, 0 errors', 'restarted jellyfin again', 'wifi in the garage dropped twice today', 'new proxmox kernel is out',
  'grafana alert for disk latency on nas-2', 'pi-hole blocked 14k queries', 'the UPS self-test passed', 'moved the printer to VLAN 30',
  'backups took longer than usual', 'zigbee sensors went offline after the update', 'renewed the certificates', 'fan noise in the rack is back',
];
const SNIPPETS = [
  '```bash\nzpool status -x\n```',
  '```yaml\nservices:\n  jellyfin:\n    image: jellyfin/jellyfin:10.9\n    restart: unless-stopped\n```',
  '```ts\nconst healthy = disks.every((d) => d.errors === 0);\n```',
  'try `systemctl --failed` first',
];
const LINKS = [
  { url: 'https://github.com/home-assistant/core/releases', title: 'Releases · home-assistant/core', description: 'Open source home automation that puts local control and privacy first.' },
  { url: 'https://www.proxmox.com/en/news', title: 'Proxmox News', description: 'Press releases and product updates.' },
];
const FILES = [
  { filename: 'grafana-dashboard.png', contentType: 'image/png', width: 1280, height: 720, size: 184_233 },
  { filename: 'rack-front.jpg', contentType: 'image/jpeg', width: 1024, height: 768, size: 402_118 },
  { filename: 'speedtest.png', contentType: 'image/png', width: 600, height: 400, size: 48_920 },
  { filename: 'smartctl-nas2.log', contentType: 'text/plain', size: 12_004 },
  { filename: 'network-diagram.pdf', contentType: 'application/pdf', size: 220_417 },
];
type Attachment = { filename: string; contentType: string; size: number; width?: number; height?: number };
const EMOJI = ['👍', '🎉', '😂', '👀', '🔥', '✅'];

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** A small seeded generator (mulberry32): the same history on every demo start. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Posts `count` messages spread over the last `days` days (ending an hour ago); returns what kinds went in. */
export function seedDemoHistory(fake: FakeDiscord, cast: DemoHistoryCast, count = 3000, days = 28, now = Date.now()): DemoHistoryCounts {
  const rnd = random(9);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const user = (id: string) => {
    const u = fake.user(id);
    return { id, username: u?.username ?? 'someone', global_name: u?.globalName ?? null, avatar: u?.avatar ?? null, discriminator: '0' };
  };
  const n: DemoHistoryCounts = { total: count, userMentions: 0, roleMentions: 0, channelMentions: 0, everyone: 0, embeds: 0, replies: 0, reactions: 0, attachments: 0, images: 0, codeBlocks: 0, system: 0, ...zeros(RARE_KINDS) };
  const from = now - days * DAY;
  const span = now - 3_600_000 - from;
  const items: Array<{ at: number; authorId: string; content: string; attachments?: Attachment[]; extra?: Json }> = [];
  // Ids are only known once posted; a reply points at an earlier item by index and is patched below.
  const replyTo = new Map<number, number>();
  // Thread starters and THREAD_CREATED lines get their thread's id the same way.
  const threadOf: Array<{ i: number; starter: boolean }> = [];
  let rareTurn = 0;
  for (let i = 0; i < count; i++) {
    // Evenly spread with jitter: every day and hour of the period has messages.
    const base = from + (span * i) / count;
    const at = Math.min(now - 3_600_000, base + rnd() * (span / count) * 0.9);
    const authorId = pick(cast.people);
    const roll = rnd();
    const extra: Json = {};
    let content = `${pick(TOPICS)}${rnd() < 0.3 ? ` ${pick(EMOJI)}` : ''}`;
    let attachments: Attachment[] | undefined;
    let poster = authorId;
    if (i % 97 === 13) {
      // docs/resources/message, Message Types: 7 join, 8 boost, 6 pin (with a reference to the pinned message).
      const type = pick([7, 7, 8, 6]);
      content = '';
      extra.type = type;
      if (type === 6 && i > 0) replyTo.set(i, i - 1 - Math.floor(rnd() * 5));
      n.system++;
    } else if (i % 70 === 5) {
      poster = cast.reporterId;
      content = '';
      const ok = rnd() < 0.85;
      extra.embeds = [{ type: 'rich', title: 'Nightly backup report', description: ok ? 'All **3** jobs finished.' : '**1** job failed: `photos` (disk full)', color: ok ? 0x2ecc71 : 0xe74c3c, fields: [{ name: 'NAS', value: `${(1 + rnd()).toFixed(1)} TB`, inline: true }, { name: 'VMs', value: `${Math.round(60 + rnd() * 40)} GB`, inline: true }], footer: { text: 'Backup Reporter' }, timestamp: new Date(at).toISOString() }];
      n.embeds++;
    } else if (i % 41 === 17) {
      // Every rarer kind in turn, a few of each over the weeks.
      const kind: RareKind = RARE_KINDS[rareTurn % RARE_KINDS.length]!;
      const made = rareMessage(kind, Math.floor(rareTurn++ / RARE_KINDS.length), { at, now, guildId: cast.guildId, channelId: cast.channelId, cdnUrl: cast.cdnUrl, reporterId: cast.reporterId, ownerId: cast.ownerId ?? null, rnd, user });
      content = made.content;
      Object.assign(extra, made.extra);
      if (made.attachments) attachments = made.attachments;
      if (made.poster) poster = made.poster;
      if (made.startsThread || made.createsThread) threadOf.push({ i, starter: made.startsThread === true });
      if (kind !== 'ownerMentions' || cast.ownerId) n[kind]++;
      if (kind === 'authorImageEmbeds') n.embeds++;
      if (made.attachments) n.attachments++;
    } else if (roll < 0.12) {
      const target = pick(cast.people.filter((p) => p !== authorId));
      content = `<@${target}> ${pick(['can you check this?', 'you were right about the cable', 'thanks!', 'did you reboot it?'])}`;
      extra.mentions = [user(target)];
      n.userMentions++;
      if (target === cast.ownerId) n.ownerMentions++;
    } else if (roll < 0.16) {
      const role = pick(cast.roleIds);
      content = `<@&${role}> ${pick(['maintenance tonight at 22:00', 'please review the firewall change'])}`;
      extra.mention_roles = [role];
      n.roleMentions++;
    } else if (roll < 0.2) {
      content = `moved the discussion to <#${pick(cast.channelIds)}>`;
      n.channelMentions++;
    } else if (roll < 0.205) {
      content = '@everyone power cut on Saturday 9–11, the rack goes down at 8:45';
      extra.mention_everyone = true;
      n.everyone++;
    } else if (roll < 0.27) {
      content = `${pick(['here is what I ran:', 'this fixed it', 'for next time'])}\n${pick(SNIPPETS)}`;
      n.codeBlocks++;
    } else if (roll < 0.34) {
      const file = pick(FILES);
      attachments = [file];
      content = pick(['look at this', 'current state of things', '', 'the log from last night']);
      n.attachments++;
      if (file.contentType.startsWith('image/')) n.images++;
    } else if (roll < 0.37) {
      const link = pick(LINKS);
      content = link.url;
      extra.embeds = [{ type: 'link', ...link }];
      n.embeds++;
    } else if (roll < 0.47 && i > 0) {
      extra.type = 19;
      replyTo.set(i, Math.max(0, i - 1 - Math.floor(rnd() * 20)));
      content = pick(['agreed', 'same here', 'fixed now?', 'good catch', 'I will look tonight']);
      n.replies++;
    }
    if (rnd() < 0.15 && !extra.type) {
      const reactions = [...new Set([pick(EMOJI), pick(EMOJI)])].map((name) => ({ count: 1 + Math.floor(rnd() * 4), count_details: { burst: 0, normal: 1 }, me: false, me_burst: false, emoji: { id: null, name }, burst_colors: [] }));
      for (const r of reactions) r.count_details.normal = r.count;
      extra.reactions = reactions;
      n.reactions++;
    }
    items.push({ at, authorId: poster, content, ...(attachments ? { attachments } : {}), extra });
  }
  // Ids come from the times, so they are known before posting: patch the references in.
  const idAt = (i: number) => (((BigInt(Math.round(items[i]!.at)) - 1_420_070_400_000n) << 22n) | BigInt(i % 4_194_304)).toString();
  for (const [i, target] of replyTo) {
    const t = items[target]!;
    const extra = items[i]!.extra!;
    extra.message_reference = { type: 0, message_id: idAt(target), channel_id: cast.channelId, guild_id: cast.guildId };
    if (extra.type === 19) {
      extra.referenced_message = { id: idAt(target), type: 0, channel_id: cast.channelId, author: user(t.authorId), content: t.content, timestamp: new Date(t.at).toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], pinned: false, flags: 0, components: [] };
      extra.mentions = [user(t.authorId)];
    }
  }
  for (const { i, starter } of threadOf) {
    const extra = items[i]!.extra!;
    // A thread started from a message has the message's id; a thread without one a new id of its time.
    if (starter) (extra.thread as Json).id = idAt(i);
    else (extra.message_reference as Json).channel_id = (BigInt(idAt(i)) | 4_194_303n).toString();
  }
  fake.postPast(cast.channelId, items);
  return n;
}
