import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// Main (Electron glue + core), preload (sandboxed, CommonJS) and renderer (React).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve(root, 'src/main/electron/index.ts') },
        external: ['keytar', 'electron', 'electron-store', 'conf', 'electron-updater'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; the page's first load is held to a budget (renderer-budget test).
      minify: true,
      sourcemap: false,
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
