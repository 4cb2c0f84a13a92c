import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Standalone (`npm run build`) and Forge both build the panel into .vite/renderer/main_window.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../.vite/renderer/main_window',
    emptyOutDir: true,
  },
});
