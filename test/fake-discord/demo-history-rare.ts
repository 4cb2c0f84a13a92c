// The rarer kinds of the demo's history, one at a time in turn: threads, polls, stickers, animated emoji,
// masked links, headings, @here, an embed with author and image, video and audio, the owner pinged.
// Each is shaped as Discord sends it (docs/resources/message.mdx, poll.mdx, channel.mdx thread fields).
type Json = Record<string, unknown>;

export const RARE_KINDS = ['threads', 'threadsCreated', 'polls', 'stickers', 'animatedEmoji', 'maskedLinks', 'headings', 'here', 'authorImageEmbeds', 'videos', 'audios', 'ownerMentions'] as const;
export type RareKind = (typeof RARE_KINDS)[number];

export interface RareContext {
  at: number;
  now: number;
  guildId: string;
  channelId: string;
  cdnUrl: string;
  reporterId: string;
  /** The bot application's owner; null when the demo sets none. */
  ownerId: string | null;
  rnd: () => number;
  user: (id: string) => Json;
}

export interface RareMessage {
  content: string;
  extra: Json;
  attachments?: Array<{ filename: string; contentType: string; size: number; width?: number; height?: number }>;
  /** Posted by this user instead of the slot's author (the reporting bot). */
  poster?: string;
  /** A thread starter: its thread takes the message's id once known. */
  startsThread?: boolean;
  /** A THREAD_CREATED line: its reference takes the new thread's id once known. */
  createsThread?: boolean;
}

const HOUR = 3_600_000;
const THREADS = [
  { content: 'Planning the 10GbE upgrade, details in the thread 🧵', name: '10GbE upgrade' },
  { content: 'Post-mortem for Sunday’s outage: what broke and what we change', name: 'Sunday outage post-mortem' },
  { content: 'Which UPS should replace the old one? Collecting options', name: 'UPS shopping' },
];
const CREATED = ['Home Assistant dashboards', 'Jellyfin transcoding', 'Backup retention policy'];
const POLLS = [
  { q: 'When do we swap the UPS battery?', a: [['Saturday morning', '🌅'], ['Sunday evening', '🌙'], ['Next week', '📅']], multi: false },
  { q: 'Which dashboards stay on the hallway tablet?', a: [['Energy', '⚡'], ['Network', '🌐'], ['Weather', '⛅'], ['Cameras', '📷']], multi: true },
  { q: 'Move Jellyfin to the new host this weekend?', a: [['Yes', '✅'], ['Not yet', '⏳']], multi: false },
] as const;
// docs/resources/sticker.mdx "Example Sticker" (Wave, Lottie) and two PNG guild stickers.
const STICKERS = [
  { id: '749054660769218631', name: 'Wave', format_type: 3 },
  { id: '1101482711304536104', name: 'Rack Cat', format_type: 1 },
  { id: '1101482711304536105', name: 'It Works', format_type: 1 },
];
const ANIMATED = ['<a:partyblob:41771983429993940>', '<a:loading:41771983429993941>', '<a:catjam:41771983429993942>'];
const MASKED = [
  '[Proxmox 8.3 release notes](https://www.proxmox.com/en/news), upgrading tonight',
  'the scrub schedule is in [the OpenZFS docs](https://openzfs.github.io/openzfs-docs/man/master/8/zpool-scrub.8.html)',
  'I followed [this guide](https://www.home-assistant.io/docs/backend/database/) to shrink the recorder DB',
];
const HEADINGS = [
  '# Maintenance tonight\n- 22:00 firewall reboot\n- 22:15 NAS updates\n**expect ~20 min of downtime**',
  '## Weekly summary\n- 3 backups, all green\n- pi-hole blocked **96k** queries\n- one disk warning on nas-2',
  '### Note to self\nlabel the patch panel before moving anything',
];
const HERE = ['@here the internet is down, the ISP says about two hours', '@here anyone home? the garage door sensor says open', '@here do not reboot nas-01, a resilver is running'];
const PINGS = ['the bot missed the alert from nas-2 last night', 'can you give me the on-call role?', 'the monitor shows the backup report twice', 'your VM is eating all the RAM on pve-2'];

