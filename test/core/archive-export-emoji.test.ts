// The HTML export draws Unicode emoji from the panel's Twemoji SVGs, inlined once each (a machine
// without an emoji font showed empty boxes), and a reply's excerpt names its mentions as the panel does.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportToFile } from '../../electron/core/archive/exporter.js';
import { TwemojiSprite, twemojiFile } from '../../electron/core/archive/html/twemoji.js';
import { ArchiveReader } from '../../electron/core/archive/reader.js';
import type { ChatMessage, ChatMessageView } from '../../shared/types.js';
import { CHANNEL, sampleMessage, storeWith, type StoredFixture } from '../helpers/archive-fixture.js';

const fixtures: StoredFixture[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const meta = { exportedAt: Date.UTC(2026, 5, 1), app: { name: 'Discord Monitor', version: 'test' }, guild: { id: '1', name: 'Home Lab' }, channel: { id: CHANNEL, name: 'general' }, locale: 'en' as const };

async function exportHtml(messages: ChatMessage[]): Promise<string> {
  const f = storeWith(messages.length, (i) => messages[i]!);
  fixtures.push(f);
  const reader = new ArchiveReader(f.file);
  const out = join(f.dir, 'export.html');
  try {
    await exportToFile(out, { reader, query: { channelId: CHANNEL }, format: 'html', meta: { ...meta, filter: {} }, redact: (t) => t });
    return readFileSync(out, 'utf8');
  } finally {
    reader.close();
  }
}

const view = (extra: Partial<ChatMessageView>): ChatMessageView => ({ type: 0, mentions: { users: [], roles: [], channels: [], everyone: false }, embeds: [], stickers: [], reactions: [], emojis: [], mentionsOwner: false, ...extra });
const symbolIds = (html: string) => [...html.matchAll(/<symbol id="([^"]+)"/g)].map((m) => m[1]!);
const useRefs = (html: string) => [...html.matchAll(/<use href="#([^"]+)"/g)].map((m) => m[1]!);

describe('HTML export: Unicode emoji from Twemoji', () => {
  it('inlines one symbol per distinct emoji, and every drawn emoji refers to one that exists', async () => {
    const html = await exportHtml([sampleMessage(0, 'party 🎉 time 🎉'), sampleMessage(1, '**done** 👍 🎉'), sampleMessage(2, '🎉')]);
    expect(symbolIds(html).sort()).toEqual(['tw-1f389', 'tw-1f44d']);
    const uses = useRefs(html);
    expect(uses.filter((u) => u === 'tw-1f389')).toHaveLength(4);
    expect(uses.filter((u) => u === 'tw-1f44d')).toHaveLength(1);
    // Drawn, with its text kept for screen readers and the tooltip; the raw character is gone from the text.
    expect(html).toContain('<svg class="emoji" role="img" aria-label="🎉"><title>🎉</title><use href="#tw-1f389"/></svg>');
    expect(html).toMatch(/<symbol id="tw-1f389" viewBox="0 0 36 36"><path /);
    // Nothing is fetched: no file or URL for the SVG anywhere.
    expect(html).not.toMatch(/\.svg["')]/);
  });

  it('draws Unicode reactions and component emoji the same way; a name Twemoji does not draw stays text', async () => {
    const reactions = [
      { emoji: { id: null, name: '🔥', animated: false, url: null }, count: 2 },
      { emoji: { id: null, name: '"><img src=x onerror=alert(1)>', animated: false, url: null }, count: 1 },
      { emoji: { id: null, name: '../../../etc/passwd', animated: false, url: null }, count: 1 },
    ];
    const components = [{ type: 'row' as const, components: [{ type: 'button' as const, style: 1, label: 'Approve', emoji: { id: null, name: '✅', animated: false, url: null }, url: null, disabled: false }] }];
    const html = await exportHtml([{ ...sampleMessage(0, 'plain'), view: view({ reactions, components }) }]);
    expect(symbolIds(html).sort()).toEqual(['tw-1f525', 'tw-2705']);
    expect(html).toMatch(/<li class="reaction" title="🔥"><svg class="emoji" role="img" aria-label="🔥"><title>🔥<\/title><use href="#tw-1f525"\/><\/svg>/);
    expect(html).toMatch(/<span class="dc-button[^"]*"[^>]*><svg class="emoji" role="img" aria-label="✅">/);
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('../../../etc/passwd<span class="reaction__count">');
    for (const u of useRefs(html)) expect(symbolIds(html)).toContain(u);
  });

  it('an export with no Unicode emoji carries no sprite', async () => {
    const html = await exportHtml([sampleMessage(0, 'no emoji here')]);
    expect(html).not.toContain('<symbol');
    expect(html).not.toContain('<use ');
  });
});

describe('Twemoji files', () => {
  it('builds a path only from validated codepoints, inside the folder', () => {
    expect(twemojiFile('/pkg', '1f389')).toBe(join('/pkg', '1f389.svg'));
    expect(twemojiFile('/pkg', '1f3f3-fe0f-200d-1f308')).toBe(join('/pkg', '1f3f3-fe0f-200d-1f308.svg'));
    for (const bad of ['../1f389', '1f389/..', '1F389', '', '1f389-', 'x', '1f389.svg']) expect(twemojiFile('/pkg', bad)).toBeNull();
  });

  it('an emoji whose SVG is missing (or no folder at all) falls back to its text; each file is read once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-twemoji-'));
    dirs.push(dir);
    writeFileSync(join(dir, '1f389.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><path d="M0 0h36v36z"/></svg>');
    const sprite = new TwemojiSprite(dir);
    expect(sprite.draw('🎉')).toContain('<use href="#tw-1f389"/>');
    rmSync(join(dir, '1f389.svg'));
    // Cached: the second occurrence does not read the (now missing) file again.
    expect(sprite.draw('🎉')).toContain('<use href="#tw-1f389"/>');
    expect(sprite.draw('👍')).toBe('👍');
    expect(sprite.draw('<b>')).toBe('&lt;b&gt;');
    expect(sprite.symbols()).toBe('<svg class="archive__sprite" aria-hidden="true"><symbol id="tw-1f389" viewBox="0 0 36 36"><path d="M0 0h36v36z"/></symbol></svg>\n');
    expect(new TwemojiSprite(null).draw('🎉')).toBe('🎉');
  });

  it('gives the ids inside an SVG (clip paths, masks) its own prefix, so two symbols never share one', () => {
    const sprite = new TwemojiSprite();
    // 1fa87 (maracas) holds clip paths a…i.
    expect(sprite.draw('🪇')).toContain('#tw-1fa87');
    const symbol = sprite.symbols();
    expect(symbol).not.toMatch(/id="[a-z]"/);
    expect(symbol).not.toMatch(/url\(#[a-z]\)/);
    expect(symbol).toMatch(/id="tw-1fa87-a"/);
    expect(symbol).toMatch(/url\(#tw-1fa87-a\)/);
  });
});

describe('HTML export: a reply excerpt names its mentions', () => {
  const ROLE = '1578255161791348742';
  it('with the names stored with the quote, as the message itself shows them', async () => {
    const reply = { id: '1', author: 'Alice', excerpt: `<@&${ROLE}> please review <#200000000000000009> with <@300000000000000003>`, mentions: { users: [{ id: '300000000000000003', name: 'Monitor Bot' }], roles: [{ id: ROLE, name: 'admins', color: 0 }], channels: [{ id: '200000000000000009', name: 'firewall' }] } };
    const html = await exportHtml([{ ...sampleMessage(0, 'agreed'), view: view({ type: 19, reply }) }]);
    const excerpt = /<bdi class="reply__excerpt">(.*?)<\/bdi><\/a>/.exec(html)![1]!;
    expect(excerpt).toContain('@admins');
    expect(excerpt).toContain('#firewall');
    expect(excerpt).toContain('@Monitor Bot');
    expect(excerpt).not.toContain(ROLE);
  });

  it('without them: the panel’s words, never a raw id', async () => {
    const reply = { id: '1', author: 'Alice', excerpt: `<@&${ROLE}> please review the firewall change` };
    const html = await exportHtml([{ ...sampleMessage(0, 'agreed'), view: view({ type: 19, reply }) }]);
    const excerpt = /<bdi class="reply__excerpt">(.*?)<\/bdi><\/a>/.exec(html)![1]!;
    expect(excerpt).toContain('@deleted-role</span> please review');
    expect(excerpt).not.toContain(ROLE);
  });
});
