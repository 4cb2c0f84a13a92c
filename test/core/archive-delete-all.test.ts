// "Delete all messages" against the fake Discord, which applies Bulk Delete's documented rules:
// refused when dangerous actions are off, without Manage Messages / Read Message History (named),
// or with any of the three confirmations missing; otherwise a backup first, then bulk deletes for
// messages under 14 days and single deletes for older ones, counted on the fake.
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { DeleteProgress } from '../../shared/archive.js';
import { readJsonExport } from '../../electron/core/archive/import.js';
import { renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { PERMISSION } from '../fake-discord/permissions.js';
import { configuredEnv, coreFor, nextEvent, type World, eachWorld, startConnected } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

const DAY = 24 * 60 * 60 * 1000;
const CONFIRMED = { phrase: 'DELETE ALL MESSAGES', channelName: 'general', acknowledged: true };

async function connected(env: NodeJS.ProcessEnv = {}): Promise<Core> {
  core = await coreFor(world, { ...configuredEnv(world), DANGEROUS_ACTIONS_ENABLED: 'True', ...env });
  return startConnected(core);
}

function grantManageMessages(): void {
  const role = world.fake.permissions.addRole(world.guildId, 'Moderator', PERMISSION.MANAGE_MESSAGES);
  world.fake.permissions.grantRole(world.guildId, world.botId, role);
}

const calls = (method: string, suffix: RegExp) =>
  [...world.fake.restRequests()].filter(([key]) => key.startsWith(`${method} `) && suffix.test(key)).reduce((n, [, count]) => n + count, 0);

/** Starts a confirmed run; `backup` is the file its answer names, `end` its last progress. */
async function deleteAllOf(c: Core): Promise<{ backup: string; end: Promise<DeleteProgress> }> {
  const end = nextEvent(c, 'archive.deleteProgress', (p) => p.state !== 'running', 45_000);
  const reply = await c.dispatch('archive.deleteAll', CONFIRMED);
  expect(reply.ok).toBe(true);
  return { backup: reply.ok ? reply.value.backup : '', end };
}

/** The ids the app's history holds. */
async function storedIds(c: Core): Promise<Set<string>> {
  const stored = await c.dispatch('messages.list', { limit: 500 });
  return new Set(stored.ok ? stored.value.map((m) => m.id) : []);
}

describe('delete all messages: refusals change nothing', { timeout: 30_000 }, () => {
  it('is refused while dangerous actions are off', async () => {
    grantManageMessages();
    const c = await connected({ DANGEROUS_ACTIONS_ENABLED: 'False' });
    world.fake.postBacklog(world.channelId, [world.userId], 3);
    const reply = await c.dispatch('archive.deleteAll', CONFIRMED);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(/dangerous actions.*DANGEROUS_ACTIONS_ENABLED/i);
    expect(!reply.ok && reply.error.i18n?.key).toBe('archive.deleteNotEnabled');
    expect(world.fake.messages(world.channelId)).toHaveLength(3);
  });

  it('names the missing Manage Messages permission and deletes nothing', async () => {
    const c = await connected();
    world.fake.postBacklog(world.channelId, [world.userId], 3);
    const check = await c.dispatch('archive.deleteAllCheck', undefined);
    expect(check.ok && check.value.missing).toEqual(['Manage Messages']);
    const reply = await c.dispatch('archive.deleteAll', CONFIRMED);
    expect(!reply.ok && reply.error.message).toMatch(/Manage Messages/);
    expect(!reply.ok && reply.error.i18n).toMatchObject({ key: 'archive.deleteLacks', params: { permissions: { key: 'permission.manageMessages' }, channel: 'general' } });
    // In the French panel, as Discord's French client names it, once.
    const fr = renderText(reply.ok ? { key: 'archive.deleteLacks', params: {} } : reply.error.i18n!, coreFr, { locale: 'fr' });
    expect(fr).toBe('Il manque au bot Gérer les messages dans #general. Donnez Gérer les messages à son rôle (Paramètres du serveur → Rôles, ou les permissions du salon), puis vérifiez à nouveau.');
    expect(world.fake.messages(world.channelId)).toHaveLength(3);
    expect(calls('POST', /bulk-delete$/) + calls('DELETE', /\/messages\/:id$/)).toBe(0);
  });

  it('names a Read Message History denied on the channel', async () => {
    grantManageMessages();
    world.fake.permissions.setOverwrite(world.channelId, { id: world.guildId, type: 0, allow: 0n, deny: PERMISSION.READ_MESSAGE_HISTORY });
    const c = await connected();
    const check = await c.dispatch('archive.deleteAllCheck', undefined);
    expect(check.ok && check.value.missing).toEqual(['Read Message History']);
  });

  it.each([
    ['the typed phrase', { ...CONFIRMED, phrase: 'delete all messages' }, 'phrase'],
    ['the channel name', { ...CONFIRMED, channelName: 'General' }, 'channelName'],
    ['the checkbox', { ...CONFIRMED, acknowledged: false }, 'acknowledged'],
  ])('is refused without %s', async (_what, input, field) => {
    grantManageMessages();
    const c = await connected();
    world.fake.postBacklog(world.channelId, [world.userId], 3);
    const reply = await c.dispatch('archive.deleteAll', input);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && Object.keys(reply.error.fields ?? {})).toEqual([field]);
    expect(!reply.ok && reply.error.i18n?.key).toBe('archive.deleteNotConfirmed');
    expect(world.fake.messages(world.channelId)).toHaveLength(3);
  });
});

