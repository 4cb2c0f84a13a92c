// `npm run export`: exports the stored messages of the configured channel from the command line,
// with a progress bar on stderr. Reads the same settings and database as the app (read-only), so
// it runs beside a running app; tokens are scrubbed as in the app.
import { knownChannel } from '../core/archive/channel-names.js';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { exportToFile } from '../core/archive/exporter.js';
import { exportFileName } from '../core/archive/formats/files.js';
import { requestZone } from '../core/messages/time-zone.js';
import { isAppPath, isInside } from '../core/fs-modes.js';
import { MediaFolder } from '../core/archive/media.js';
import { expiredLinkRefresh } from '../core/archive/expired-links.js';
import { coreText } from '../../shared/core-text.js';
import { ArchiveReader } from '../core/archive/reader.js';
import { Redactor } from '../core/log/redactor.js';
import { FileSecretBox } from '../core/settings/file-secret-box.js';
import { Settings } from '../core/settings/settings.js';
import { readAppIdentity } from '../core/app-info.js';
import { exportUsage, parseExportArgs } from './export-args.js';
import { resolvePaths } from './paths.js';
import { channelLabel, storedChannelLines, storedChannels } from './stored-channels.js';
import { confStore } from './run.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
}

/** Returns the exit code: 0 exported, 1 failed, 2 bad arguments. */
export async function runExportCli(argv: string[], env: NodeJS.ProcessEnv, appDir: string, io: CliIo): Promise<number> {
  let args;
  try {
    args = parseExportArgs(argv);
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n\n${exportUsage()}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(`${exportUsage()}\n`);
    return 0;
  }
  const paths = resolvePaths(env, appDir, args.dataDir);
  const storeFile = join(paths.dataDir, 'messages.sqlite');
  // `--out <data folder>/messages.sqlite` replaced the database with the export: every stored message lost.
  if (args.out !== null && isAppPath(paths.dataDir, resolve(io.cwd, args.out))) {
    io.stderr.write(`Refusing to write the export over ${resolve(io.cwd, args.out)}: it is the app's own file (or folder) in its data folder ${paths.dataDir}. Choose another --out.\n`);
    return 2;
  }
  if (!existsSync(storeFile)) {
    io.stderr.write(`No stored messages in ${paths.dataDir} (messages.sqlite is missing). Run the app first, or pass --data-dir with its data folder.\n`);
    return 1;
  }
  const settings = await Settings.open({ dataDir: paths.dataDir, appDir, env, secrets: new FileSecretBox(join(paths.dataDir, 'token')), storeFactory: confStore });
  const { token, highlightKeywords, backupDir } = settings.effective();
  // Set outside the data folder (BACKUP_DIR): an export there could replace a backup, or be rotated away as one.
  if (args.out !== null && backupDir && isInside(resolve(paths.dataDir, backupDir), resolve(io.cwd, args.out))) {
    io.stderr.write(`Refusing to write the export into the backup folder ${resolve(paths.dataDir, backupDir)}: the app keeps and rotates its backups there. Choose another --out.\n`);
    return 2;
  }
  const channelId = chooseChannel(args.channel, settings.effective().channelId, storeFile, paths.dataDir, io);
  if (!channelId) return 1;
  const known = knownChannel(paths.dataDir, channelId);
  const redactor = new Redactor();
  redactor.add(token);
  redactor.add(settings.accessToken());
  const identity = readAppIdentity(appDir);
  const out = resolve(io.cwd, args.out ?? exportFileName(known?.channel.name ?? channelId, args.format, requestZone(args.filter), Date.now()));
  // A folder given as --out failed at the end with a raw "EISDIR … rename" (outside review).
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr.write(`--out ${out} is a folder: give a file name in it, e.g. --out ${join(out, `${known?.channel.name ?? channelId}.${args.format}`)}\n`);
    return 2;
  }
  const reader = new ArchiveReader(storeFile);
  const bar = new SingleBar({ stream: io.stderr, format: 'Exporting [{bar}] {percentage}% | {value}/{total} stored messages read, {exported} exported | {eta_formatted} left', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 });
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once('SIGINT', interrupt);
  try {
    const media = args.format === 'html' && args.media === 'download' ? new MediaFolder(out) : undefined;
    let started = false;
    const result = await exportToFile(out, {
      reader,
      query: { channelId, ...args.filter },
      format: args.format,
      meta: { exportedAt: Date.now(), app: { name: identity.name, version: identity.version }, guild: known?.guild ?? null, channel: known?.channel ?? { id: channelId, name: channelId }, filter: args.filter, locale: args.locale, keywords: highlightKeywords },
      redact: (text) => redactor.scrub(text),
      signal: stop.signal,
      onProgress: (p) => {
        // Read against the range's stored messages (the work); the filter keeps `exported` of them.
        if (!started) bar.start(p.total, 0, { exported: 0 });
        started = true;
        bar.update(p.done, { exported: p.exported ?? 0 });
      },
      // No bot here to fetch expired attachment links anew: they are counted and said.
      ...(media ? { media, links: expiredLinkRefresh(() => null, coreText('archive.mediaNoBotHere')) } : {}),
    });
    bar.stop();
    const expired = result.mediaExpired && result.mediaExpiredWhy ? ` ${coreText('archive.mediaNotRefreshed', { count: result.mediaExpired, reason: result.mediaExpiredWhy.i18n }).text}` : '';
    const extra = media ? ` Media in ${media.dir}${result.mediaFailed ? ` (${result.mediaFailed} could not be downloaded and stay linked)` : ''}.${expired}` : '';
    io.stdout(`Exported ${result.count} messages (${(result.bytes / 1024 / 1024).toFixed(1)} MB) to ${out}.${extra}\n`);
    return 0;
  } catch (err) {
    bar.stop();
    io.stderr.write(stop.signal.aborted ? 'Export interrupted; no file was written.\n' : `Export failed: ${(err as Error).message}\n`);
    return 1;
  } finally {
    process.off('SIGINT', interrupt);
    reader.close();
  }
}

/**
 * --channel, else the configured channel, else the stored one with the newest message, said when the
 * store holds others (a store keeps every channel the bot watched; the demo makes a new one at each
 * start, and the export stopped at "No channel is configured"). Null, said why, when there is none.
 */
function chooseChannel(asked: string | null, configured: string, storeFile: string, dataDir: string, io: CliIo): string | null {
  if (!asked && configured) return configured;
  const stored = storedChannels(storeFile);
  const others = (but: string) => storedChannelLines(dataDir, stored.filter((c) => c.id !== but));
  if (asked) {
    if (stored.some((c) => c.id === asked)) return asked;
    io.stderr.write(`No message of channel ${asked} is stored here. Stored channels:\n${stored.length ? others(asked) : '  none'}\n`);
    return null;
  }
  const newest = stored[0];
  if (!newest) {
    io.stderr.write("No channel is configured and no message is stored: set DISCORD_CHANNEL_ID or the channel in the panel's Settings, and let the bot monitor it.\n");
    return null;
  }
  if (stored.length > 1) {
    io.stderr.write(`No channel is configured: exporting ${channelLabel(dataDir, newest.id)}, the stored channel with the newest message. The others (--channel ID for one of them):\n${others(newest.id)}\n`);
  }
  return newest.id;
}
