// The desktop app's life: one instance; on ready, start the embedded server (data in Electron's userData),
// then the console backend on 4400 (another free port if taken), then the window; on quit, close the
// backend and the server before the process exits.
import type { BrowserWindow } from 'electron';
import { app, dialog, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleBackend, ConsoleBackendOptions } from '../console/index';
import type { GatehouseServer, ServerOptions } from '../server/index';
import { registerIpc } from './ipc';
import { safeStorageCipher } from './secrets';
import { createMainWindow, hardenSession } from './window';

export interface DesktopDeps {
  createServer(options: ServerOptions): Promise<GatehouseServer>;
  createConsoleBackend(options: ConsoleBackendOptions): Promise<ConsoleBackend>;
  /** out/ of the build: main/, preload/, renderer/. */
  outDir: string;
  consolePort?: number;
}

export interface Running {
  server: GatehouseServer;
  backend: ConsoleBackend;
  window: BrowserWindow;
}

/** better-sqlite3 built for Electron's ABI (scripts/start.mjs builds it; never @electron/rebuild). */
export function electronSqliteBinding(
  outDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (env.GATEHOUSE_SQLITE_BINDING) return env.GATEHOUSE_SQLITE_BINDING;
  const candidate = join(
    outDir,
    '..',
    '.gatehouse',
    'native',
    `electron-${process.versions.electron ?? 'unknown'}`,
    'better_sqlite3.node',
  );
  return existsSync(candidate) ? candidate : undefined;
}

export async function startServices(deps: DesktopDeps): Promise<Running> {
  const dataDir = app.getPath('userData');
  const nativeBinding = electronSqliteBinding(deps.outDir);
  const server = await deps.createServer({ dataDir, ...(nativeBinding ? { nativeBinding } : {}) });
  const cipher = safeStorageCipher();
  const backendOptions: ConsoleBackendOptions = {
    embedded: server,
    dataDir,
    host: 'desktop',
    rendererDir: join(deps.outDir, 'renderer'),
    ...(cipher ? { secretCipher: cipher } : {}),
  };
  let backend: ConsoleBackend;
  try {
    backend = await deps.createConsoleBackend({ ...backendOptions, port: deps.consolePort ?? 4400 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
      await server.close();
      throw err;
    }
    // `gatehouse serve` may hold 4400: the desktop window does not care which port it gets.
    backend = await deps.createConsoleBackend({ ...backendOptions, port: 0 });
  }
  hardenSession(session.defaultSession, backend.url);
  const window = createMainWindow({
    consoleOrigin: backend.url,
    preloadPath: join(deps.outDir, 'preload', 'index.cjs'),
    appVersion: app.getVersion(),
  });
  await window.loadURL(backend.launchUrl);
  return { server, backend, window };
}

/** Closes backend then server; safe to call twice. */
export async function stopServices(running: Partial<Running>): Promise<void> {
  await running.backend?.close().catch(() => undefined);
  await running.server?.close().catch(() => undefined);
}

export function runDesktop(deps: DesktopDeps): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let running: Partial<Running> = {};
  let unregisterIpc = (): void => {};
  let stopping = false;

  app.on('second-instance', () => {
    const w = running.window;
    if (w) {
      if (w.isMinimized()) w.restore();
      w.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    unregisterIpc();
    void stopServices(running).finally(() => app.quit());
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
  });

  void app.whenReady().then(async () => {
    try {
      running = await startServices(deps);
      unregisterIpc = registerIpc(() => running.window, running.backend?.url ?? '');
    } catch (err) {
      dialog.showErrorBox('Gatehouse could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    }
  });
}
