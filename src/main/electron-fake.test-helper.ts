// A stand-in for the `electron` module in main-process unit tests (vi.mock('electron')): records what the
// code asks of Electron so tests can assert window options, handlers and lifecycle.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((d: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

export function createFakeElectron() {
  const app = Object.assign(new EventEmitter(), {
    getPath: vi.fn(() => '/tmp/gatehouse-user-data'),
    getVersion: vi.fn(() => '0.1.0'),
    whenReady: vi.fn(() => Promise.resolve()),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  let headersListener:
    | ((d: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void)
    | undefined;
  let permissionHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: vi.fn((l: typeof headersListener) => (headersListener = l)) },
      setPermissionRequestHandler: vi.fn((h: typeof permissionHandler) => (permissionHandler = h)),
    },
  };
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    shell: { openExternal: vi.fn(async () => undefined) },
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: {
      handle: vi.fn((c: string, h: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(c, h)),
      removeHandler: vi.fn((c: string) => handlers.delete(c)),
    },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptString: vi.fn((s: string) => Buffer.from(`enc:${s}`)),
      decryptString: vi.fn((b: Buffer) => b.toString().replace(/^enc:/, '')),
    },
    session,
    handlers,
    headersListener: () => headersListener,
    permissionHandler: () => permissionHandler,
  };
}
