// Plain text export: one line per message, continuation lines indented, as people paste chats.
// Times are the export's zone's (export-zone.ts), each with its offset so a pasted line stays exact.
import type { ChatMessage } from '../../../../shared/types.js';
import { exportZone } from './export-zone.js';
import type { ExportMeta, FormatWriter } from './types.js';
import { FORMAT_FILES } from './files.js';

const WORDS = {
  en: { title: 'Discord Monitor export', all: 'all time', edited: 'edited', deleted: 'deleted', file: 'file', messages: 'messages', exported: 'exported', zone: 'Time zone:', colon: ': ', semicolon: '; ' },
  fr: { title: 'Export Discord Monitor', all: 'depuis le début', edited: 'modifié', deleted: 'supprimé', file: 'fichier', messages: 'messages', exported: 'exporté le', zone: 'Fuseau horaire :', colon: ' : ', semicolon: ' ; ' },
};

export function textWriter(meta: ExportMeta): FormatWriter {
  const w = WORDS[meta.locale];
  const zone = exportZone(meta.filter.timeZone);
  // "2026-03-29 03:30:00 +02:00"; without a zone "… UTC", as before.
  const stamp = (ms: number) => `${zone.wall(ms)} ${zone.utc ? 'UTC' : zone.offset(ms)}`;
  return {
    format: 'txt',
    ...FORMAT_FILES.txt,
    header: () => {
      const where = [meta.channel && `#${meta.channel.name}`, meta.guild && meta.guild.name].filter(Boolean).join(' — ');
      const range = meta.filter.after === undefined && meta.filter.before === undefined ? w.all : `${meta.filter.after === undefined ? '…' : stamp(meta.filter.after)} → ${meta.filter.before === undefined ? '…' : stamp(meta.filter.before)}`;
      return `${w.title}${where ? `${w.colon}${where}` : ''}\n${range}${w.semicolon}${w.exported} ${stamp(meta.exportedAt)}\n${w.zone} ${zone.label(meta)}\n${'='.repeat(60)}\n\n`;
    },
    message: (m: ChatMessage) => {
      const marks = [m.editedAt !== null && `(${w.edited} ${stamp(m.editedAt)})`, m.deleted && `(${w.deleted})`].filter(Boolean).join(' ');
      const name = m.author.displayName === m.author.username ? m.author.username : `${m.author.displayName} (${m.author.username})`;
      const body = m.content.replace(/\r\n?/g, '\n').split('\n').join('\n    ');
      const files = m.attachments.map((a) => `\n    [${w.file}: ${a.name} — ${a.url}]`).join('');
      return `[${stamp(m.createdAt)}] ${name}: ${body}${files}${marks ? `\n    ${marks}` : ''}\n`;
    },
    footer: (count: number) => `\n${'='.repeat(60)}\n${count} ${w.messages}\n`,
  };
}
