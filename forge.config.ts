// Packaging with Electron Forge: `npm run make` (needs the Electron binary, so it is not run in CI).
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerRpm } from '@electron-forge/maker-rpm';
import { MakerZIP } from '@electron-forge/maker-zip';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';

const linux = {
  name: 'discord-monitor',
  productName: 'Discord Monitor',
  genericName: 'Discord channel monitor',
  description: 'Desktop control panel for a Discord bot: watches one channel and streams its messages.',
  icon: 'build/icon.png',
  categories: ['Utility', 'Network'] as Array<'Utility' | 'Network'>,
  bin: 'discord-monitor',
};

// What goes into the package: the Vite output, and better-sqlite3's loader and prebuilt binaries
// (native code, not bundled; N-API, so the same binary works in Electron). Parent folders must pass
// too, or the packager never looks inside them.
const KEEP = [/^\/\.vite(\/|$)/, /^\/package\.json$/, /^\/node_modules$/, /^\/node_modules\/better-sqlite3(\/(package\.json|lib|prebuilds)(\/|$)|$)/];

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Discord Monitor',
    executableName: 'discord-monitor',
    // The packager appends .icns (macOS) or .ico (Windows); only the PNG exists so far, which is what
    // the Linux makers and the window's `icon` use.
    icon: 'build/icon',
    // An archive, with native binaries left outside it where the OS can load them.
    asar: { unpack: '**/*.node' },
    // Replaces the Vite plugin's "only .vite/" default (see KEEP).
    ignore: (file: string) => file !== '' && !KEEP.some((re) => re.test(file)),
    // build/ is not packaged: the tray and window icons are read from resources/ (electron/shell/paths.ts).
    extraResource: [
      'build/icon.png',
      ...['connected', 'connecting', 'stopped', 'error'].flatMap((s) => [`build/tray-${s}.png`, `build/tray-${s}@2x.png`]),
    ],
  },
  // The prebuilt better-sqlite3 binaries are N-API: nothing to rebuild against Electron's headers.
  rebuildConfig: { onlyModules: [] },
  makers: [
    new MakerDeb({
      options: {
        ...linux,
        section: 'net',
        // The desktop entry Debian installs in /usr/share/applications (Name, Exec, Icon, Categories).
        desktopTemplate: 'build/discord-monitor.desktop.ejs',
      },
    }),
    new MakerRpm({ options: { ...linux, license: 'MIT' } }),
    new MakerZIP({}, ['linux', 'darwin', 'win32']),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
  ],
};

export default config;
