// Invariant 4: the token never leaves the main process — not in events, replies, logs or errors.
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { coreFor, createWorld, recordEvents, TOKEN, waitState, type World } from '../helpers/world.js';

let world: World;
let core: Core;

afterEach(async () => {
  await core.shutdown();
  await world.close();
});

it('nothing the panel receives, and nothing logged, contains the token', async () => {
  world = await createWorld();
  core = await coreFor(world, {});
  const events = recordEvents(core);
  const replies: unknown[] = [];
  const call = async (command: string, arg?: unknown) => {
    const reply = await core.dispatch(command, arg);
    replies.push(reply);
    return reply;
  };
  await call('settings.save', { token: TOKEN, guildId: world.guildId, channelId: world.channelId });
  await call('settings.get');
  await call('settings.testConnection');
  const connected = waitState(core, 'connected');
  await call('bot.start');
  await connected;
  world.fake.postMessage(world.channelId, { authorId: world.userId, content: `someone pasted the token: ${TOKEN}` });
  await world.fake.waitFor(() => events.some((e) => e.event === 'message.created'));
  await call('messages.list');
  // A library error that quotes the token must come out redacted.
  core.log.logger.error(`request failed for Bot ${TOKEN}`);
  await call('bot.stop');
  world.fake.setIdentifyClose(TOKEN, 4004);
  const failed = waitState(core, 'error');
  await call('bot.start');
  await failed;
  await call('logs.recent');
  await call('app.info');
  await call('settings.save', { token: 'x' });
  core.log.flush();

  const everything = JSON.stringify({ events, replies });
  expect(events.length).toBeGreaterThan(10);
  expect(everything).not.toContain(TOKEN);
  expect(everything).toContain('[redacted]');
  const logFile = readFileSync(core.log.file, 'utf8');
  expect(logFile).toContain('request failed for Bot [redacted]');
  expect(logFile).not.toContain(TOKEN);
});
