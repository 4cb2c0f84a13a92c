// Issue 9: a backfill with a period AND a limit under 429s, its headless process SIGKILLed midway twice
// (between pages, and while a page Discord answered is on its way), started again on the same data folder:
// it resumes by itself and ends with exactly the messages of its bounds in messages.sqlite — none lost, none
// twice, none outside the period, no page read again but the one a kill interrupted. Two cases, so each
// bound is the one that ends it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackfillView, BotStatus, ChatMessage } from '../../shared/types.js';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { startHeadless, type HeadlessProcess } from './headless-process.js';
import { startRestLogProxy, type RestLogEntry, type RestLogProxy } from './rest-log-proxy.js';
import { panelClient, type PanelClient } from './ws-client.js';

const DAY = 86_400_000;
const PERIOD_HOURS = 168;
/** What the first connection stores (catch-up.ts FIRST_LOAD): the backfill starts below it. */
const FIRST_LOAD = 50;
const DEADLINE_MS = 60_000;

let world: World;
let proxy: RestLogProxy;
const apps: HeadlessProcess[] = [];
const clients: PanelClient[] = [];

beforeEach(async () => {
  world = await createWorld();
  proxy = await startRestLogProxy(world.fake.apiUrl);
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const app of apps.splice(0)) await app.stop();
  await proxy.close();
  await world.close();
});

interface Running {
  app: HeadlessProcess;
  client: PanelClient;
}

async function launch(): Promise<Running> {
  const env = { DISCORD_API_URL: proxy.apiUrl, DISCORD_CDN_URL: world.fake.cdnUrl, DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: world.guildId, DISCORD_CHANNEL_ID: world.channelId };
  const app = await startHeadless(['--data-dir', world.dataDir], env);
  apps.push(app);
  const client = await panelClient(app.url);
  clients.push(client);
  return { app, client };
}

/**
 * The first value `ok` accepts, from `event` as it comes or from `command` asked now (it may have come before);
 * rejects at once on a value `never` accepts (it cannot come any more), or after the deadline.
 */
function reached<T>(r: Running, event: string, command: string, ok: (v: T) => boolean, what: string, never: (v: T) => boolean = () => false): Promise<T> {
  return new Promise((resolve, reject) => {
    let last: T | undefined;
    const timer = setTimeout(() => reject(new Error(`${what} not reached within ${DEADLINE_MS} ms; last ${JSON.stringify(last)}\n${r.app.output().slice(-3000)}`)), DEADLINE_MS);
    const take = (v: T) => {
      last = v;
      if (ok(v) || never(v)) clearTimeout(timer);
      if (ok(v)) resolve(v);
      else if (never(v)) reject(new Error(`${what} will not be reached: ${JSON.stringify(v)}\n${r.app.output().slice(-3000)}`));
    };
    r.client.onEvent((name, payload) => name === event && take(payload as T));
    void r.client.invoke<T>(command).then((answer) => answer.ok && take(answer.value));
  });
}

const ended = (v: BackfillView) => v.state !== 'running' && v.state !== 'paused';
/** Waits for a backfill view; one that ended (done, failed, cancelled) before `ok` fails at once. */
const backfill = (r: Running, ok: (v: BackfillView) => boolean, what: string) => reached<BackfillView>(r, 'history.backfill', 'history.status', ok, what, (v) => !ok(v) && ended(v));