describe('delete all messages: deleting', { timeout: 60_000 }, () => {
  it('writes a backup first, bulk-deletes recent messages, deletes older ones one by one, and says so', async () => {
    grantManageMessages();
    const now = Date.now();
    // 3 messages older than 14 days, 205 recent ones: 3 bulk requests (100, 100, 5) and 3 single deletes.
    world.fake.postAt(world.channelId, world.userId, [now - 40 * DAY, now - 30 * DAY, now - 15 * DAY]);
    world.fake.postBacklog(world.channelId, [world.userId], 205);
    const c = await connected();
    const stored = await c.dispatch('messages.list', { limit: 500 });
    world.fake.resetStats();
    const finished = nextEvent(c, 'archive.deleteProgress', (p) => p.state !== 'running', 45_000);
    const reply = await c.dispatch('archive.deleteAll', CONFIRMED);
    expect(reply.ok).toBe(true);
    const backup = reply.ok ? reply.value.backup : null;
    expect(backup && existsSync(backup)).toBe(true);
    expect(statSync(backup!).mode & 0o777).toBe(0o600);
    const done = await finished;
    expect(done).toMatchObject({ state: 'done', deleted: 208, bulk: 205, single: 3, failed: 0 });
    expect(done.message).toMatch(/^Done: 208 deleted \(205 in bulk, 3 one by one\), 0 refused by Discord, in [\d.]+ s\.$/);
    expect(done.i18n).toMatchObject({ key: 'archive.deleteDone', params: { deleted: 208, bulk: 205, single: 3, failed: 0 } });
    expect(world.fake.messages(world.channelId)).toEqual([]);
    expect(calls('POST', /\/messages\/bulk-delete$/)).toBe(3);
    expect(calls('DELETE', /\/messages\/:id$/)).toBe(3);
    expect(world.fake.unhandledRoutes).toEqual([]);
    // MESSAGE_DELETE_BULK and MESSAGE_DELETE reach the store: the panel shows every message deleted.
    await expect
      .poll(async () => {
        const after = await c.dispatch('messages.list', { limit: 500 });
        return after.ok ? after.value.filter((m) => !m.deleted).length : -1;
      }, { timeout: 5000 })
      .toBe(0);
    // The backup was taken before anything was deleted: it holds every message the store had.
    expect(stored.ok && stored.value.length).toBeGreaterThan(0);
    expect(readJsonExport(backup!).messages.map((m) => m.id)).toEqual(stored.ok ? stored.value.map((m) => m.id) : []);
    const log = (await c.dispatch('logs.recent', undefined)) as { ok: true; value: Array<{ message: string }> };
    expect(log.value.map((e) => e.message).join('\n')).toMatch(/Delete all messages in #general.*asked from the panel[\s\S]*208 deleted \(205 in bulk, 3 one by one\)/);
  });

  it('bulk delete on the fake refuses what Discord refuses: 1 or 101 ids, a repeated id, a message older than 14 days', async () => {
    grantManageMessages();
    const old = world.fake.postAt(world.channelId, world.userId, [Date.now() - 20 * DAY])[0]!;
    const recent = world.fake.postBacklog(world.channelId, [world.userId], 3);
    const post = (ids: string[]) =>
      fetch(`${world.fake.apiUrl}/v10/channels/${world.channelId}/messages/bulk-delete`, {
        method: 'POST',
        headers: { authorization: 'Bot test.bot-token.0123456789-abcdefghij', 'content-type': 'application/json' },
        body: JSON.stringify({ messages: ids }),
      }).then(async (r) => ({ status: r.status, code: r.status === 204 ? null : ((await r.json()) as { code: number }).code }));
    expect(await post([recent[0]!.id])).toEqual({ status: 400, code: 50016 });
    expect(await post(Array.from({ length: 101 }, (_, i) => String(10n ** 17n + BigInt(i))))).toMatchObject({ status: 400 });
    expect(await post([recent[0]!.id, recent[0]!.id])).toMatchObject({ status: 400 });
    expect(await post([recent[0]!.id, old.id])).toEqual({ status: 400, code: 50034 });
    expect(world.fake.messages(world.channelId)).toHaveLength(4);
    // Unknown (recent) ids count toward the minimum: one real + one unknown is accepted.
    const unknownRecent = ((BigInt(Date.now()) - 1420070400000n) << 22n).toString();
    expect(await post([recent[0]!.id, unknownRecent])).toEqual({ status: 204, code: null });
    expect(world.fake.messages(world.channelId)).toHaveLength(3);
  });

  it('keeps to Discord rate limits: small buckets and 429s slow it down, nothing is lost or refused', async () => {
    grantManageMessages();
    const now = Date.now();
    world.fake.postAt(world.channelId, world.userId, Array.from({ length: 12 }, (_, i) => now - 20 * DAY - i * 60_000));
    world.fake.postBacklog(world.channelId, [world.userId], 150);
    const c = await connected();
    world.fake.setRateLimits({ perRoute: { limit: 3, resetAfterMs: 100 }, storm: { every: 4, retryAfterMs: 30, scope: 'shared' } });
    world.fake.resetStats();
    const finished = nextEvent(c, 'archive.deleteProgress', (p) => p.state !== 'running', 45_000);
    expect((await c.dispatch('archive.deleteAll', CONFIRMED)).ok).toBe(true);
    expect(await finished).toMatchObject({ state: 'done', deleted: 162, bulk: 150, single: 12, failed: 0 });
    expect(world.fake.messages(world.channelId)).toEqual([]);
    // Some requests were refused with 429 and retried: more requests than deletes + pages.
    const deletes = calls('POST', /bulk-delete$/) + calls('DELETE', /\/messages\/:id$/);
    expect(deletes).toBeGreaterThan(2 + 12);
  });

  it('can be cancelled: it stops between requests and reports what it deleted', async () => {
    grantManageMessages();
    const now = Date.now();
    world.fake.postAt(world.channelId, world.userId, Array.from({ length: 40 }, (_, i) => now - 20 * DAY - i * 60_000));
    const c = await connected();
    const cancelled = nextEvent(c, 'archive.deleteProgress', (p) => p.state !== 'running', 45_000);
    const firstDelete = nextEvent(c, 'archive.deleteProgress', (p) => p.single >= 2, 45_000);
    const reply = await c.dispatch('archive.deleteAll', CONFIRMED);
    expect(reply.ok).toBe(true);
    await firstDelete;
    await c.dispatch('archive.cancelDelete', undefined);
    const end = await cancelled;
    expect(end.state).toBe('cancelled');
    expect(end.deleted).toBeLessThan(40);
    expect(world.fake.messages(world.channelId)).toHaveLength(40 - end.deleted);
  });
});

describe('delete all messages: nothing deleted is without a copy', { timeout: 60_000 }, () => {
  it('messages never stored (older than the first load) are stored before they are deleted', async () => {
    grantManageMessages();
    // 350 messages before the app starts: the first load stores only the newest 50, so the backup holds 50.
    const posted = world.fake.postBacklog(world.channelId, [world.userId], 350).map((m) => m.id);
    const run = await deleteAllOf(await connected());
    expect(await run.end).toMatchObject({ state: 'done', deleted: 350 });
    expect(world.fake.messages(world.channelId)).toEqual([]);
    expect(readJsonExport(run.backup).messages.length).toBeLessThan(350);
    // Every deleted message is in the app's history (shown as deleted), so the next backup or export has it.
    const kept = await storedIds(core!);
    expect(posted.filter((id) => !kept.has(id))).toEqual([]);
  });

  // The panel leaves the bot's own messages out (history pages skip them), but "delete all" deletes them too: alerts
  // another script posted with the bot's token were deleted from Discord with no copy anywhere (a review's finding).
  it("the bot's own messages are stored before they are deleted, as everyone else's", async () => {
    grantManageMessages();
    const now = Date.now();
    const people = world.fake.postBacklog(world.channelId, [world.userId], 5).map((m) => m.id);
    const botOwn = world.fake.postAt(world.channelId, world.botId, [now - 3_600_000, now - 1_800_000]).map((m) => m.id);
    const run = await deleteAllOf(await connected());
    expect(await run.end).toMatchObject({ state: 'done', deleted: 7 });
    expect(world.fake.messages(world.channelId)).toEqual([]);
    const copies = new Set([...(await storedIds(core!)), ...readJsonExport(run.backup).messages.map((m) => m.id)]);
    expect(people.filter((id) => !copies.has(id)), "people's messages without a copy").toEqual([]);
    expect(botOwn.filter((id) => !copies.has(id)), "the bot's own messages deleted without any copy").toEqual([]);
  });

  it('two requests at once start one run; the other is refused, and Cancel stops the deleting', async () => {
    grantManageMessages();
    const now = Date.now();
    world.fake.postAt(world.channelId, world.userId, Array.from({ length: 30 }, (_, i) => now - 20 * DAY - i * 60_000));
    const c = await connected();
    const replies = await Promise.all([c.dispatch('archive.deleteAll', CONFIRMED), c.dispatch('archive.deleteAll', CONFIRMED)]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    const refused = replies.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error.i18n?.key).toBe('archive.deleteRunning');
    const ended = nextEvent(c, 'archive.deleteProgress', (p) => p.state !== 'running', 45_000);
    await c.dispatch('archive.cancelDelete', undefined);
    const end = await ended;
    expect(end.state).toBe('cancelled');
    // Nothing goes on deleting after the cancelled run ended.
    const left = world.fake.messages(world.channelId).length;
    await new Promise((r) => setTimeout(r, 500));
    expect(world.fake.messages(world.channelId)).toHaveLength(left);
    expect(left).toBe(30 - end.deleted);
  });
});

describe('delete all messages: a clock behind Discord\'s', { timeout: 60_000 }, () => {
  it('messages Discord finds too old for a bulk delete are deleted one by one, not a failed run', async () => {
    grantManageMessages();
    // Discord's clock 2 min ahead: messages 14 days old less 90 s by ours are past 14 days by Discord's.
    world.fake.setClockOffset(120_000);
    const now = Date.now();
    world.fake.postAt(world.channelId, world.userId, [now - 14 * DAY + 90_000, now - 14 * DAY + 95_000, now - 14 * DAY + 100_000]);
    const run = await deleteAllOf(await connected());
    expect(await run.end).toMatchObject({ state: 'done', deleted: 3, single: 3, failed: 0 });
    expect(world.fake.messages(world.channelId)).toEqual([]);
  });
});
