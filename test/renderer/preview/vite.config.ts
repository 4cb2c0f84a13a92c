// Runs the real panel over the in-memory FakeApi, for looking at it without a backend:
//   npx vite -c test/renderer/preview/vite.config.ts   then open /?state=error&lang=fr&traffic=1
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  server: { port: 5199, strictPort: true },
});
