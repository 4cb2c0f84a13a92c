// IPC and the preload: one handler per channel in ipcMain, ipcRenderer's calls recorded, contextBridge's
// exposed APIs kept in mock.state.exposed.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { WebContents, WebFrameMain } from './app.js';
import { mock } from './state.js';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
class IpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    // Electron throws too: a second handler for one channel is a bug.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test helper: what ipcRenderer.invoke(channel, arg) from `sender` would receive. */
  async invoke(channel: string, sender: { sender: WebContents; senderFrame: WebFrameMain | null }, arg?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(sender, arg);
  }
}
export const ipcMain = new IpcMain();

class IpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (_channel: string, _arg?: unknown): Promise<unknown> => ({ ok: true, value: null }));
  readonly send = vi.fn();
  readonly sendSync = vi.fn();
}
export const ipcRenderer = new IpcRenderer();

export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    mock.state.exposed.set(key, api);
  }),
};
