// The HTML export draws system messages (joins, boosts, pins, threads created…) as the panel does, one
// line in Discord's words in the export's language; it showed them as an empty message by their author.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportToFile } from '../../electron/core/archive/exporter.js';
import { ArchiveReader } from '../../electron/core/archive/reader.js';
import { JOIN_VARIANTS, joinVariant } from '../../shared/system-messages.js';
import { SYSTEM_SENTENCES_EN } from '../../shared/system-sentences.js';
import type { ChatMessage, ChatMessageView } from '../../shared/types.js';
import { CHANNEL, sampleMessage, storeWith, type StoredFixture } from '../helpers/archive-fixture.js';

const fixtures: StoredFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.close();
});

const meta = (locale: 'en' | 'fr') => ({ exportedAt: Date.UTC(2026, 5, 1), app: { name: 'Discord Monitor', version: 'test' }, guild: { id: '1', name: 'Home Lab' }, channel: { id: CHANNEL, name: 'general' }, locale, filter: {} });

async function exportHtml(messages: ChatMessage[], locale: 'en' | 'fr' = 'en'): Promise<string> {
  const f = storeWith(messages.length, (i) => messages[i]!);
  fixtures.push(f);
  const reader = new ArchiveReader(f.file);
  const out = join(f.dir, 'export.html');
  try {
    await exportToFile(out, { reader, query: { channelId: CHANNEL }, format: 'html', meta: meta(locale), redact: (t) => t });
    return readFileSync(out, 'utf8');
  } finally {
    reader.close();
    rmSync(out, { force: true });
  }
}

const view = (type: number): ChatMessageView => ({ type, mentions: { users: [], roles: [], channels: [], everyone: false }, embeds: [], stickers: [], reactions: [], emojis: [], mentionsOwner: false });
const system = (i: number, type: number, content = ''): ChatMessage => {
  const m = sampleMessage(i, content);
  return { ...m, author: { ...m.author, displayName: 'Mason' }, view: view(type) };
};
/** The system lines of an export, tags and isolates removed. */
const lines = (html: string) => [...html.matchAll(/<p class="system-line"[^>]*>(.*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&#39;|&apos;/g, "'"));

describe('HTML export: system messages', () => {
  it("in Discord's words, marked as the panel marks them, in English and French", async () => {
    const messages = [system(0, 8, '3'), system(1, 6), system(2, 18, 'Weekend plans'), system(3, 11), system(4, 7), sampleMessage(5, 'a message someone wrote')];
    const en = await exportHtml(messages);
    const join = SYSTEM_SENTENCES_EN[`join${joinVariant(messages[4]!.createdAt)}` as keyof typeof SYSTEM_SENTENCES_EN].replace('{{name}}', 'Mason');
    expect(lines(en)).toEqual([
      'Mason just boosted the server 3 times!',
      'Mason pinned a message to this channel.',
      'Mason started a thread: Weekend plans.',
      'Mason just boosted the server! The server has achieved Level 3!',
      join,
    ]);
    expect(JOIN_VARIANTS).toBe(13);
    expect(en.match(/class="message[^"]*message--system"/g)).toHaveLength(5);
    expect(en).toContain('a message someone wrote');
    const fr = await exportHtml(messages, 'fr');
    expect(lines(fr).slice(0, 3)).toEqual(['Mason vient de booster le serveur 3 fois !', 'Mason a épinglé un message dans ce salon.', 'Mason a commencé un fil : Weekend plans.']);
  });

  it('names and contents are text: markup in them is escaped, bidi controls dropped', async () => {
    const m = system(0, 18, '<img src=x onerror=alert(1)>\u202e');
    const html = await exportHtml([{ ...m, author: { ...m.author, displayName: '<b>Eve</b>' } }]);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Eve</b>');
    expect(html).toContain('<p class="system-line"><bdi>&lt;b&gt;Eve&lt;/b&gt;</bdi> started a thread: <bdi>&lt;img src=x onerror=alert(1)&gt;</bdi>.</p>');
  });
});
