// A believable little server for `npm run demo` and screenshots: one bot, four people,
// a few channels, some history, and background chatter so the UI has something to show.
import { seedDemoHistory, type DemoHistoryCounts } from './demo-history.js';
import type { FakeDiscord } from './server.js';

export interface DemoSeed {
  token: string;
  guildId: string;
  /** #general, the channel the demo watches. */
  channelId: string;
  alertsChannelId: string;
  /** What the weeks of history hold (seedDemoHistory). */
  history: DemoHistoryCounts;
}

const PEOPLE = [
  { username: 'ada.l', globalName: 'Ada', avatar: '3f1c2a9e8b7d6c5a4f3e2d1c0b9a8f7e' },
  { username: 'grace_h', globalName: 'Grace Hopper', avatar: '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d' },
  // No global name: Discord shows the username.
  { username: 'linus42', avatar: null },
  { username: 'margaret.h', globalName: 'Margaret', avatar: 'c0ffee00c0ffee00c0ffee00c0ffee00' },
  { username: 'ken.t', globalName: 'Ken Thompson', avatar: '0b1e2c3d4e5f60718293a4b5c6d7e8f9' },
  { username: 'barbara_l', globalName: 'Barbara', avatar: null },
  { username: 'dennis.r', avatar: 'deadbeefdeadbeefdeadbeefdeadbeef' },
];
/** Server nicknames (member.nick) by username: the panel shows them over the global names. */
const NICKS: Record<string, string> = { grace_h: 'Grace (admin)', 'ken.t': 'ken @ the rack', 'dennis.r': 'dmr' };

const ROLES = [
  { name: 'admins', color: 0xe67e22 },
  { name: 'on-call', color: 0x3498db },
];

const LINES = [
  'morning all ☕',
  'the NAS finished its scrub overnight, **0 errors** 🎉',
  'anyone else seeing the wifi drop in the garage?',
  'pushed the new `docker-compose.yml`, please pull before restarting',
  'reminder: power cut on *Saturday 9–11*, I will shut the rack down at 8:45',
  '> is the backup job still running?\nyes, ~40% done',
  'pi-hole blocked 12k queries today, the smart TV is very chatty',
  'checklist for the upgrade:\n- snapshot VMs\n- update proxmox\n- reboot\n- check `zpool status`',
  'https://github.com/home-assistant/core/releases — new release is out',
  '```bash\nsudo systemctl restart jellyfin\n```\nthat fixed the stuck transcodes',
  'temperature in the cupboard is 31°C, opening the door for a bit',
  'who unplugged the UPS? 😅',
  '~~grafana is down~~ nvm, it was my VPN',
  'ordered two more 8 TB drives, ||don’t tell the budget||',
  'lgtm 👍',
];

const IMAGES = [
  { filename: 'grafana-dashboard.png', width: 1280, height: 720, size: 184_233 },
  { filename: 'rack-cable-mess.jpg', width: 1024, height: 768, size: 402_118 },
  { filename: 'speedtest.png', width: 600, height: 400, size: 48_920 },
];

