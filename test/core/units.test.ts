// The monitor's pure pieces: error classification, backoff, watchdog, status sentences, relaunch args.
import { describe, expect, it } from 'vitest';
import { backoffMs, classifyLoginError, inviteUrl } from '../../electron/core/bot/errors.js';
import { statuses } from '../../electron/core/bot/status.js';
import { Watchdog } from '../../electron/core/bot/watchdog.js';
import { snowflakeAt } from '../../electron/core/messages/last-seen.js';
import { relaunchArgs } from '../../electron/headless/relauncher.js';

describe('classifyLoginError', () => {
  it.each([
    [Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' }), 'invalid-token', false],
    [new Error('Authentication failed'), 'invalid-token', false],
    [new Error('Used disallowed intents'), 'missing-intent', false],
    [Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' } }), 'network', true],
    [Object.assign(new Error('getaddrinfo ENOTFOUND discord.com'), { code: 'ENOTFOUND' }), 'network', true],
    [Object.assign(new Error('connect EMFILE 127.0.0.1:45677 - Local (undefined:undefined)'), { code: 'EMFILE' }), 'network', true],
    [Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENFILE', message: 'file table overflow' } }), 'network', true],
    [new Error('Something else entirely'), 'unknown', false],
  ])('%s → %s (retry %s)', (err, code, retry) => {
    const result = classifyLoginError(err, 3);
    expect(result.error.code).toBe(code);
    expect(result.retry).toBe(retry);
    expect(result.error.hint.length).toBeGreaterThan(10);
  });

  it('out of file descriptors or memory: says so, and retries', () => {
    const { error } = classifyLoginError(Object.assign(new Error('connect EMFILE 127.0.0.1:45677'), { code: 'EMFILE' }), 2);
    expect(error.message).toBe('This machine ran out of open files or memory while connecting to Discord (EMFILE).');
    expect(error.hint).toMatch(/attempt 2/);
    expect(error.i18n?.message.key).toBe('error.resources');
  });

  it('says the attempt number for network errors', () => {
    expect(classifyLoginError(new Error('ECONNRESET'), 4).error.hint).toMatch(/attempt 4/);
  });
});

it('backs off 1, 2, 4 … seconds, capped at 30', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 10].map((a) => backoffMs(a))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
});

it('invite links ask for View Channel + Read Message History only', () => {
  expect(inviteUrl('42')).toBe('https://discord.com/oauth2/authorize?client_id=42&scope=bot&permissions=66560');
});

describe('Watchdog', () => {
  it("takes HELLO's interval, tolerates N intervals of silence, then reports it", () => {
    let now = 10_000;
    const w = new Watchdog({ intervals: 3, defaultIntervalMs: 41_250, now: () => now });
    expect(w.thresholdMs).toBe(123_750);
    w.setHeartbeatInterval(1000);
    expect(w.thresholdMs).toBe(3000);
    w.observeAck(10_500);
    // An extra heartbeat (op 1) 100 ms later: still HELLO's interval.
    w.observeAck(10_600);
    expect(w.thresholdMs).toBe(3000);
    w.observeAck(11_500);
    now = 14_000;
    expect(w.silentFor()).toBe(0);
    now = 14_600;
    expect(w.silentFor()).toBe(3100);
    w.activity(14_600);
    expect(w.silentFor()).toBe(0);
  });
});

it('status sentences name the channel, guild and bot; retries say when', () => {
  const s = statuses.connected({ id: '1', username: 'Bot' }, { id: '2', name: 'Home' }, { id: '3', name: 'general' });
  expect(s.sentence).toBe('Connected to #general on Home as Bot.');
  const e = statuses.error({ code: 'network', message: 'Discord could not be reached (ECONNREFUSED).', hint: '' }, { attempt: 2, at: Date.now() + 4000 });
  expect(e.sentence).toMatch(/Retrying in [34] s \(attempt 2\)/);
  expect(statuses.connecting(3).sentence).toBe('Connecting to Discord (attempt 3)…');
});

it('snowflakeAt gives the smallest id Discord could assign at that time', () => {
  // 2015-01-01T00:00:01Z is one second after Discord's epoch.
  expect(snowflakeAt(1_420_070_401_000)).toBe(String(1000n << 22n));
});

it('a relaunch keeps the arguments, pins the bound port and waits for this process', () => {
  expect(relaunchArgs(['--port', '0', '--data-dir', '/d', '--relaunched', '--wait-pid=7'], 8123, 99)).toEqual([
    '--data-dir',
    '/d',
    '--port',
    '8123',
    '--relaunched',
    '--wait-pid=99',
  ]);
  expect(relaunchArgs(['--port=9000', '--host', '0.0.0.0'], 9000, 5)).toEqual(['--host', '0.0.0.0', '--port', '9000', '--relaunched', '--wait-pid=5']);
});
