// Demo data for the preview page. Query: state=<bot state>, lang=en|fr, traffic=1 (a message
// every 2 s), empty=1 (no history), update=available|up-to-date|checking|disabled|error|run|
// rolled-back|restart-needed|last|last-failed (run: a simulated update that walks through its steps).
import type { BotState } from '../../../shared/types';
import { FakeApi } from '../fake-api';
import {
  availableView,
  makeLastUpdate,
  makeLog,
  makeMessage,
  makeRun,
  makeSettings,
  makeStatus,
  makeUpdateView,
  PIPELINE,
} from '../fixtures';

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

const update = params.get('update');
if (update === 'available') fake.updateView = availableView();
if (update === 'checking') fake.updateView = makeUpdateView({ state: 'checking' });
if (update === 'disabled') fake.updateView = makeUpdateView({ state: 'disabled', message: 'Updates are off: /opt/discord-monitor is not a git checkout.' });
if (update === 'error') fake.updateView = makeUpdateView({ state: 'error', message: 'git fetch failed: could not resolve host github.com' });
if (update === 'last') fake.updateView = makeUpdateView({ lastUpdate: makeLastUpdate() });
if (update === 'last-failed')
  fake.updateView = makeUpdateView({
    lastUpdate: makeLastUpdate({ outcome: 'rolled-back', message: 'npm run build failed; the previous version is back.' }),
  });
if (update === 'rolled-back')
  fake.updateView = availableView({
    state: 'available',
    run: makeRun(
      {
        'stop-bot': { status: 'done', durationMs: 850 },
        'backup-config': { status: 'done', durationMs: 40 },
        'save-local-changes': { status: 'done', durationMs: 320, log: ['Saved 2 local changes: git stash apply 5f1e2d3'] },
        fetch: { status: 'done', durationMs: 2100 },
        reset: { status: 'done', durationMs: 300 },
        clean: { status: 'done', durationMs: 120 },
        'restore-config': { status: 'done', durationMs: 30 },
        'install-deps': { status: 'skipped' },
        build: { status: 'failed', durationMs: 6400, log: ['> vite build', 'error TS2345: Argument of type string…'], error: 'npm run build exited with code 1' },
        rollback: { status: 'done', durationMs: 5300, log: ['git reset --hard abc1234', 'npm run build', 'done'] },
      },
      { outcome: 'rolled-back', message: 'The build failed, so the previous version was put back. Details are in the log.' },
    ),
  });
if (update === 'restart-needed')
  fake.updateView = makeUpdateView({
    restartNeeded: true,
    run: makeRun(Object.fromEntries(PIPELINE.map((s) => [s, { status: s === 'install-deps' ? 'skipped' : 'done', durationMs: 700 }])), {
      outcome: 'restart-needed',
      message: 'Updated to def5678. Automatic restart is off: restart Discord Monitor to load it.',
    }),
  });
if (update === 'run') {
  fake.updateView = availableView();
  fake.override('update.run', () => {
    const run = makeRun({}, { startedAt: Date.now() });
    let i = 0;
    let lines = 0;
    const tick = setInterval(() => {
      const step = run.steps[i];
      if (!step) {
        run.outcome = 'restarting';
        fake.updateView = { ...fake.updateView, run: structuredClone(run) };
        fake.emit('update.status', fake.updateView);
        return clearInterval(tick);
      }
      if (step.step === 'install-deps') {
        step.status = 'skipped';
        i++;
      } else {
        step.status = 'running';
        step.durationMs += 400;
        step.log.push(`${step.step}: working (${++lines})`);
        if (step.log.length >= 4) {
          step.status = 'done';
          const next = run.steps[++i];
          if (next && next.step !== 'install-deps') next.status = 'running';
        }
      }
      fake.updateView = { ...fake.updateView, state: 'updating', run: structuredClone(run) };
      fake.emit('update.status', fake.updateView);
    }, 400);
    return { ...fake.updateView, state: 'updating', run };
  });
}

window.discordMonitor = fake.api;
Object.assign(window, { fake });
await import('../../../renderer/src/main');
