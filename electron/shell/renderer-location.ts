// Where the panel is loaded from, and the test IPC senders must pass: the built index.html
// (file://), or the Vite dev server under `electron-forge start`.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Defined by Forge's Vite plugin in dev; absent in `scripts/build.mjs` and packaged builds.
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;

export type RendererLocation = { kind: 'file'; file: string; url: string } | { kind: 'dev'; url: string };

/** `buildDir` is the folder of the built main.js (.vite/build), where Forge and scripts/build.mjs put the preload too. */
export function rendererLocation(buildDir: string, devServerUrl = devServer()): RendererLocation {
  if (devServerUrl) return { kind: 'dev', url: devServerUrl };
  const file = join(buildDir, '..', 'renderer', 'main_window', 'index.html');
  return { kind: 'file', file, url: pathToFileURL(file).href };
}

export const preloadPath = (buildDir: string): string => join(buildDir, 'preload.cjs');

function devServer(): string | undefined {
  return typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
}

/** True for our panel's own page (any query or hash), false for anything else. */
export function isRendererUrl(location: RendererLocation, raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  const own = new URL(location.url);
  if (location.kind === 'dev') return url.origin === own.origin;
  return url.protocol === 'file:' && url.host === own.host && url.pathname === own.pathname;
}