async function connectedWithFirstLoad(r: Running): Promise<void> {
  await reached<BotStatus>(r, 'bot.status', 'bot.status', (s) => s.state === 'connected', 'connected');
  // The first load is stored once connected; the backfill starts below its oldest message.
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const page = await r.client.invoke<ChatMessage[]>('messages.list', { limit: 100 });
    if (page.ok && page.value.length === FIRST_LOAD) return;
    if (Date.now() > deadline) throw new Error(`the first load did not store ${FIRST_LOAD} messages:\n${r.app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface SavedJob {
  state: string;
  cursor: string | null;
  cutoff: number | null;
  fetched: number;
}
const savedJob = (): SavedJob => JSON.parse(readFileSync(join(world.dataDir, 'backfill.json'), 'utf8')) as SavedJob;

async function kill(r: Running): Promise<void> {
  const exited = new Promise<NodeJS.Signals | null>((resolve) => r.app.child.once('exit', (_code, signal) => resolve(signal)));
  r.app.child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  r.client.close();
}

function storedIds(): string[] {
  const db = new Database(join(world.dataDir, 'messages.sqlite'), { readonly: true });
  try {
    return db.prepare<[], { id: string }>('SELECT id FROM messages').all().map((row) => row.id);
  } finally {
    db.close();
  }
}

const bySnowflake = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

/** Where a process is killed: once `at` messages are read; `inFlight`: then while its next page, answered by Discord, is on its way. */
interface KillPoint {
  at: number;
  inFlight?: boolean;
}

const isPage = (e: RestLogEntry) => e.method === 'GET' && e.path === `/channels/${world.channelId}/messages` && e.query.has('before');

/**
 * `count` messages over 20 days; a backfill of at most `limit` from the last 7 days, killed at `kills[i]` in the
 * i-th process; then the last one runs to its end. Answers what is stored and the requests.
 */
async function killedAndResumed(count: number, limit: 1000, kills: readonly KillPoint[]) {
  const now = Date.now();
  const posted = world.fake.postHistory(world.channelId, [world.userId], count, now - 20 * DAY, now - 60_000);
  let run = await launch();
  await connectedWithFirstLoad(run);
  // Slow pages (one per 120 ms on the route) so the kills land midway, and every third request refused with a 429.
  world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 120 }, storm: { every: 3, retryAfterMs: 40, scope: 'shared' } });
  const sentAt = Date.now();
  const started = await run.client.invoke<BackfillView>('history.backfill', { mode: 'history', limit, periodHours: PERIOD_HOURS });
  const answeredAt = Date.now();
  expect(started.ok && started.value.state).toBe('running');
  // The period is fixed when the job starts, and saved with it.
  const { cutoff, cursor } = savedJob();
  expect(cutoff).toBeGreaterThanOrEqual(sentAt - PERIOD_HOURS * 3_600_000);
  expect(cutoff).toBeLessThanOrEqual(answeredAt - PERIOD_HOURS * 3_600_000);
  expect(cursor).toBe(posted.at(-FIRST_LOAD)!.id);
  const inPeriod = posted.filter((m) => Date.parse(m.timestamp) >= cutoff!).map((m) => m.id);
  const expected = inPeriod.slice(-(FIRST_LOAD + limit));
  const toRead = expected.length - FIRST_LOAD;

  const lostInFlight: string[] = [];
  for (const { at, inFlight } of kills) {
    await backfill(run, (v) => v.fetched >= at, `${at} read`);
    if (inFlight) lostInFlight.push((await proxy.withholdNext((e) => isPage(e) && e.status === 200)).query.get('before')!);
    await kill(run);
    // Killed mid-job: the saved job is still running, partway.
    const job = savedJob();
    expect(job.state).toBe('running');
    expect(job.fetched).toBeGreaterThan(0);
    expect(job.fetched).toBeLessThan(toRead);
    // Started again with nothing asked: it continues by itself once the bot is connected.
    run = await launch();
  }
  const done = await backfill(run, (v) => v.state === 'done', 'the end of the backfill');
  expect(done.fetched).toBe(toRead);
  expect(await run.app.stop()).toBe(0);

  const ids = storedIds();
  // Pages read backwards (the first load, the backfill's): not the catch-up's and reconciliation's `after` pages.
  const pages = proxy.log.filter((e) => e.method === 'GET' && e.path === `/channels/${world.channelId}/messages` && !e.query.has('after'));
  return { posted, expected, toRead, cutoff: cutoff!, ids, pages, lostInFlight };
}

/** What the checks below share: the stored set is exactly `expected`, and pages were read once but for the kills. */
function checkOutcome(r: Awaited<ReturnType<typeof killedAndResumed>>, kills: number): void {
  const sorted = [...r.ids].sort(bySnowflake);
  expect(new Set(r.ids).size, 'stored twice').toBe(r.ids.length);
  const stored = new Set(r.ids);
  const lost = r.expected.filter((id) => !stored.has(id));
  const extra = r.ids.filter((id) => !r.expected.includes(id));
  expect({ lost: lost.length, extra: extra.length }).toEqual({ lost: 0, extra: 0 });
  expect(sorted).toEqual(r.expected);
  const times = new Map(r.posted.map((m) => [m.id, Date.parse(m.timestamp)]));
  expect(r.ids.filter((id) => times.get(id)! < r.cutoff), 'older than the period').toEqual([]);
  // Discord's 429s hit the backfill's own pages, and discord.js waited them out.
  expect(r.pages.filter((p) => p.status === 429).length).toBeGreaterThan(0);
  // The job is saved after every page: a kill costs at most the page it interrupted, read again. Besides
  // the first load, pages of 100 to the limit or one past the period's start.
  const answered = new Map<string, number>();
  for (const p of r.pages.filter((e) => e.status === 200)) {
    const before = p.query.get('before') ?? 'newest';
    answered.set(before, (answered.get(before) ?? 0) + 1);
  }
  const again = [...answered.values()].reduce((n, reads) => n + reads - 1, 0);
  // A page the app never got is read again, from the same place.
  for (const before of r.lostInFlight) expect(answered.get(before), `page before ${before}`).toBe(2);
  const read = r.pages.filter((e) => e.status === 200).length - 1;
  expect(read).toBeLessThanOrEqual(Math.floor(r.toRead / 100) + 1 + kills);
  expect(again).toBeLessThanOrEqual(kills);
}

describe('a backfill killed midway', { timeout: 180_000 }, () => {
  it('with the period ending it first (700 messages in 7 days, limit 1,000): resumes after two kills (one with a page in flight), exactly the period stored', async () => {
    // 2,000 over 20 days: 100 a day, so the last 7 days hold about 700, under the limit's 1,000 + the first 50.
    const r = await killedAndResumed(2000, 1000, [{ at: 150 }, { at: 400, inFlight: true }]);
    expect(r.expected.length).toBeLessThan(FIRST_LOAD + 1000);
    // The period was reached: the message just before it exists and is not stored.
    expect(r.posted.length).toBeGreaterThan(r.expected.length);
    checkOutcome(r, 2);
  });

  it('with the limit ending it first (2,100 messages in 7 days, limit 1,000): resumes after two kills (one with a page in flight), exactly the newest 1,000 read', async () => {
    // 6,000 over 20 days: 300 a day, so the last 7 days hold about 2,100, more than the limit.
    const r = await killedAndResumed(6000, 1000, [{ at: 250, inFlight: true }, { at: 600 }]);
    expect(r.expected.length).toBe(FIRST_LOAD + 1000);
    checkOutcome(r, 2);
  });
});
