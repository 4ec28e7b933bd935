// Electron main entry (bundled by electron-vite into out/main/index.js).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConsoleBackend } from '../console/index';
import { createServer } from '../server/index';
import { runDesktop } from './lifecycle';

runDesktop({
  createServer,
  createConsoleBackend,
  outDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
});
