import { describe, expect, it } from 'vitest';
import { messagesReducer, initialMessages, MAX_MESSAGES } from '../../renderer/src/lib/messages';
import { buildCandidate, buildPatch, formFromView, validateForm } from '../../renderer/src/lib/settings-form';
import { mergeLogs } from '../../renderer/src/hooks/useLogs';
import { makeLog, makeMessage, makeSettings } from './fixtures';

describe('settings form', () => {
  const view = makeSettings();

  it('starts with an empty token and the current values', () => {
    const form = formFromView(view);
    expect(form.token).toBe('');
    expect(form.guildId).toBe(view.guildId);
    expect(buildPatch(view, form)).toEqual({});
  });

  it('patches only what changed, trimming and normalising', () => {
    const form = { ...formFromView(view), channelId: ' 345678901234567890 ', apiUrl: 'https://discord.com/api/', checkIntervalMinutes: '15' };
    expect(buildPatch(view, form)).toEqual({ channelId: '345678901234567890', checkIntervalMinutes: 15 });
  });

  it('validates with the shared schemas, skipping fields set by the environment', () => {
    const form = { ...formFromView(view), guildId: '42', channelId: '', token: 'x', apiUrl: 'ftp://x', checkIntervalMinutes: '0' };
    expect(validateForm(form, view)).toEqual({ guildId: 'snowflake', token: 'tokenShort', apiUrl: 'apiUrl', checkIntervalMinutes: 'interval' });
    expect(validateForm(form, makeSettings({ fromEnv: { guildId: 'DISCORD_GUILD_ID' } })).guildId).toBeUndefined();
  });

  it('never patches a field set by the environment', () => {
    const envView = makeSettings({ fromEnv: { channelId: 'DISCORD_CHANNEL_ID' } });
    const form = { ...formFromView(envView), channelId: '345678901234567890' };
    expect(buildPatch(envView, form)).toEqual({});
  });

  it('tests only the values typed in', () => {
    const form = { ...formFromView(view), guildId: '', token: ' abc ' };
    expect(buildCandidate(view, form)).toEqual({ token: 'abc', channelId: view.channelId, apiUrl: view.apiUrl });
  });
});

describe('messages reducer', () => {
  it('merges the first page with events that arrived before it', () => {
    const [a, b, c] = [makeMessage(), makeMessage(), makeMessage()];
    let state = messagesReducer(initialMessages, { type: 'created', message: c! });
    state = messagesReducer(state, { type: 'updated', message: { ...b!, content: 'edited', editedAt: 1 } });
    state = messagesReducer(state, { type: 'loaded', messages: [a!, b!] });
    expect(state.items.map((m) => m.id)).toEqual([a!.id, b!.id, c!.id]);
    expect(state.items[1]!.content).toBe('edited');
    expect(state.received).toBe(1);
  });

  it('inserts late (caught-up) messages in order', () => {
    const [a, b, c] = [makeMessage(), makeMessage(), makeMessage()];
    let state = messagesReducer(initialMessages, { type: 'loaded', messages: [a!, c!] });
    state = messagesReducer(state, { type: 'created', message: { ...b!, caughtUp: true } });
    expect(state.items.map((m) => m.id)).toEqual([a!.id, b!.id, c!.id]);
  });

  it('does not resurrect a deleted message on a late update', () => {
    const a = makeMessage();
    let state = messagesReducer(initialMessages, { type: 'loaded', messages: [a] });
    state = messagesReducer(state, { type: 'deleted', id: a.id });
    state = messagesReducer(state, { type: 'updated', message: { ...a, content: 'late' } });
    expect(state.items[0]!.deleted).toBe(true);
  });

  it(`keeps at most ${MAX_MESSAGES} messages`, () => {
    let state = messagesReducer(initialMessages, { type: 'loaded', messages: [] });
    for (let i = 0; i < MAX_MESSAGES + 5; i++) state = messagesReducer(state, { type: 'created', message: makeMessage() });
    expect(state.items).toHaveLength(MAX_MESSAGES);
    expect(state.received).toBe(MAX_MESSAGES + 5);
  });
});

describe('mergeLogs', () => {
  it('dedupes by id and keeps order', () => {
    expect(mergeLogs([makeLog(2), makeLog(1)], [makeLog(2), makeLog(3)]).map((e) => e.id)).toEqual([1, 2, 3]);
  });
});
