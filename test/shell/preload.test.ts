// The preload exposes one object of named methods built from the registry — never ipcRenderer,
// never a generic send/invoke — and routes the single event channel by name.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../shared/api.js';
import { commands, eventNames } from '../../shared/contract.js';
import { ipcRenderer, mock } from './electron-mock.js';

import { loadPreload } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

// The preload runs once per page, at import: load it once (vi.resetModules would also renew the mock).
let api: Api;
beforeAll(async () => {
  api = await loadPreload();
});
beforeEach(() => ipcRenderer.invoke.mockClear());

describe('preload', () => {
  it('exposes exactly `discordMonitor`: one group per namespace of named methods, plus on()', () => {
    expect([...mock.state.exposed.keys()]).toEqual(['discordMonitor']);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(commands), 'on'].sort());
    for (const [ns, defs] of Object.entries(commands)) {
      const group = (api as unknown as Record<string, Record<string, unknown>>)[ns]!;
      expect(Object.keys(group).sort()).toEqual(Object.keys(defs).sort());
      for (const fn of Object.values(group)) expect(typeof fn).toBe('function');
    }
    const everything = JSON.stringify(Object.entries(api).map(([k, v]) => [k, typeof v === 'object' ? Object.keys(v as object) : k]));
    expect(everything).not.toMatch(/ipcRenderer|"send"|"invoke"|sendSync/);
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it('a named method invokes its command channel and unwraps the envelope', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { state: 'ready', sentence: 'Ready', since: 1 } });
    await expect(api.bot.start()).resolves.toMatchObject({ state: 'ready' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('bot.start', undefined);

    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'busy', message: 'An update is running.' } });
    await expect(api.settings.save({ guildId: '123456789012345678' })).rejects.toMatchObject({ code: 'busy', message: 'An update is running.' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('settings.save', { guildId: '123456789012345678' });
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled();
  });

  it('delivers events by name from the one "event" channel, and unsubscribes', () => {
    expect(ipcRenderer.listenerCount('event')).toBe(1);
    const status = vi.fn();
    const logs = vi.fn();
    const off = api.on('bot.status', status);
    api.on('log.entry', logs);
    ipcRenderer.emit('event', {}, JSON.stringify({ type: 'event', event: 'bot.status', payload: { state: 'connected' } }));
    expect(status).toHaveBeenCalledWith({ state: 'connected' });
    expect(logs).not.toHaveBeenCalled();
    off();
    ipcRenderer.emit('event', {}, JSON.stringify({ type: 'event', event: 'bot.status', payload: { state: 'ready' } }));
    expect(status).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('event')).toBe(1);
    expect(() => api.on('no.such' as (typeof eventNames)[number], vi.fn())).toThrow(/Unknown event/);
  });
});
