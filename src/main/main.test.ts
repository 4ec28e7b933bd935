// The Electron main process with `electron` replaced by a recording fake: secure window options, the
// navigation lock, the http(s)-only external opener, the CSP header, IPC origin checks, and a clean quit.
import * as electronModule from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONSOLE_CSP } from '../console/security-headers';
import type { ConsoleBackend } from '../console/index';
import type { GatehouseServer } from '../server/index';
import { IPC } from '../shared/desktop-api';
import type { createFakeElectron } from './electron-fake.test-helper';
import { FakeBrowserWindow } from './electron-fake.test-helper';
import { isSafeExternalUrl, openExternalSafely } from './external';
import { registerIpc } from './ipc';
import { runDesktop, startServices, stopServices, type DesktopDeps } from './lifecycle';
import { safeStorageCipher } from './secrets';
import { createMainWindow, hardenSession } from './window';

vi.mock('electron', async () => (await import('./electron-fake.test-helper')).createFakeElectron());
const electron = electronModule as unknown as ReturnType<typeof createFakeElectron>;

const ORIGIN = 'http://127.0.0.1:4400';

beforeEach(() => {
  FakeBrowserWindow.instances = [];
  electron.shell.openExternal.mockClear();
  electron.app.removeAllListeners();
  electron.app.quit.mockClear();
});

function window(): FakeBrowserWindow {
  return createMainWindow({
    consoleOrigin: ORIGIN,
    preloadPath: '/out/preload/index.cjs',
    appVersion: '1.2.3',
  }) as unknown as FakeBrowserWindow;
}

describe('window options', () => {
  it('case=secure defaults: isolation, sandbox, no node, web security, no webview', () => {
    const prefs = window().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/out/preload/index.cjs',
    });
    expect(prefs.additionalArguments).toEqual(['--gatehouse-version=1.2.3']);
  });
});

