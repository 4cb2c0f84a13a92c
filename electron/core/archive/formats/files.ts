// What each export format's file is called and served as, known without loading its writer
// (the HTML writer pulls in the panel's styles and Markdown parser: loaded only to export HTML).
import type { ExportFormat } from '../query.js';

export const FORMAT_FILES: Record<ExportFormat, { extension: string; contentType: string }> = {
  json: { extension: 'json', contentType: 'application/json; charset=utf-8' },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present' },
  txt: { extension: 'txt', contentType: 'text/plain; charset=utf-8' },
  html: { extension: 'html', contentType: 'text/html; charset=utf-8' },
};
