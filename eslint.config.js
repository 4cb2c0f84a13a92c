import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnlyHere = {
  paths: [{ name: 'electron', message: 'Core code is plain Node: ask for a port (electron/core/ports.ts) and implement it in electron/shell/.' }],
};

export default tseslint.config(
  { ignores: ['node_modules/', '.vite/', '.tsbuild/', 'out/', '.tools/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // The core/shell line: only electron/shell/ and the preload may import electron.
  {
    files: ['electron/core/**/*.ts', 'electron/headless/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', electronOnlyHere] },
  },
);
