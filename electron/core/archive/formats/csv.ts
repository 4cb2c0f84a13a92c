// CSV export, RFC 4180 (CRLF, quotes doubled, a header row), with a UTF-8 BOM so spreadsheets read
// accents right. Cells that a spreadsheet would run as a formula get a leading apostrophe.
// Times: `timestamp` and `edited_timestamp` are UTC (…Z) as they always were; the `_local` columns, last
// so scripts reading columns by position still find theirs, are the same instants in the export's zone
// with its offset (2026-03-01T10:00:00.000+01:00), which a spreadsheet user reads without converting.
import { stringify } from 'csv-stringify/sync';
import type { ChatMessage } from '../../../../shared/types.js';
import { exportZone } from './export-zone.js';
import type { ExportMeta, FormatWriter } from './types.js';
import { FORMAT_FILES } from './files.js';

export const CSV_COLUMNS = [
  'id',
  'timestamp',
  'author_id',
  'author_username',
  'author_display_name',
  'author_bot',
  'content',
  'edited_timestamp',
  'deleted',
  'attachments',
  'timestamp_local',
  'edited_timestamp_local',
] as const;

// OWASP "CSV injection": =, +, -, @, tab, CR start a formula. Leading apostrophes are counted so
// the guard can be undone exactly (csvUnguard), even for text that already starts with one.
const FORMULA = /^'*[=+\-@\t\r]/;
export const csvGuard = (cell: string): string => (FORMULA.test(cell) ? `'${cell}` : cell);
export const csvUnguard = (cell: string): string => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
// Any line break is quoted, not only CRLF: a bare LF ends a record for spreadsheets and Python's csv.
const row = (cells: string[]) => stringify([cells], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });

export function csvWriter(meta: ExportMeta): FormatWriter {
  const zone = exportZone(meta.filter.timeZone);
  const local = (ms: number | null) => (ms === null ? '' : zone.iso(ms));
  return {
    format: 'csv',
    ...FORMAT_FILES.csv,
    header: () => `\uFEFF${row([...CSV_COLUMNS])}`,
    message: (m: ChatMessage) =>
      row([
        m.id,
        iso(m.createdAt),
        m.author.id,
        csvGuard(m.author.username),
        csvGuard(m.author.displayName),
        String(m.author.bot),
        csvGuard(m.content),
        iso(m.editedAt),
        String(m.deleted),
        m.attachments.map((a) => a.url).join(' '),
        local(m.createdAt),
        local(m.editedAt),
      ]),
    footer: () => '',
  };
}
