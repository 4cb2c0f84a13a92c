// Demo data for the preview page. Query: state=<bot state>, lang=en|fr, traffic=1 (a message
// every 2 s), empty=1 (no history).
import type { BotState } from '../../../shared/types';
import { FakeApi } from '../fake-api';
import { makeLog, makeMessage, makeSettings, makeStatus } from '../fixtures';

const params = new URLSearchParams(location.search);
const now = Date.now();
const fake = new FakeApi();
fake.status = makeStatus((params.get('state') as BotState | null) ?? 'connected', { since: now - 42 * 60_000 });
fake.settings = makeSettings({
  token: { set: true, last4: 'Xy9Q', source: 'stored', encrypted: false, warning: 'The token is stored without encryption (no keyring on this system).' },
  fromEnv: { apiUrl: 'DISCORD_API_URL' },
});
if (params.get('lang')) localStorage.setItem('dm.language', params.get('lang')!);

const people = [
  { id: '11', username: 'alice', displayName: 'Alice', avatarUrl: null, bot: false },
  { id: '22', username: 'bob', displayName: 'Bob the Builder', avatarUrl: null, bot: false },
  { id: '33', username: 'ci', displayName: 'CI Bot', avatarUrl: null, bot: true },
];
const texts = [
  'Morning! Deploy went fine 🎉',
  'Did anyone see **the logs** from last night?\nThere were a few `ECONNRESET` in there.',
  '> quoting the docs\nthe gateway will reconnect by itself',
  'Build #481 passed — https://example.com/ci/481',
  'the answer is ||42||, obviously',
  '<img src=x onerror=alert(1)> (this stays text)',
  '```js\nconsole.log("hello");\n```',
  '- one\n- two\n- ~~three~~',
];
fake.messages = params.get('empty')
  ? []
  : Array.from({ length: 60 }, (_, i) =>
      makeMessage({
        author: people[i % people.length]!,
        content: texts[i % texts.length]!,
        createdAt: now - (60 - i) * 90_000,
        editedAt: i === 57 ? now - 60_000 : null,
        deleted: i === 55,
        caughtUp: i === 58,
        attachments:
          i === 59
            ? [
                { id: 'a1', name: 'screenshot.png', url: 'https://placehold.co/800x500.png', size: 245_760, contentType: 'image/png', width: 800, height: 500 },
                { id: 'a2', name: 'server.log', url: 'https://example.com/server.log', size: 3_145_728, contentType: 'text/plain', width: null, height: null },
              ]
            : [],
      }),
    );
fake.logs = [
  makeLog(1, 'info', 'Discord Monitor 3.0.0 started (electron, linux x64)'),
  makeLog(2, 'info', 'Logged in as MonitorBot'),
  makeLog(3, 'warn', 'Gateway closed with 1006, resuming'),
  makeLog(4, 'info', 'Resumed; caught up 3 messages'),
  makeLog(5, 'error', 'Update check failed: could not resolve host github.com'),
];

if (params.get('traffic')) {
  let n = 0;
  setInterval(() => fake.emit('message.created', makeMessage({ author: people[n % 3]!, content: `Live message ${++n}`, createdAt: Date.now() })), 2000);
}

window.discordMonitor = fake.api;
Object.assign(window, { fake });
await import('../../../renderer/src/main');
