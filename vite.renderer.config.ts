// The renderer's Vite config, shared by the plain browser build (`vite build -c vite.renderer.config.ts`,
// served by the console backend in `gatehouse serve`) and by electron.vite.config.ts. Both write
// out/renderer: the desktop window loads the same files from the console backend.
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

const root = resolve(import.meta.dirname, 'src/renderer');

export function rendererConfig(): UserConfig {
  return {
    root,
    base: '/',
    publicDir: resolve(root, 'public'),
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      // Monaco is one large lazy chunk by nature; it loads only when a JSON editor opens.
      chunkSizeWarningLimit: 5000,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
    },
    server: {
      // `vite` / `electron-vite dev`: the console API is the running backend.
      proxy: { '/api': { target: 'http://127.0.0.1:4400', changeOrigin: false } },
    },
  };
}

export default defineConfig(rendererConfig());