/** `historyCount` older messages over the last four weeks come first (0: none). */
export function seedDemo(fake: FakeDiscord, token: string, historyCount = 3000): DemoSeed {
  const bot = fake.addBot({ token, username: 'Home Lab Monitor' });
  const people = PEOPLE.map((p) => fake.addUser(p));
  // Another bot that posts embeds (the monitor never shows its own bot's messages).
  const reporter = fake.addBot({ token: `${token}.reports`, username: 'Backup Reporter' });
  const guild = fake.addGuild({
    name: 'Home Lab',
    channels: [
      { name: 'general' },
      { name: 'alerts' },
      { name: 'Lounge', type: 2 },
      { name: 'announcements', type: 5 },
      { name: 'Infra', type: 4 },
      { name: 'help', type: 15 },
    ],
    members: [...people.map((p) => p.id), bot.id, reporter.id],
  });
  const [general, alerts, , announcements, , help] = guild.channels;
  if (!general || !alerts || !announcements || !help) throw new Error('demo guild has no channels');
  // Server nicknames (member.nick): the panel shows them whether the message came live or over REST.
  for (const p of people) if (Object.hasOwn(NICKS, p.username)) fake.setNickname(guild.id, p.id, NICKS[p.username]!);
  // Role colours as Discord's picker offers them: mentions of a role show in its colour.
  const roleIds = ROLES.map((r) => fake.permissions.addRole(guild.id, r.name, 0n, r.color));
  // Grace owns the bot's application: messages that mention her are highlighted as "mentions you".
  const owner = people.find((p) => p.username === 'grace_h');
  if (owner) fake.setApplicationOwner(token, owner.id);
  const history = seedDemoHistory(
    fake,
    { channelId: general.id, guildId: guild.id, people: people.map((p) => p.id), reporterId: reporter.id, roleIds, channelIds: [alerts.id, announcements.id, help.id], cdnUrl: fake.cdnUrl, ...(owner ? { ownerId: owner.id } : {}) },
    historyCount,
  );
  for (const [i, content] of LINES.slice(0, 6).entries()) {
    const author = people[i % people.length];
    if (author) fake.postMessage(general.id, { authorId: author.id, content });
  }
  seedRichMessages(fake, general.id, guild.id, reporter.id, people.map((p) => p.id));
  fake.postMessage(alerts.id, { authorId: bot.id, content: '✅ Backups completed (3/3)' });
  return { token, guildId: guild.id, channelId: general.id, alertsChannelId: alerts.id, history };
}

const userJson = (fake: FakeDiscord, id: string) => {
  const u = fake.user(id);
  return { id, username: u?.username ?? 'someone', global_name: u?.globalName ?? null, avatar: null, discriminator: '0' };
};

/** What the message view draws (issue 9): a join, a bot's embed, a reply with a mention, reactions, a timestamp, custom emoji. */
function seedRichMessages(fake: FakeDiscord, channelId: string, guildId: string, botId: string, people: string[]): void {
  const [ada, grace, linus, margaret] = people;
  if (!ada || !grace || !linus || !margaret) return;
  // docs/resources/message, Message Types: 7 is a member join; Discord shows its own sentence.
  fake.postMessage(channelId, { authorId: margaret, content: '', extra: { type: 7 } });
  const report = fake.postMessage(channelId, {
    authorId: botId,
    content: '',
    extra: {
      embeds: [
        {
          type: 'rich',
          title: 'Nightly backup report',
          url: 'https://example.com/backups',
          description: 'All **3** jobs finished. Next run <t:' + Math.floor(Date.now() / 1000 + 6 * 3600) + ':R>.',
          color: 0x2ecc71,
          fields: [
            { name: 'NAS', value: '1.2 TB · 41 min', inline: true },
            { name: 'VMs', value: '86 GB · 7 min', inline: true },
            { name: 'Photos', value: 'unchanged', inline: true },
            { name: 'Warnings', value: '`zpool` scrub due in 2 days' },
          ],
          thumbnail: { url: `${fake.cdnUrl}/embed/avatars/2.png`, width: 80, height: 80 },
          footer: { text: 'Home Lab Monitor' },
          timestamp: new Date().toISOString(),
        },
      ],
    },
  });
  fake.react(channelId, report.id, ada, { id: null, name: '🎉' });
  fake.react(channelId, report.id, grace, { id: null, name: '🎉' });
  fake.react(channelId, report.id, linus, { id: null, name: '👍' });
  const question = fake.postMessage(channelId, { authorId: grace, content: 'can someone check the UPS battery before Saturday?' });
  fake.postMessage(channelId, {
    authorId: ada,
    content: `on it <@${grace}> <:blobok:41771983429993937> — I will post the runtime here`,
    extra: {
      type: 19,
      mentions: [userJson(fake, grace)],
      message_reference: { type: 0, message_id: question.id, channel_id: channelId, guild_id: guildId },
    },
  });
  fake.react(channelId, question.id, margaret, { id: null, name: '👀' });
  seedMessageParts(fake, channelId, botId, linus, ada);
}