export function rareMessage(kind: RareKind, turn: number, c: RareContext): RareMessage {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(c.rnd() * xs.length)] as T;
  const of = <T>(xs: readonly T[]): T => xs[turn % xs.length] as T;
  switch (kind) {
    case 'threads': {
      const t = of(THREADS);
      const thread = {
        type: 11, guild_id: c.guildId, parent_id: c.channelId, name: t.name, message_count: 3 + Math.floor(c.rnd() * 40), member_count: 2 + Math.floor(c.rnd() * 4),
        rate_limit_per_user: 0, thread_metadata: { archived: c.now - c.at > 3 * 24 * HOUR, auto_archive_duration: 4320, archive_timestamp: new Date(c.at).toISOString(), locked: false },
      };
      return { content: t.content, extra: { thread }, startsThread: true };
    }
    case 'threadsCreated':
      // docs/resources/message.mdx: THREAD_CREATED's content is the thread's name, its reference the thread.
      return { content: of(CREATED), extra: { type: 18, message_reference: { type: 0, channel_id: '', guild_id: c.guildId } }, createsThread: true };
    case 'polls': {
      const p = of(POLLS);
      const expiry = c.at + 24 * HOUR * (1 + Math.floor(c.rnd() * 3));
      return {
        content: '',
        extra: {
          poll: {
            question: { text: p.q },
            answers: p.a.map(([text, name], i) => ({ answer_id: i + 1, poll_media: { text, emoji: { id: null, name } } })),
            expiry: new Date(expiry).toISOString(),
            allow_multiselect: p.multi,
            layout_type: 1,
            results: { is_finalized: expiry < c.now, answer_counts: p.a.map((_, i) => ({ id: i + 1, count: Math.floor(c.rnd() * 6), me_voted: false })) },
          },
        },
      };
    }
    case 'stickers':
      return { content: '', extra: { sticker_items: [of(STICKERS)] } };
    case 'animatedEmoji':
      return { content: `${pick(['build passed', 'the new switch is in', '100 days of uptime on pve-1', 'backups are green again'])} ${of(ANIMATED)}`, extra: {} };
    case 'maskedLinks':
      return { content: of(MASKED), extra: {} };
    case 'headings':
      return { content: of(HEADINGS), extra: {} };
    case 'here':
      // Discord sets mention_everyone for @here as for @everyone.
      return { content: of(HERE), extra: { mention_everyone: true } };
    case 'authorImageEmbeds':
      return {
        poster: c.reporterId,
        content: '',
        extra: {
          embeds: [{
            type: 'rich', title: 'Weekly network traffic', url: 'https://grafana.example.com/d/network',
            author: { name: 'Grafana', url: 'https://grafana.example.com', icon_url: `${c.cdnUrl}/icons/demo/grafana.png?size=64` },
            description: `WAN in **${(120 + c.rnd() * 80).toFixed(0)} GB**, out **${(20 + c.rnd() * 30).toFixed(0)} GB**; peak on Sunday evening.`,
            color: 0xf46800,
            image: { url: `${c.cdnUrl}/icons/demo/network-week-${turn % 4}.png?size=512`, width: 512, height: 512 },
            footer: { text: 'Backup Reporter · Grafana export' }, timestamp: new Date(c.at).toISOString(),
          }],
        },
      };
    case 'videos':
      return { content: pick(['this is the fan noise I meant', 'short clip of the rack after the fan swap', '']), extra: {}, attachments: [{ filename: 'rack-fan.mp4', contentType: 'video/mp4', width: 320, height: 180, size: 11_925 }] };
    case 'audios':
      return { content: pick(['voice note with the steps, too lazy to type', 'what the UPS sounded like at 3 am', '']), extra: {}, attachments: [{ filename: 'voice-note.mp3', contentType: 'audio/mpeg', size: 15_846 }] };
    case 'ownerMentions':
      if (!c.ownerId) return { content: pick(PINGS), extra: {} };
      return { content: `<@${c.ownerId}> ${of(PINGS)}`, extra: { mentions: [c.user(c.ownerId)] } };
  }
}
