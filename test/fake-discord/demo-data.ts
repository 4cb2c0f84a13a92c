// A believable little server for `npm run demo` and screenshots: one bot, four people,
// a few channels, some history, and background chatter so the UI has something to show.
import type { FakeDiscord } from './server.js';

export interface DemoSeed {
  token: string;
  guildId: string;
  /** #general, the channel the demo watches. */
  channelId: string;
  alertsChannelId: string;
}

const PEOPLE = [
  { username: 'ada.l', globalName: 'Ada', avatar: '3f1c2a9e8b7d6c5a4f3e2d1c0b9a8f7e' },
  { username: 'grace_h', globalName: 'Grace Hopper', avatar: '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d' },
  // No global name: Discord shows the username.
  { username: 'linus42', avatar: null },
  { username: 'margaret.h', globalName: 'Margaret', avatar: 'c0ffee00c0ffee00c0ffee00c0ffee00' },
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

export function seedDemo(fake: FakeDiscord, token: string): DemoSeed {
  const bot = fake.addBot({ token, username: 'Home Lab Monitor' });
  const people = PEOPLE.map((p) => fake.addUser(p));
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
    members: [...people.map((p) => p.id), bot.id],
  });
  const [general, alerts] = guild.channels;
  if (!general || !alerts) throw new Error('demo guild has no channels');
  // A server nickname (member.nick): the panel shows it whether the message came live or over REST.
  const grace = people[1];
  if (grace) fake.setNickname(guild.id, grace.id, 'Grace (admin)');
  for (const [i, content] of LINES.slice(0, 6).entries()) {
    const author = people[i % people.length];
    if (author) fake.postMessage(general.id, { authorId: author.id, content });
  }
  fake.postMessage(alerts.id, { authorId: bot.id, content: '✅ Backups completed (3/3)' });
  return { token, guildId: guild.id, channelId: general.id, alertsChannelId: alerts.id };
}

/** Posts a plausible message from a random human every ~everyMs (±50%); returns stop(). */
export function startChatter(fake: FakeDiscord, channelId: string, everyMs = 4000): () => void {
  const guild = fake.guildOfChannel(channelId);
  const authors = (guild?.memberIds ?? []).filter((id) => fake.user(id)?.bot === false);
  if (authors.length === 0) throw new Error(`startChatter: no human members in the guild of ${channelId}`);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

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
    } else if (roll < 0.29) {
      const m = fake.postMessage(channelId, { authorId, content: 'oops, wrong channel' });
      later(3000, () => fake.deleteMessage(channelId, m.id));
    } else {
      fake.postMessage(channelId, { authorId, content: pick(LINES) });
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
