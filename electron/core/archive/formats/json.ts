// JSON export (schema: docs/export-schema.md): a header object whose "messages" array is written one
// message at a time, then the count. Each message is the store's ChatMessage as is.
import type { ChatMessage } from '../../../../shared/types.js';
import type { ExportMeta, FormatWriter } from './types.js';
import { FORMAT_FILES } from './files.js';

export const EXPORT_SCHEMA = 'discord-monitor-export';
export const EXPORT_SCHEMA_VERSION = 1;

export function jsonWriter(meta: ExportMeta): FormatWriter {
  return {
    format: 'json',
    ...FORMAT_FILES.json,
    header: () => {
      const head = {
        schema: EXPORT_SCHEMA,
        version: EXPORT_SCHEMA_VERSION,
        exportedAt: new Date(meta.exportedAt).toISOString(),
        app: meta.app,
        guild: meta.guild,
        channel: meta.channel,
        filter: meta.filter,
      };
      return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "messages": [\n`;
    },
    message: (m: ChatMessage, index: number) => `${index === 0 ? '' : ',\n'}    ${JSON.stringify(m)}`,
    footer: (count: number) => `${count === 0 ? '' : '\n'}  ],\n  "count": ${count}\n}\n`,
  };
}
