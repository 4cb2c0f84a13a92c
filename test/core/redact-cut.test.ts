// Invariant 4 — text cut short never keeps part of a secret. The redactor matches whole secrets; a reply's
// quote of an original the app never stored (Discord's referenced_message, cut to 199 characters) and a
// components v2 text display (cut to 4,000) were cut before it ran: a token straddling the cut reached
// the panel and the store nearly whole (34 of 36 characters; with the settings' last four, all of it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { cutText } from '../../electron/core/log/cut-text.js';
import { configuredEnv, coreFor, createWorld, recordEvents, TOKEN, waitState, type World } from '../helpers/world.js';

let world: World | null = null;
let core: Core | null = null;
afterEach(async () => {
  await core?.shutdown();
  await world?.close();
  core = null;
  world = null;
});

/** Any 10 consecutive characters of the token: more than an ordinary word shares with it by chance. */
const pieces = (text: string) => Array.from({ length: TOKEN.length - 9 }, (_, i) => TOKEN.slice(i, i + 10)).filter((p) => text.includes(p));

describe('a secret across a cut', () => {
  it('a reply quoting an unstored original and a long text display: no piece of the token reaches the panel or the disk', async () => {
    const w = (world = await createWorld());
    core = await coreFor(w, configuredEnv(w));
    const events = recordEvents(core);
    const connected = waitState(core, 'connected');
    await core.dispatch('bot.start');
    await connected;
    // The cut falls inside the token: 199 characters of quote, 4,000 of text display.
    w.fake.postMessage(w.channelId, {
      authorId: w.userId,
      content: 'replying to an old message',
      extra: {
        type: 19,
        message_reference: { type: 0, message_id: '1100000000000000001', channel_id: w.channelId, guild_id: w.guildId },
        referenced_message: {
          id: '1100000000000000001', type: 0, channel_id: w.channelId, content: `${'x'.repeat(180)} ${TOKEN} please rotate`,
          author: { id: w.userId, username: 'alice', global_name: 'Alice', discriminator: '0', avatar: null },
          timestamp: new Date(Date.now() - 86_400_000).toISOString(), edited_timestamp: null, tts: false, mention_everyone: false,
          mentions: [], mention_roles: [], attachments: [], embeds: [], pinned: false, flags: 0, components: [],
        },
      },
    });
    w.fake.postMessage(w.channelId, { authorId: w.userId, content: '', extra: { flags: 1 << 15, components: [{ type: 10, id: 1, content: `${'y'.repeat(3975)} ${TOKEN} end` }] } });
    await w.fake.waitFor(() => events.filter((e) => e.event === 'message.created').length >= 2, 15_000);
    const listed = JSON.stringify(await core.dispatch('messages.list'));
    const sent = JSON.stringify(events);
    // The quote and the text display are there, cut before the token.
    expect(sent).toContain('x'.repeat(180));
    expect(sent).toContain('y'.repeat(3975));
    await core.shutdown();
    core = null;
    const disk = ['messages.sqlite', 'messages.sqlite-wal'].filter((f) => existsSync(join(w.dataDir, f))).map((f) => readFileSync(join(w.dataDir, f), 'latin1')).join('');
    expect(pieces(sent), 'sent to the panel').toEqual([]);
    expect(pieces(listed), 'listed').toEqual([]);
    expect(pieces(disk), 'on disk').toEqual([]);
  }, 30_000);

  it('cutText keeps a secret whole or leaves out every character of it', () => {
    const plain = fc.stringMatching(/^[a-z \n]{0,60}$/);
    const secret = fc.stringMatching(/^[A-Z0-9._-]{8,80}$/);
    fc.assert(
      fc.property(plain, secret, plain, fc.nat(220), (before, s, after, max) => {
        const text = `${before}${s}${after}`;
        const cut = cutText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(cut)).toBe(true);
        const kept = cut.replace(/[^A-Z0-9._-]/g, '').length;
        expect([0, s.length]).toContain(kept);
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts plain text where asked, and short words are not pushed back', () => {
    expect(cutText('hello world', 20)).toBe('hello world');
    expect(cutText('hello world again', 8)).toBe('hello wo');
    expect(cutText('hello abcdefghijklmnop', 10)).toBe('hello ');
    // A link is no secret: `:` and `/` break the run, and it is cut where asked.
    const link = `see https://example.com/${'path/'.repeat(60)}?q=1`;
    expect(cutText(link, 120)).toBe(link.slice(0, 120));
  });
});
