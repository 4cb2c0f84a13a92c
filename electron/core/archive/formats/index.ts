import type { ExportFormat } from '../query.js';
import { csvWriter } from './csv.js';
import { htmlWriter } from './html.js';
import { jsonWriter } from './json.js';
import { textWriter } from './text.js';
import type { ExportMeta, FormatWriter } from './types.js';

export type { ExportMeta, FormatWriter } from './types.js';

export function writerFor(format: ExportFormat, meta: ExportMeta): FormatWriter {
  switch (format) {
    case 'json':
      return jsonWriter(meta);
    case 'csv':
      return csvWriter();
    case 'txt':
      return textWriter(meta);
    case 'html':
      return htmlWriter(meta);
  }
}
