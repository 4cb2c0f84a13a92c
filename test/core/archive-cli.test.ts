// `npm run export`: arguments checked with a usable message, then a real export of the app's data
// folder (settings + messages.sqlite as the app leaves them), progress on stderr, tokens scrubbed.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberChannel } from '../../electron/core/archive/channel-names.js';
import { readJsonExport } from '../../electron/core/archive/import.js';
import { snowflakeAt } from '../../electron/core/archive/query.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { exportUsage, parseExportArgs } from '../../electron/headless/export-args.js';
import { runExportCli } from '../../electron/headless/export-cli.js';
import type { ChatMessage } from '../../shared/types.js';
import { CHANNEL, sampleMessage, T0 } from '../helpers/archive-fixture.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const TOKEN = 'test.bot-token.0123456789-abcdefghij';

function io(cwd: string) {
  const out: string[] = [];
  const err = new PassThrough();
  const errText: string[] = [];
  err.on('data', (c: Buffer) => errText.push(c.toString()));
  return { io: { stdout: (t: string) => void out.push(t), stderr: err, cwd }, out, err: () => errText.join('') };
}

/** A data folder as the app leaves it, holding `messages` (removed after the test). */
function dataDirWith(messages: ChatMessage[]): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-cli-'));
  dirs.push(dataDir);
  const store = new MessageStore(join(dataDir, 'messages.sqlite'));
  store.addMany(messages);
  store.close();
  return dataDir;
}

describe('export arguments', () => {
  it('reads the documented example: the date a day of this machine’s time zone', () => {
    const a = parseExportArgs(['--format', 'html', '--after', '2026-01-01', '--out', 'x.html']);
    expect(a).toMatchObject({ format: 'html', out: 'x.html', filter: { after: new Date(2026, 0, 1).getTime() } });
  });

  // The dates were UTC days while the panel's search read them in the viewer's zone (outside review).
  it('--tz names the zone of the dates, its own and the query’s, each day with its own offset', () => {
    const winter = parseExportArgs(['--after', '2026-01-15', '--before', '2026-07-15', '--tz', 'Europe/Paris', '--query', 'during:2026-03-29']);
    expect(winter.filter).toEqual({ after: Date.UTC(2026, 0, 14, 23), before: Date.UTC(2026, 6, 14, 22), query: 'during:2026-03-29', timeZone: 'Europe/Paris' });
    expect(parseExportArgs(['--after', '2026-01-15T08:00:00', '--tz', 'Asia/Kolkata']).filter.after).toBe(Date.UTC(2026, 0, 15, 2, 30));
    expect(parseExportArgs(['--after', '2026-01-15T08:00:00+01:00', '--tz', 'Asia/Kolkata']).filter.after).toBe(Date.UTC(2026, 0, 15, 7));
    expect(parseExportArgs(['--query', 'cafe'], 'America/New_York').filter.timeZone).toBe('America/New_York');
    expect(parseExportArgs(['--query', 'cafe', '--tz', 'utc']).filter.timeZone).toBe('UTC');
  });

  // The zone went into the filter only with --query: the file's times were UTC whatever --tz said.
  it('records the zone with or without --query: the file prints its times there', () => {
    expect(parseExportArgs(['--tz', 'Europe/Paris']).filter).toEqual({ timeZone: 'Europe/Paris' });
    expect(parseExportArgs([], 'America/New_York').filter.timeZone).toBe('America/New_York');
    // As typed, not as Node's ICU renames it (Asia/Calcutta), whose name the header would print.
    expect(parseExportArgs(['--tz', 'Asia/Kolkata']).filter.timeZone).toBe('Asia/Kolkata');
    expect(parseExportArgs(['--tz', 'europe/paris']).filter.timeZone).toBe('Europe/Paris');
  });

  it('says the zone in its help', () => {
    expect(exportUsage()).toMatch(/--tz ZONE .*time zone of these dates and of the query's/);
    expect(exportUsage()).toContain(`(default: this machine's, ${Intl.DateTimeFormat().resolvedOptions().timeZone})`);
  });

  it.each([
    [['--format', 'pdf'], /--format must be one of json, csv, txt, html/],
    [['--after', 'yesterday'], /--after must be a date such as 2026-01-01/],
    // A day that does not exist is refused, not rolled over (it became 2 March).
    [['--after', '2026-02-30'], /--after must be a date such as 2026-01-01/],
    [['--before', '2026-13-01'], /--before must be a date such as 2026-01-01/],
    [['--after', '2026-02-01', '--before', '2026-01-01'], /--before must be later than "after"/],
    [['--author', 'bob'], /--author must be a Discord user ID/],
    [['--colour', 'red'], /Unknown option '--colour'/],
    [['--tz', 'Mars/Olympus'], /--tz must be a time zone such as Europe\/Paris, America\/New_York or UTC \(got "Mars\/Olympus"\)/],
  ])('refuses %j saying what to type', (argv, message) => {
    expect(() => parseExportArgs(argv)).toThrow(message);
  });

  it('never throws anything but an Error with a message, whatever the arguments', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('--format', '--after', '--before', '--author', '--out', '--media', '--tz', '--query', 'Europe/Paris', 'html', '2026-01-01', '2026-03-29T02:30:00')), { maxLength: 8 }), (argv) => {
        try {
          parseExportArgs(argv);
        } catch (err) {
          expect(err).toBeInstanceOf(Error);
          expect((err as Error).message.length).toBeGreaterThan(5);
        }
      }),
    );
  });
});