describe('navigation lock', () => {
  const navigate = (w: FakeBrowserWindow, event: string, url: string): boolean => {
    let prevented = false;
    w.webContents.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  };

  it('case=console origin: allowed', () => {
    expect(navigate(window(), 'will-navigate', `${ORIGIN}/c/embedded/sessions`)).toBe(false);
  });

  it('case=another site: refused in the window, opened in the system browser', () => {
    expect(navigate(window(), 'will-navigate', 'https://www.ory.sh/docs')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.ory.sh/docs');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'http://127.0.0.1:4433/', 'http://localhost:4400/'])(
    'case=%s: refused and not opened anywhere unless http(s)',
    (url) => {
      expect(navigate(window(), 'will-navigate', url)).toBe(true);
      if (!url.startsWith('http')) expect(electron.shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('case=redirects off the console origin are refused', () => {
    expect(navigate(window(), 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate(window(), 'will-redirect', `${ORIGIN}/`)).toBe(false);
  });

  it('case=window.open / target=_blank never opens an Electron window', () => {
    const w = window();
    expect(w.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/');
    expect(w.webContents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('case=webviews cannot be attached', () => {
    expect(navigate(window(), 'will-attach-webview', '')).toBe(true);
  });
});

describe('external-link opener', () => {
  it.each([
    ['https://www.ory.sh/', true],
    ['http://localhost:3000/', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['vscode://file/x', false],
    ['ms-msdt:/id', false],
    ['https://user:pass@example.com/', false],
    ['not a url', false],
  ])('case=%s → %s', async (url, ok) => {
    expect(isSafeExternalUrl(url)).toBe(ok);
    expect(await openExternalSafely(url)).toBe(ok);
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(ok ? 1 : 0);
  });
});

describe('session hardening', () => {
  it('case=CSP header on console responses replaces any other', () => {
    hardenSession(electron.session.defaultSession as never, ORIGIN);
    const listener = electron.headersListener();
    const cb = vi.fn();
    listener?.({ url: `${ORIGIN}/`, responseHeaders: { 'content-security-policy': ['default-src *'] } }, cb);
    expect(cb).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONSOLE_CSP] } });
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toContain('unsafe-eval');
  });

  it('case=no permission is granted except sanitized clipboard writes', () => {
    hardenSession(electron.session.defaultSession as never, ORIGIN);
    const decide = (p: string): boolean => {
      let granted = true;
      electron.permissionHandler()?.({}, p, (ok) => (granted = ok));
      return granted;
    };
    expect(decide('media')).toBe(false);
    expect(decide('geolocation')).toBe(false);
    expect(decide('notifications')).toBe(false);
    expect(decide('clipboard-sanitized-write')).toBe(true);
  });
});

describe('IPC', () => {
  it('case=calls from another frame origin are refused; from the console they work', async () => {
    const unregister = registerIpc(() => undefined, ORIGIN);
    const handler = electron.handlers.get(IPC.openExternal);
    await expect(
      Promise.resolve().then(() =>
        handler?.({ senderFrame: { url: 'https://evil.example/' } }, 'https://x.io/'),
      ),
    ).rejects.toThrow(/refused/);
    await expect(handler?.({ senderFrame: { url: `${ORIGIN}/c/embedded` } }, 'https://x.io/')).resolves.toBe(
      true,
    );
    await expect(handler?.({ senderFrame: { url: `${ORIGIN}/` } }, 'file:///etc/passwd')).resolves.toBe(
      false,
    );
    unregister();
    expect(electron.handlers.size).toBe(0);
  });
});

describe('secret storage', () => {
  it('case=OS keychain available: encrypts through safeStorage', () => {
    const cipher = safeStorageCipher();
    expect(cipher?.kind).toBe('os-keychain');
    const stored = cipher?.encrypt('ory_pat_x') ?? '';
    expect(stored).not.toContain('ory_pat_x');
    expect(cipher?.decrypt(stored)).toBe('ory_pat_x');
  });

  it("case=Linux basic_text fallback is not encryption: the backend's 0600 file is used instead", () => {
    if (process.platform !== 'linux') return;
    electron.safeStorage.getSelectedStorageBackend.mockReturnValueOnce('basic_text');
    expect(safeStorageCipher()).toBeUndefined();
  });
});

describe('lifecycle', () => {
  function fakeDeps(
    portInUse = false,
  ): DesktopDeps & { server: GatehouseServer; backend: ConsoleBackend; ports: number[] } {
    const server = {
      urls: { public: 'http://127.0.0.1:4433/', admin: 'http://127.0.0.1:4434/' },
      warnings: [],
      close: vi.fn(async () => undefined),
    } as unknown as GatehouseServer;
    const backend = {
      url: ORIGIN,
      port: 4400,
      token: 't',
      launchUrl: `${ORIGIN}/?token=t`,
      close: vi.fn(async () => undefined),
    } as ConsoleBackend;
    const ports: number[] = [];
    return {
      server,
      backend,
      ports,
      outDir: '/app/out',
      createServer: vi.fn(async () => server),
      createConsoleBackend: vi.fn(async (o) => {
        ports.push(o.port ?? -1);
        if (portInUse && o.port === 4400) throw Object.assign(new Error('in use'), { code: 'EADDRINUSE' });
        return backend;
      }),
    };
  }

  it('case=start: server in userData, backend with the keychain cipher, window loads the launch URL', async () => {
    const deps = fakeDeps();
    const running = await startServices(deps);
    expect(deps.createServer).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir: '/tmp/gatehouse-user-data' }),
    );
    expect(deps.createConsoleBackend).toHaveBeenCalledWith(
      expect.objectContaining({
        host: 'desktop',
        rendererDir: '/app/out/renderer',
        secretCipher: expect.objectContaining({ kind: 'os-keychain' }),
      }),
    );
    expect((running.window as unknown as FakeBrowserWindow).loadURL).toHaveBeenCalledWith(
      `${ORIGIN}/?token=t`,
    );
  });

  it('case=console port 4400 taken: falls back to a free port', async () => {
    const deps = fakeDeps(true);
    await startServices(deps);
    expect(deps.ports).toEqual([4400, 0]);
  });

  it('case=quit closes the backend and the server before the app exits', async () => {
    const deps = fakeDeps();
    runDesktop(deps);
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    const event = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(deps.backend.close).toHaveBeenCalledTimes(1);
    expect(deps.server.close).toHaveBeenCalledTimes(1);
    // The second before-quit (from app.quit) goes through.
    const again = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('case=second instance: quits at once', () => {
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    runDesktop(fakeDeps());
    expect(electron.app.quit).toHaveBeenCalled();
  });

  it('case=stopServices tolerates a failing close', async () => {
    const deps = fakeDeps();
    (deps.backend.close as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('boom'));
    await stopServices({ server: deps.server, backend: deps.backend });
    expect(deps.server.close).toHaveBeenCalled();
  });
});
