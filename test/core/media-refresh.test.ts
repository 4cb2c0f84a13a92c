// messages.refreshMedia with the real core, discord.js and the fake Discord, whose CDN refuses expired
// attachment links as Discord's does (docs/reference.mdx, Signed Attachment CDN URLs): a stored link that
// expired is fetched anew through the bot, stored, shown (message.updated) and served; the old one stays
// refused. Refusals say why: bot stopped, message deleted on Discord, message not stored.
import { describe, expect, it } from 'vitest';
import { linkExpired } from '../../shared/attachment-links.js';
import type { ChatMessage, RefreshedMedia } from '../../shared/types.js';
import { call } from '../helpers/core-calls.js';
import { configuredEnv, coreEachWorld, coreFor, nextEvent } from '../helpers/world.js';

const DAY = 86_400_000;
const t = coreEachWorld();
const status = async (url: string) => (await fetch(url)).status;

/** A picture posted while the fake sends its links already expired (as a link received a day ago is now). */
async function expiredPicture(content: string): Promise<ChatMessage> {
  const core = t.core!;
  t.world.fake.expireAttachmentsAfter(0);
  const seen = nextEvent(core, 'message.created', (m) => m.content === content);
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content, attachments: [{ filename: 'rack.png', size: 2048, contentType: 'image/png', width: 64, height: 48 }] });
  const stored = await seen;
  t.world.fake.expireAttachmentsAfter(DAY);
  return stored;
}

describe('messages.refreshMedia', { timeout: 30_000 }, () => {
  it('fetches the message again: the stored link is replaced by a fresh one the CDN serves, the old one stays refused', async () => {
    const core = await t.connected();
    const stored = await expiredPicture('rack');
    const old = stored.attachments[0]!.url;
    expect(linkExpired(old)).toBe(true);
    expect(await status(old)).toBe(404);

    const shown = nextEvent(core, 'message.updated', (m) => m.id === stored.id);
    const before = t.world.fake.restRequests().get('GET /channels/:id/messages/:id') ?? 0;
    const answer = await call<RefreshedMedia>(core, 'messages.refreshMedia', { messageId: stored.id });
    const fresh = answer.attachments[0]!.url;
    expect(answer).toMatchObject({ messageId: stored.id, attachments: [{ id: stored.attachments[0]!.id, name: 'rack.png' }] });
    expect(fresh).not.toBe(old);
    expect(linkExpired(fresh)).toBe(false);
    expect(await status(fresh)).toBe(200);
    expect(await status(old)).toBe(404);
    expect(t.world.fake.restRequests().get('GET /channels/:id/messages/:id')).toBe(before + 1);
    expect((await shown).attachments[0]!.url).toBe(fresh);
    const page = await call<ChatMessage[]>(core, 'messages.list', {});
    expect(page.find((m) => m.id === stored.id)?.attachments[0]?.url).toBe(fresh);
  });

  it('refuses with the fix while the bot is stopped', async () => {
    await t.connected();
    const stored = await expiredPicture('later');
    await t.core!.monitor.stop();
    const answer = await t.core!.dispatch('messages.refreshMedia', { messageId: stored.id });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/Start monitoring/) });
  });

  it('says a message deleted on Discord meanwhile is gone, and one never stored is unknown', async () => {
    const core = await t.connected();
    const stored = await expiredPicture('soon gone');
    t.world.fake.deleteOffline(t.world.channelId, stored.id);
    const gone = await core.dispatch('messages.refreshMedia', { messageId: stored.id });
    expect(!gone.ok && gone.error.message).toMatch(/no longer on Discord/);
    const unknown = await core.dispatch('messages.refreshMedia', { messageId: '1234567890123456789' });
    expect(!unknown.ok && unknown.error.message).toMatch(/not stored here/);
  });

  // A logged-in client can send thousands of these: each is a Discord request on the channel's messages
  // route, the one the catch-up pages through. Beyond a few at once they are refused, not queued.
  it('a flood of requests: a few reach Discord at a time, the rest are refused as busy, the same message asked twice is one request', async () => {
    const core = await t.connected();
    const stored = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((c) => expiredPicture(`flood ${c}`)));
    const before = t.world.fake.restRequests().get('GET /channels/:id/messages/:id') ?? 0;
    const ids = [stored[0]!.id, ...stored.map((m) => m.id)];
    const answers = await Promise.all(ids.map((messageId) => core.dispatch('messages.refreshMedia', { messageId })));
    const ok = answers.filter((a) => a.ok).length;
    const busy = answers.filter((a) => !a.ok && a.error.code === 'busy');
    expect(ok + busy.length).toBe(ids.length);
    expect(busy.length).toBeGreaterThan(0);
    expect(!busy[0]!.ok && busy[0]!.error.message).toMatch(/try again/i);
    // The first message asked twice at once: one request for both answers.
    expect(answers[0]!.ok && answers[1]!.ok).toBe(true);
    expect(t.world.fake.restRequests().get('GET /channels/:id/messages/:id')).toBe(before + ok - 1);
    // Once they are answered, more are taken.
    const later = await core.dispatch('messages.refreshMedia', { messageId: stored.at(-1)!.id });
    expect(later.ok).toBe(true);
  });

  it('refuses input that is not a message ID, before anything reaches Discord', async () => {
    t.core = await coreFor(t.world, configuredEnv(t.world));
    const answer = await t.core.dispatch('messages.refreshMedia', { messageId: '../../users/@me' });
    expect(!answer.ok && answer.error.code).toBe('invalid-input');
  });
});