describe('npm run export', () => {
  it('exports the stored channel to JSON with a progress bar, the token scrubbed', async () => {
    const dataDir = dataDirWith(Array.from({ length: 1500 }, (_, i) => sampleMessage(i, i === 7 ? `oops ${TOKEN}` : undefined)));
    const t = io(dataDir);
    const env = { DISCORD_MONITOR_DATA_DIR: dataDir, DISCORD_CHANNEL_ID: CHANNEL, DISCORD_TOKEN: TOKEN };
    const code = await runExportCli(['--format', 'json', '--after', new Date(T0 + 500 * 60_000).toISOString(), '--out', 'out.json'], env, dataDir, t.io);
    expect(t.err()).toMatch(/Exporting .*\d+\/\d+ stored messages read, \d+ exported/);
    expect(code).toBe(0);
    expect(t.out.join('')).toMatch(/Exported 1000 messages .* to .*out\.json/);
    const file = readJsonExport(join(dataDir, 'out.json'));
    expect(file.count).toBe(1000);
    expect(readFileSync(join(dataDir, 'out.json'), 'utf8')).not.toContain(TOKEN);
  });

  it('with an author filter the progress says how many of the stored messages read were exported (it counted them all as "messages")', async () => {
    const messages = Array.from({ length: 1500 }, (_, i) => sampleMessage(i));
    const dataDir = dataDirWith(messages);
    const author = messages[0]!.author.id;
    const mine = messages.filter((m) => m.author.id === author).length;
    const t = io(dataDir);
    const env = { DISCORD_MONITOR_DATA_DIR: dataDir, DISCORD_CHANNEL_ID: CHANNEL };
    expect(await runExportCli(['--format', 'csv', '--author', author, '--out', 'out.csv'], env, dataDir, t.io)).toBe(0);
    expect(t.out.join('')).toContain(`Exported ${mine} messages`);
    // The last progress line: every stored message read, and the exported count, not 1500 "messages".
    expect(t.err().trim().split('\n').at(-1)).toMatch(new RegExp(`1500/1500 stored messages read, ${mine} exported`));
  });

  it('a text export prints the times of --tz, each with its offset, the zone named in its header', async () => {
    // 23:30 UTC on 28 March is 00:30 on the 29th in Paris; 01:30 UTC, after the switch to summer time, 03:30.
    const times = [Date.UTC(2026, 2, 28, 23, 30), Date.UTC(2026, 2, 29, 1, 30)];
    const dataDir = dataDirWith(times.map((createdAt, i) => ({ ...sampleMessage(i, `at ${i}`), id: (BigInt(snowflakeAt(createdAt)) + BigInt(i)).toString(), createdAt, editedAt: null })));
    const t = io(dataDir);
    const env = { DISCORD_MONITOR_DATA_DIR: dataDir, DISCORD_CHANNEL_ID: CHANNEL };
    expect(await runExportCli(['--format', 'txt', '--tz', 'Europe/Paris', '--out', 'out.txt'], env, dataDir, t.io)).toBe(0);
    const text = readFileSync(join(dataDir, 'out.txt'), 'utf8');
    expect(text).toContain('[2026-03-29 00:30:00 +01:00] ');
    expect(text).toContain('[2026-03-29 03:30:00 +02:00] ');
    expect(text).toMatch(/^Time zone: Europe\/Paris \(UTC\+01:00\/\+02:00\)$/m);
  });

  it('an HTML export highlights the settings\' keywords, as one from the panel does', async () => {
    const dataDir = dataDirWith([sampleMessage(1, 'the deploy failed'), sampleMessage(2, 'all quiet')]);
    const t = io(dataDir);
    const env = { DISCORD_MONITOR_DATA_DIR: dataDir, DISCORD_CHANNEL_ID: CHANNEL, HIGHLIGHT_KEYWORDS: 'deploy' };
    expect(await runExportCli(['--format', 'html', '--out', 'out.html'], env, dataDir, t.io)).toBe(0);
    const html = readFileSync(join(dataDir, 'out.html'), 'utf8');
    expect(html.match(/<mark class="mention mention--keyword">[^<]*<\/mark>/g)).toEqual(['<mark class="mention mention--keyword">deploy</mark>']);
    expect(html.match(/class="message message--mentioned"/g)).toHaveLength(1);
  });

  // Discord's attachment links expire after about a day; the command line has no bot to fetch them anew, so
  // their files failed to download with nothing said of why or what to do instead.
  it('an HTML export with media downloaded says which links had expired and how to get their files', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-cli-'));
    dirs.push(dataDir);
    const store = new MessageStore(join(dataDir, 'messages.sqlite'));
    const ex = Math.floor((Date.now() - 86_400_000) / 1000).toString(16);
    const url = `http://127.0.0.1:9/attachments/1/2/old.png?ex=${ex}&is=${ex}&hm=${'a'.repeat(64)}&`;
    store.addMany([{ ...sampleMessage(1, 'a day old'), attachments: [{ id: '1300000000000000301', name: 'old.png', url, size: 10, contentType: 'image/png', width: 2, height: 2 }] }]);
    store.close();
    const t = io(dataDir);
    expect(await runExportCli(['--format', 'html', '--media', 'download', '--out', 'out.html'], { DISCORD_MONITOR_DATA_DIR: dataDir, DISCORD_CHANNEL_ID: CHANNEL }, dataDir, t.io)).toBe(0);
    expect(t.out.join('')).toMatch(/1 could not be downloaded and stay linked.*1 attachment link had expired.*export from the panel while the bot is monitoring/s);
  });

  it('without --out the file is named after the day in --tz (at 11:00 UTC on 31 December it is already 2027 in Kiritimati)', async () => {
    const dataDir = dataDirWith([sampleMessage(1, 'kept')]);
    const t = io(dataDir);
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-31T11:00:00Z') });
    try {
      expect(await runExportCli(['--format', 'txt', '--tz', 'Pacific/Kiritimati'], { DISCORD_MONITOR_DATA_DIR: dataDir, DISCORD_CHANNEL_ID: CHANNEL }, dataDir, t.io)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    expect(readdirSync(dataDir)).toContain(`${CHANNEL}-2027-01-01.txt`);
  });

  it('a folder as --out is refused at once with a file name to use (it failed at the end with a raw EISDIR)', async () => {
    const dataDir = dataDirWith([sampleMessage(1, 'kept')]);
    mkdirSync(join(dataDir, 'exports'));
    const t = io(dataDir);
    expect(await runExportCli(['--format', 'html', '--out', 'exports'], { DISCORD_MONITOR_DATA_DIR: dataDir, DISCORD_CHANNEL_ID: CHANNEL }, dataDir, t.io)).toBe(2);
    expect(t.err()).toMatch(new RegExp(`--out .*exports is a folder: give a file name in it, e\\.g\\. --out .*exports/${CHANNEL}\\.html`));
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([]);
  });

  // A store holds every channel the bot watched (the demo makes a new one at each start): with none
  // configured the command stopped at "No channel is configured", and no option named another channel.
  describe('which channel', () => {
    const OTHER = '200000000000000777';
    const inOther = (i: number, content: string): ChatMessage => ({ ...sampleMessage(i, content), id: (BigInt(snowflakeAt(T0 + 9e9)) + BigInt(i)).toString(), channelId: OTHER, createdAt: T0 + 9e9 });
    const twoChannels = () => {
      const dataDir = dataDirWith([sampleMessage(1, 'older channel'), sampleMessage(2, 'older channel'), inOther(3, 'newer channel')]);
      rememberChannel(dataDir, { channel: { id: OTHER, name: 'ops' }, guild: { id: '200000000000000700', name: 'Home Lab' } });
      return dataDir;
    };

    it('with none configured: the one with the newest message, saying so and naming the others', async () => {
      const dataDir = twoChannels();
      const t = io(dataDir);
      expect(await runExportCli(['--format', 'txt', '--out', 'out.txt'], { DISCORD_MONITOR_DATA_DIR: dataDir }, dataDir, t.io)).toBe(0);
      expect(readFileSync(join(dataDir, 'out.txt'), 'utf8')).toContain('newer channel');
      expect(readFileSync(join(dataDir, 'out.txt'), 'utf8')).not.toContain('older channel');
      expect(t.err()).toContain(`No channel is configured: exporting #ops (Home Lab, ${OTHER}), the stored channel with the newest message.`);
      expect(t.err()).toContain(`${CHANNEL}: 2 messages`);
      expect(t.err()).toContain('--channel ID');
    });

    it('--channel exports that one, configured or not', async () => {
      const dataDir = twoChannels();
      const t = io(dataDir);
      expect(await runExportCli(['--format', 'txt', '--channel', CHANNEL, '--out', 'out.txt'], { DISCORD_MONITOR_DATA_DIR: dataDir, DISCORD_CHANNEL_ID: OTHER }, dataDir, t.io)).toBe(0);
      expect(readFileSync(join(dataDir, 'out.txt'), 'utf8')).toContain('older channel');
      expect(readFileSync(join(dataDir, 'out.txt'), 'utf8')).not.toContain('newer channel');
    });

    it('--channel naming a channel with nothing stored is refused with the stored ones', async () => {
      const dataDir = twoChannels();
      const t = io(dataDir);
      expect(await runExportCli(['--channel', '200000000000000999', '--out', 'out.txt'], { DISCORD_MONITOR_DATA_DIR: dataDir }, dataDir, t.io)).toBe(1);
      expect(t.err()).toContain('No message of channel 200000000000000999 is stored here. Stored channels:');
      expect(t.err()).toContain(`${OTHER} #ops (Home Lab): 1 message`);
      expect(existsSync(join(dataDir, 'out.txt'))).toBe(false);
    });

    it('--channel must be a Discord id', () => {
      expect(() => parseExportArgs(['--channel', 'general'])).toThrow(/--channel/);
    });
  });

  it('says how to fix a missing data folder and exits 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-cli-'));
    dirs.push(dataDir);
    const t = io(dataDir);
    expect(await runExportCli([], { DISCORD_MONITOR_DATA_DIR: dataDir }, dataDir, t.io)).toBe(1);
    expect(t.err()).toMatch(/messages\.sqlite is missing.*--data-dir/);
  });

  it('exits 2 with the usage on a bad argument', async () => {
    const t = io(tmpdir());
    expect(await runExportCli(['--format', 'docx'], {}, tmpdir(), t.io)).toBe(2);
    expect(t.err()).toMatch(/Usage: npm run export/);
  });
});

