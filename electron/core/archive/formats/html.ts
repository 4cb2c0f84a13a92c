// Self-contained HTML export: inline CSS (the panel's), no script, media linked or kept beside it.
// Messages are static, so the browser's find, printing and reading without JavaScript all work.
import type { ChatMessage } from '../../../../shared/types.js';
import { keywordMatcher } from '../../../../shared/keyword-match.js';
import { escapeHtml } from '../html/escape.js';
import { MarkdownHtml } from '../html/markdown.js';
import { messageHtml, WORDS, type MessageHtmlOptions } from '../html/message.js';
import { EXPORT_CSS } from '../html/styles.js';
import { TwemojiSprite } from '../html/twemoji.js';
import { exportZone } from './export-zone.js';
import type { ExportMeta, FormatWriter } from './types.js';
import { FORMAT_FILES } from './files.js';

const TEXT = {
  en: { title: 'Discord Monitor export', all: 'All messages', messages: (n: number) => `${n.toLocaleString('en')} messages`, exported: 'Exported', zone: 'Time zone:' },
  fr: { title: 'Export Discord Monitor', all: 'Tous les messages', messages: (n: number) => `${n.toLocaleString('fr')} messages`, exported: 'Exporté le', zone: 'Fuseau horaire :' },
};

export function htmlWriter(meta: ExportMeta): FormatWriter {
  const locale = meta.locale;
  const t = TEXT[locale];
  // Times are fixed in the file, in the zone its days were chosen in (said once in the header, UTC without
  // one): an archive reads the same wherever it is opened. Titles say each time's offset ('long').
  const zone = exportZone(meta.filter.timeZone);
  const timeZone = zone.name;
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long', timeZone });
  // Unicode emoji as Twemoji symbols, written once each after the last message (known only then).
  const twemoji = new TwemojiSprite();
  const options: MessageHtmlOptions = {
    markdown: new MarkdownHtml(locale, {}, timeZone, twemoji),
    words: WORDS[locale],
    time: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
    fullTime: full,
    media: meta.media ?? ((url) => url),
    keywords: keywordMatcher(meta.keywords ?? []),
  };
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const SECTION = 500;
  let lastDay = '';
  let inSection = 0;
  const range = () => {
    const { after, before } = meta.filter;
    if (after === undefined && before === undefined) return t.all;
    return `${after === undefined ? '…' : day.format(after)} – ${before === undefined ? '…' : day.format(before)}`;
  };
  return {
    format: 'html',
    ...FORMAT_FILES.html,
    header: () => {
      const title = [meta.channel && `#${meta.channel.name}`, meta.guild?.name].filter(Boolean).join(' — ') || t.title;
      return (
        `<!doctype html>\n<html lang="${locale}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
        `<meta name="generator" content="${escapeHtml(`${meta.app.name} ${meta.app.version}`)}">\n<title>${escapeHtml(title)}</title>\n<style>${EXPORT_CSS}</style>\n</head>\n<body>\n` +
        `<div class="archive">\n<header class="archive__head"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(range())} · ${t.exported} ${escapeHtml(full.format(meta.exportedAt))} · ${t.zone} ${escapeHtml(zone.label(meta))}</p></header>\n<main class="messages" id="messages">\n`
      );
    },
    message: (m: ChatMessage, index: number) => {
      // Sections of at most 500 messages, one per day at least, each skipped by layout while off
      // screen: Chromium lays out a few hundred sections instead of 100,000 articles. A day is the zone's,
      // from its local midnight (23 or 25 hours long across a daylight-saving change).
      const dayKey = zone.date(m.createdAt);
      let open = '';
      if (index === 0 || dayKey !== lastDay || inSection >= SECTION) {
        open = `${index === 0 ? '' : '</section>\n'}<section class="archive__chunk">${dayKey !== lastDay ? `<h2 class="archive__day"><time datetime="${dayKey}">${escapeHtml(day.format(m.createdAt))}</time></h2>` : ''}\n`;
        inSection = 0;
        lastDay = dayKey;
      }
      inSection++;
      return open + messageHtml(m, options);
    },
    // The message drawn once more with its media recorded: whatever the page shows is what gets downloaded.
    mediaUrls: (m: ChatMessage) => {
      const urls: string[] = [];
      messageHtml(m, { ...options, media: (url) => (urls.push(url), url) });
      return urls;
    },
    footer: (count: number) => `${count ? '</section>\n' : ''}</main>\n<footer class="archive__foot" data-count="${count}">${t.messages(count)}</footer>\n</div>\n${twemoji.symbols()}</body>\n</html>\n`,
  };
}
