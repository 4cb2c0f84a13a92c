// The HTML export highlights the settings' keywords as the panel does (shared/keyword-match.ts):
// the message gets the "mentions you" look and each keyword of its own text is marked, inside
// Markdown and code too; embeds are not marked and a word inside another word does not count.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, startConnected, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

const LINES = ['the **DEPLOY** failed, who is on call?', 'deploy done', 'redeployed it, oncall', 'see `deploy.sh`', 'nothing here'];

describe('HTML export and highlight keywords', { timeout: 30_000 }, () => {
  it('marks the keywords of each message and gives it the "mentions you" look, as the panel does', async () => {
    const target = join(world.dataDir, 'general.html');
    core = await coreFor(world, { ...configuredEnv(world), HIGHLIGHT_KEYWORDS: 'deploy,on call' }, { mode: 'electron', saveDialog: { choose: async () => target } });
    const c = await startConnected(core);
    const last = nextEvent(c, 'message.created', (m) => m.content === 'with an embed');
    for (const content of LINES) world.fake.postMessage(world.channelId, { authorId: world.userId, content });
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'with an embed', extra: { embeds: [{ type: 'rich', title: 'deploy report', description: 'deploy ok' }] } });
    await last;
    const reply = await c.dispatch('archive.export', { format: 'html' });
    expect(reply.ok && reply.value).toMatchObject({ count: 6 });

    const doc = new JSDOM(readFileSync(target, 'utf8')).window.document;
    const articles = [...doc.querySelectorAll('article.message')];
    const row = (text: string) => articles.find((a) => a.querySelector('.markdown')?.textContent === text.replace(/\*\*|`/g, ''))!;
    const marks = (text: string) => [...row(text).querySelectorAll('.markdown mark.mention.mention--keyword')].map((m) => m.textContent);
    expect(marks(LINES[0]!)).toEqual(['DEPLOY', 'on call']);
    expect(row(LINES[0]!).querySelector('strong > mark')).not.toBeNull();
    expect(marks('deploy done')).toEqual(['deploy']);
    expect(marks('see `deploy.sh`')).toEqual(['deploy']);
    expect(row('see `deploy.sh`').querySelector('code > mark')).not.toBeNull();
    expect(marks('redeployed it, oncall')).toEqual([]);
    const flagged = articles.filter((a) => a.classList.contains('message--mentioned')).map((a) => a.querySelector('.markdown')?.textContent);
    expect(flagged).toEqual(['the DEPLOY failed, who is on call?', 'deploy done', 'see deploy.sh']);
    // Embeds are someone else's words: not marked, as in the panel.
    const embed = row('with an embed');
    expect(embed.querySelector('.embed')?.textContent).toContain('deploy report');
    expect(embed.querySelector('mark')).toBeNull();
  });
});
