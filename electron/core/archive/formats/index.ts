import type { ExportFormat } from '../query.js';
import { csvWriter } from './csv.js';
import { jsonWriter } from './json.js';
import { textWriter } from './text.js';
import type { ExportMeta, FormatWriter } from './types.js';

export type { ExportMeta, FormatWriter } from './types.js';
export { FORMAT_FILES } from './files.js';

export async function writerFor(format: ExportFormat, meta: ExportMeta): Promise<FormatWriter> {
  switch (format) {
    case 'json':
      return jsonWriter(meta);
    case 'csv':
      return csvWriter();
    case 'txt':
      return textWriter(meta);
    case 'html':
      // Lazy: the panel's styles and Markdown stack stay out of memory until someone exports HTML.
      return (await import('./html.js')).htmlWriter(meta);
  }
}
