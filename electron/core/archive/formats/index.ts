import type { ExportFormat } from '../query.js';
import { jsonWriter } from './json.js';
import type { ExportMeta, FormatWriter } from './types.js';

export type { ExportMeta, FormatWriter } from './types.js';
export { exportFileName, FORMAT_FILES } from './files.js';

// Lazy: a writer (and csv-stringify, the panel's styles and Markdown stack behind HTML) loads when
// someone exports in its format, not at startup. JSON stays: the import reads its schema anyway.
export async function writerFor(format: ExportFormat, meta: ExportMeta): Promise<FormatWriter> {
  switch (format) {
    case 'json':
      return jsonWriter(meta);
    case 'csv':
      return (await import('./csv.js')).csvWriter(meta);
    case 'txt':
      return (await import('./text.js')).textWriter(meta);
    case 'html':
      return (await import('./html.js')).htmlWriter(meta);
  }
}
