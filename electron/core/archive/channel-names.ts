// The names of the channels the bot watched and of their servers, kept beside the messages: an export
// made while the bot is not connected (`npm run export`, a backup during an outage) titled the file
// "#1578014669556154368" with no server (outside review).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFileSync } from '../fs-modes.js';

export interface KnownChannel {
  channel: { id: string; name: string };
  guild: { id: string; name: string };
}

const FILE = 'channels.json';
type Known = Record<string, KnownChannel>;

function read(dataDir: string): Known {
  try {
    const raw = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as unknown;
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Known) : {};
  } catch {
    return {};
  }
}

const isName = (x: unknown): x is { id: string; name: string } => typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string' && typeof (x as { name?: unknown }).name === 'string';

/** What was last seen of `channelId`, or null. */
export function knownChannel(dataDir: string, channelId: string): KnownChannel | null {
  const k = read(dataDir)[channelId];
  return k && isName(k.channel) && isName(k.guild) ? { channel: k.channel, guild: k.guild } : null;
}

/** Remembers the names once connected; a folder that refuses the write (read-only, full) changes nothing else. */
export function rememberChannel(dataDir: string, known: KnownChannel): void {
  const all = read(dataDir);
  const had = all[known.channel.id];
  if (had && JSON.stringify(had) === JSON.stringify(known)) return;
  all[known.channel.id] = known;
  try {
    writePrivateFileSync(join(dataDir, FILE), JSON.stringify(all));
  } catch {
    // Names only: the export falls back to the ids.
  }
}