/** Buttons and a select menu from a bot, a Lottie sticker, a video link preview: drawn like Discord, read-only. */
function seedMessageParts(fake: FakeDiscord, channelId: string, botId: string, linus: string, ada: string): void {
  fake.postMessage(channelId, {
    authorId: botId,
    content: 'Disk **sdb** on nas-01 reports 12 reallocated sectors.',
    extra: {
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 3, label: 'Acknowledge', emoji: { name: '✅' }, custom_id: 'ack' },
            { type: 2, style: 4, label: 'Silence 24 h', custom_id: 'silence', disabled: true },
            { type: 2, style: 5, label: 'Open dashboard', url: 'https://grafana.example.com/d/disks' },
          ],
        },
        { type: 1, components: [{ type: 3, custom_id: 'host', placeholder: 'Run a SMART test on…', options: [{ label: 'nas-01', value: 'nas-01' }, { label: 'nas-02', value: 'nas-02' }] }] },
      ],
    },
  });
  // docs/resources/sticker.mdx, "Example Sticker": Wave, a Lottie sticker; the fake CDN serves its animation.
  fake.postMessage(channelId, { authorId: linus, content: '', extra: { sticker_items: [{ id: '749054660769218631', name: 'Wave', format_type: 3 }] } });
  const video = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
  fake.postMessage(channelId, {
    authorId: ada,
    content: `the rack tour I mentioned ${video}`,
    extra: {
      embeds: [
        {
          type: 'video',
          url: video,
          title: 'Home lab tour 2026',
          color: 0xff0000,
          provider: { name: 'YouTube', url: 'https://www.youtube.com' },
          author: { name: 'Ada', url: 'https://www.youtube.com/@ada' },
          thumbnail: { url: `${fake.cdnUrl}/icons/demo/rack-tour.png?size=640`, width: 640, height: 360 },
          video: { url: 'https://www.youtube.com/embed/dQw4w9WgXcQ', width: 1280, height: 720 },
        },
      ],
    },
  });
}

/** Posts a plausible message from a random human every ~everyMs (±50%); returns stop(). */
export function startChatter(fake: FakeDiscord, channelId: string, everyMs = 4000): () => void {
  const guild = fake.guildOfChannel(channelId);
  const authors = (guild?.memberIds ?? []).filter((id) => fake.user(id)?.bot === false);
  if (authors.length === 0) throw new Error(`startChatter: no human members in the guild of ${channelId}`);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  let lastId: string | null = null;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      // The channel or message may be gone by now (demo closing, deleted); chatter is best-effort.
      if (!stopped) try { fn(); } catch { /* ignore */ }
    }, ms);
    timers.add(t);
  };

  const tick = () => {
    const authorId = pick(authors);
    const roll = Math.random();
    if (roll < 0.12) {
      const image = pick(IMAGES);
      fake.postMessage(channelId, {
        authorId,
        content: pick(['look at this', 'current state of things', '']),
        attachments: [{ ...image, contentType: image.filename.endsWith('.png') ? 'image/png' : 'image/jpeg' }],
      });
    } else if (roll < 0.2) {
      const m = fake.postMessage(channelId, { authorId, content: 'the backup finshed in 42 minutes' });
      later(2500, () => fake.editMessage(channelId, m.id, 'the backup finished in 42 minutes (edited: typo)'));
    } else if (roll < 0.23) {
      // A link preview arrives later as an embed-only update: not an edit.
      const m = fake.postMessage(channelId, { authorId, content: 'https://github.com/home-assistant/core/releases' });
      later(1500, () => fake.addEmbed(channelId, m.id, { type: 'link', url: 'https://github.com/home-assistant/core/releases', title: 'Releases · home-assistant/core' }));
    } else if (roll < 0.26 && lastId) {
      // Someone reacts to the latest message: its count changes live in the panel.
      const target = lastId;
      later(0, () => fake.react(channelId, target, authorId, { id: null, name: pick(['👍', '🎉', '😂', '👀']) }));
    } else if (roll < 0.29) {
      const m = fake.postMessage(channelId, { authorId, content: 'oops, wrong channel' });
      later(3000, () => fake.deleteMessage(channelId, m.id));
    } else {
      lastId = fake.postMessage(channelId, { authorId, content: pick(LINES) }).id;
    }
    later(everyMs * (0.5 + Math.random()), tick);
  };

  later(everyMs * (0.5 + Math.random()), tick);
  return () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
}
