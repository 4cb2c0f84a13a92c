import { copyFile, link, mkdir, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { withPanelCsp } from './electron/headless/http/security-headers.js';

const TWEMOJI_SVG = resolve('node_modules/@twemoji/svg');

/**
 * Twemoji's SVGs beside the panel (twemoji/1f525.svg): Unicode emoji show on machines without an
 * emoji font, loaded one by one as messages need them, same-origin so the CSP allows them.
 */
function twemojiAssets(): Plugin {
  return {
    name: 'twemoji-assets',
    configureServer(server) {
      server.middlewares.use('/twemoji/', (req, res, next) => {
        const name = (req.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
        if (!/^[0-9a-f]+(-[0-9a-f]+)*\.svg$/.test(name)) return next();
        readFile(join(TWEMOJI_SVG, name)).then(
          (svg) => {
            res.setHeader('Content-Type', 'image/svg+xml');
            res.end(svg);
          },
          () => next(),
        );
      });
    },
    async writeBundle(options) {
      if (!options.dir) return;
      const out = join(options.dir, 'twemoji');
      await mkdir(out, { recursive: true });
      const files = (await readdir(TWEMOJI_SVG)).filter((f) => f.endsWith('.svg'));
      // 3,700 files: hard links when the output is on the same disk (instant), copies otherwise.
      await Promise.all(files.map((f) => link(join(TWEMOJI_SVG, f), join(out, f)).catch(() => copyFile(join(TWEMOJI_SVG, f), join(out, f)))));
    },
  };
}

// Standalone (`npm run build`) and Forge both build the panel into .vite/renderer/main_window.
export default defineConfig({
  root: 'renderer',
  base: './',
  // index.html's <meta> policy is the one the server and the desktop window send (one constant).
  plugins: [react(), twemojiAssets(), { name: 'panel-csp', transformIndexHtml: withPanelCsp }],
  build: {
    outDir: '../.vite/renderer/main_window',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // The first screen's libraries in their own files (cached across releases that only change the
        // panel). Named, not "all of node_modules": a catch-all would pull lazily imported libraries
        // (the highlighter, charts) back into the first screen.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/ },
            { name: 'discord-markdown', test: /node_modules[\\/](discord-markdown-parser|@twemoji[\\/]parser)[\\/]/ },
          ],
        },
      },
    },
  },
});
