// A format is three string producers; the exporter streams them to the file in order.
import type { ChatMessage } from '../../../../shared/types.js';
import type { ArchiveFilter, ExportFormat } from '../query.js';

export interface ExportMeta {
  exportedAt: number;
  app: { name: string; version: string };
  guild: { id: string; name: string } | null;
  channel: { id: string; name: string } | null;
  filter: ArchiveFilter;
  /** 'en' or 'fr': dates and the few words of the HTML and text exports. */
  locale: 'en' | 'fr';
  /** The settings' highlight keywords, highlighted as in the panel (HTML only). */
  keywords?: readonly string[];
  /** Maps a remote media URL to where the export keeps it (HTML only). */
  media?: (url: string) => string;
}

export interface FormatWriter {
  format: ExportFormat;
  extension: string;
  contentType: string;
  header(meta: ExportMeta): string;
  message(m: ChatMessage, index: number): string;
  footer(count: number): string;
  /** The remote media `message` would draw, for a folder of downloads beside the file (HTML only). */
  mediaUrls?(m: ChatMessage): string[];
}