describe('npm run export --out', () => {
  it.each(['messages.sqlite', 'settings.json', 'token', join('logs', 'app.log')])('refuses to write over the app\'s own %s, which stays as it was', async (name) => {
    const dataDir = dataDirWith([sampleMessage(1), sampleMessage(2)]);
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    for (const other of ['settings.json', 'token', join('logs', 'app.log')]) writeFileSync(join(dataDir, other), `${other} as the user left it`);
    const before = readFileSync(join(dataDir, name));
    const t = io(tmpdir());
    const env = { DISCORD_MONITOR_DATA_DIR: dataDir, DISCORD_CHANNEL_ID: CHANNEL };
    expect(await runExportCli(['--format', 'json', '--out', join(dataDir, name)], env, dataDir, t.io)).toBe(2);
    expect(t.err()).toMatch(/the app's own file.*Choose another --out/);
    expect(readFileSync(join(dataDir, name)).equals(before)).toBe(true);
  });
});

// A backup folder set outside the data folder (BACKUP_DIR) was not guarded: `--out` over a backup replaced it
// (a review's note), and an export named like a backup could be rotated away by the next backup.
it('refuses to write into the backup folder set outside the data folder; the backup there stays as it was', async () => {
  const dataDir = dataDirWith([sampleMessage(1)]);
  const backups = mkdtempSync(join(tmpdir(), 'dm-cli-backups-'));
  dirs.push(backups);
  const backup = join(backups, `messages-${CHANNEL}-20260101T000000000Z-scheduled-1.json`);
  writeFileSync(backup, 'the only backup');
  const t = io(tmpdir());
  const env = { DISCORD_MONITOR_DATA_DIR: dataDir, DISCORD_CHANNEL_ID: CHANNEL, BACKUP_DIR: backups };
  expect(await runExportCli(['--format', 'json', '--out', backup], env, dataDir, t.io)).toBe(2);
  expect(t.err()).toMatch(/backup folder.*Choose another --out/);
  expect(readFileSync(backup, 'utf8')).toBe('the only backup');
});

it('a failed export leaves nothing where it was to write (not even an empty .part)', async () => {
  const dataDir = dataDirWith([sampleMessage(1)]);
  const out = mkdtempSync(join(tmpdir(), 'dm-cli-out-'));
  dirs.push(out);
  const t = io(out);
  const env = { DISCORD_MONITOR_DATA_DIR: dataDir, DISCORD_CHANNEL_ID: CHANNEL };
  expect(await runExportCli(['--format', 'json', '--query', 'from:nobody', '--out', 'q.json'], env, dataDir, t.io)).toBe(1);
  // The write stream opens its file asynchronously: an open still pending at the exit creates it later.
  await new Promise((r) => setTimeout(r, 200));
  expect(readdirSync(out)).toEqual([]);
});
