// Plain text export: one line per message, continuation lines indented, as people paste chats.
import type { ChatMessage } from '../../../../shared/types.js';
import type { ExportMeta, FormatWriter } from './types.js';
import { FORMAT_FILES } from './files.js';

const WORDS = {
  en: { title: 'Discord Monitor export', all: 'all time', edited: 'edited', deleted: 'deleted', file: 'file', messages: 'messages', exported: 'exported' },
  fr: { title: 'Export Discord Monitor', all: 'depuis le début', edited: 'modifié', deleted: 'supprimé', file: 'fichier', messages: 'messages', exported: 'exporté le' },
};

const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');

export function textWriter(meta: ExportMeta): FormatWriter {
  const w = WORDS[meta.locale];
  return {
    format: 'txt',
    ...FORMAT_FILES.txt,
    header: () => {
      const where = [meta.channel && `#${meta.channel.name}`, meta.guild && meta.guild.name].filter(Boolean).join(' — ');
      const range = meta.filter.after === undefined && meta.filter.before === undefined ? w.all : `${meta.filter.after === undefined ? '…' : stamp(meta.filter.after)} → ${meta.filter.before === undefined ? '…' : stamp(meta.filter.before)}`;
      return `${w.title}${where ? `: ${where}` : ''}\n${range}; ${w.exported} ${stamp(meta.exportedAt)}\n${'='.repeat(60)}\n\n`;
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
