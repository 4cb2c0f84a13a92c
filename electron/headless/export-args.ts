// `npm run export -- --format html --after 2026-01-01 --out …`: arguments parsed with node:util,
// every value checked, and a refusal that says what to type instead.
import { parseArgs } from 'node:util';
import { coreText } from '../../shared/core-text.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/archive.js';
import { archiveFilter } from '../../shared/archive-schemas.js';
import { snowflake } from '../../shared/schemas.js';
import { localTimeZone, shownTimeZone } from '../../shared/time-zone.js';
import { parseDate, type ArchiveFilter } from '../core/archive/query.js';
import { namedZone } from '../core/messages/time-zone.js';
import { issueI18n } from '../core/input-refusal.js';
import { SentenceError } from '../core/sentence-error.js';

export interface ExportArgs {
  format: ExportFormat;
  /** --channel: the one to export instead of the configured one. */
  channel: string | null;
  filter: ArchiveFilter;
  out: string | null;
  media: 'link' | 'download';
  locale: 'en' | 'fr';
  dataDir: string | undefined;
  help: boolean;
}

// A function: the machine's zone is asked when the help is shown, not when the headless app loads this
// module for its export route (a first Intl formatter maps ICU data in: test/build/idle-footprint).
export const exportUsage = () => `Usage: npm run export -- [options]
  --format json|csv|txt|html   (default html)
  --after DATE                 first day included, e.g. 2026-01-01 or 2026-01-01T08:00:00+01:00
  --before DATE                first day left out
  --tz ZONE                    the time zone of these dates and of the query's, e.g. Europe/Paris,
                               and the one the HTML, text and CSV files print times in
                               (default: this machine's, ${localTimeZone()})
  --channel ID                 the channel to export (default: the configured one; with none, the stored
                               channel with the newest message)
  --author ID                  only this author's messages (repeat for several)
  --query TEXT                 filtered like search, the same messages the panel's search lists: words,
                               from:, mentions:, has:link|embed|file|image, before:, after:, during:
  --out FILE                   where to write (default: <channel>-<date>.<format> here)
  --media link|download        HTML: link attachments (default) or download them beside the file
  --locale en|fr               words and dates of the HTML and text exports (default en)
  --data-dir DIR               the app's data folder (default: the desktop app's, or DISCORD_MONITOR_DATA_DIR)`;

/**
 * A refused value as its refusal says it back (also the download route's 400 page): 40 characters at
 * most, line breaks and bidi controls as "�" (one forged a line, one turned the rest of it around).
 */
function sayBack(value: string): string {
  const chars = [...value.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '\uFFFD')];
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : chars.join('');
}

/** `defaultZone`: the zone of dates given without --tz (the command line's is the machine's). */
export function parseExportArgs(argv: string[], defaultZone = localTimeZone()): ExportArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      format: { type: 'string', default: 'html' },
      after: { type: 'string' },
      before: { type: 'string' },
      channel: { type: 'string' },
      author: { type: 'string', multiple: true },
      query: { type: 'string' },
      tz: { type: 'string' },
      out: { type: 'string' },
      media: { type: 'string', default: 'link' },
      locale: { type: 'string', default: 'en' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const format = values.format as ExportFormat;
  // Sentences by key: the download route (GET /api/export) says them in the browser's language.
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new SentenceError(coreText('exportArgs.format', { option: '--format', values: EXPORT_FORMATS.join(', '), value: sayBack(String(values.format)) }));
  // Recorded in the file and named in its header as typed (Asia/Kolkata stays Asia/Kolkata).
  const timeZone = shownTimeZone(values.tz ?? defaultZone);
  if (timeZone === null) throw new SentenceError(coreText('exportArgs.timeZone', { option: '--tz', value: sayBack(String(values.tz)) }));
  const zone = namedZone(timeZone);
  const date = (name: 'after' | 'before'): number | undefined => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    const ms = parseDate(raw, zone);
    if (ms === null) throw new SentenceError(coreText('exportArgs.date', { option: `--${name}`, value: sayBack(raw) }));
    return ms;
  };
  if (values.channel !== undefined && !snowflake.safeParse(values.channel).success) throw new SentenceError(coreText('exportArgs.channel', { option: '--channel', value: sayBack(values.channel) }));
  if (values.media !== 'link' && values.media !== 'download') throw new SentenceError(coreText('exportArgs.media', { option: '--media' }));
  if (values.locale !== 'en' && values.locale !== 'fr') throw new SentenceError(coreText('exportArgs.locale', { option: '--locale' }));
  const parsed = archiveFilter.safeParse({ after: date('after'), before: date('before'), ...(values.author ? { authorIds: values.author } : {}), ...(values.query ? { query: values.query } : {}), timeZone });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const option = `--${issue.path[0] === 'authorIds' ? 'author' : String(issue.path[0])}`;
    throw new SentenceError(coreText('exportArgs.filter', { option, issue: issueI18n(issue) ?? issue.message }));
  }
  return { format, channel: values.channel ?? null, filter: parsed.data, out: values.out ?? null, media: values.media, locale: values.locale, dataDir: values['data-dir'], help: values.help ?? false };
}
