#!/usr/bin/env node
// `npm start`: build if the sources changed, then run the desktop app. When Electron cannot run here (no
// runtime and it cannot be downloaded, no display, no Electron build of better-sqlite3), say so in one line
// and run `gatehouse serve` instead, which serves the same console at http://127.0.0.1:4400.
// `npm start -- --serve [serve options]` goes straight to the browser console.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqlite } from './electron-sqlite.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceServe = args.includes('--serve');
const serveArgs = args.filter((a) => a !== '--serve');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) =>
    join(root, p),
  );
  const sources = Math.max(
    ...['src', 'resources'].map((d) => newestMtime(join(root, d))),
    ...['electron.vite.config.ts', 'vite.renderer.config.ts', 'package.json'].map(
      (f) => statSync(join(root, f)).mtimeMs,
    ),
  );
  if (outputs.every((o) => existsSync(o) && statSync(o).mtimeMs >= sources)) return;
  process.stdout.write('gatehouse: building the console (electron-vite build)...\n');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (r.status !== 0) throw new Error('the build failed (see above)');
}

function electronBinary() {
  try {
    const dir = join(root, 'node_modules/electron');
    const binary = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

function fetchElectron() {
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const r = spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status === 0 && electronBinary()) return undefined;
  const why = `${r.stderr ?? ''}`
    .split('\n')
    .find((l) => /error|ENOTFOUND|EAI_AGAIN|ECONN|403|404|timed? ?out/i.test(l));
  return (why ?? (r.error ? r.error.message : 'download failed')).trim().slice(0, 120);
}

/** Why Electron cannot run here, or undefined when it can. */
function electronBlocker() {
  if (forceServe) return 'browser mode requested (--serve)';
  if (!electronBinary()) {
    const failure = fetchElectron();
    if (failure) return `the Electron runtime is missing and could not be downloaded: ${failure}`;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'no display';
  const sqlite = ensureElectronSqlite(root);
  if (!sqlite.ok) return `better-sqlite3 has no Electron build (${sqlite.reason})`;
  process.env.GATEHOUSE_SQLITE_BINDING = sqlite.path;
  return undefined;
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env: process.env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

try {
  buildIfNeeded();
} catch (err) {
  process.stderr.write(`gatehouse: ${err.message}\n`);
  process.exit(1);
}
const blocker = electronBlocker();
if (blocker === undefined) {
  run(electronBinary(), ['.']);
} else {
  process.stdout.write(
    `gatehouse: the desktop app cannot start (${blocker}); serving the console in your browser instead.\n`,
  );
  run(process.execPath, [join(root, 'bin/gatehouse.js'), 'serve', ...serveArgs]);
}
