import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Three bundles. Main stays CommonJS (the package has no "type": "module") and leaves node_modules
 * (better-sqlite3, drizzle, exceljs, …) to be required from app.asar at run time. The preload runs in
 * a sandboxed renderer, which can only require 'electron' and a few builtins, so everything it imports
 * is bundled into one file. The renderer is served from app:// in the desktop app and by the browser
 * host, hence relative asset paths.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rolldownOptions: { input: { main: resolve(import.meta.dirname, 'electron/shell/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: { input: { preload: resolve(import.meta.dirname, 'electron/shell/preload.ts') } },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
