// The core's settings store in the desktop app: electron-store (conf underneath) in userData.
import type { KeyValueStore, StoreFactory } from '../core/settings/open-store.js';

/** Loaded on demand: electron-store imports the real `electron` module, which only exists inside Electron. */
export async function electronStore(): Promise<StoreFactory> {
  const { default: Store } = await import('electron-store');
  // electron-store names the file after `name` (default "config") and overwrites conf's configName with it.
  return (options) => new Store({ ...options, name: options.configName }) as unknown as KeyValueStore;
}
