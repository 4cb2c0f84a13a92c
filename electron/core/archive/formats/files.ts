// What each export format's file is called and served as, known without loading its writer
// (the HTML writer pulls in the panel's styles and Markdown parser: loaded only to export HTML).
import type { Zone } from '../../messages/time-zone.js';
import type { ExportFormat } from '../query.js';

export const FORMAT_FILES: Record<ExportFormat, { extension: string; contentType: string }> = {
  json: { extension: 'json', contentType: 'application/json; charset=utf-8' },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present' },
  txt: { extension: 'txt', contentType: 'text/plain; charset=utf-8' },
  html: { extension: 'html', contentType: 'text/html; charset=utf-8' },
};

/**
 * `<channel>-<day>.<extension>`, the day the export is made as it prints it: in its zone (at 00:30 in
 * Paris the file was named after yesterday's UTC date). The panel's download and the command line agree.
 */
export function exportFileName(channel: string, format: ExportFormat, zone: Zone, at: number): string {
  const day = new Date(at + zone.offsetAt(at)).toISOString().slice(0, 10);
  return `${channel.replace(/[^\w.-]+/g, '_') || 'channel'}-${day}.${FORMAT_FILES[format].extension}`;
}
