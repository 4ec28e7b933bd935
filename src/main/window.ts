// The console window with Electron's secure defaults (ARCHITECTURE.md convention 7): isolated, sandboxed,
// no Node in the page, web security on, a CSP, no navigation away from the console, no new windows, no
// webviews, no permissions. Links to other sites go to the system browser through openExternalSafely.
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { CONSOLE_CSP } from '../console/security-headers';
import { openExternalSafely } from './external';

export interface MainWindowOptions {
  /** The console backend's origin, e.g. http://127.0.0.1:4400 (the only one the window may show). */
  consoleOrigin: string;
  preloadPath: string;
  appVersion: string;
}

export function secureWebPreferences(preloadPath: string, appVersion: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    additionalArguments: [`--gatehouse-version=${appVersion}`],
  };
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Gatehouse',
    backgroundColor: '#1a1b1e',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(opts.preloadPath, opts.appVersion),
  });
  hardenWebContents(win.webContents, opts.consoleOrigin);
  win.once('ready-to-show', () => win.show());
  return win;
}

export function isConsoleUrl(url: string, consoleOrigin: string): boolean {
  try {
    return new URL(url).origin === consoleOrigin;
  } catch {
    return false;
  }
}

/** Navigation lock: stay on the console origin; everything else is refused or handed to the browser. */
export function hardenWebContents(contents: WebContents, consoleOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (isConsoleUrl(url, consoleOrigin)) return;
    event.preventDefault();
    void openExternalSafely(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isConsoleUrl(url, consoleOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // target=_blank links: never a second Electron window; http(s) opens in the system browser.
    void openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** CSP on every response the window receives, and no permission prompts (camera, geolocation, …). */
export function hardenSession(ses: Session, consoleOrigin: string): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (isConsoleUrl(details.url, consoleOrigin)) {
      for (const key of Object.keys(headers))
        if (key.toLowerCase() === 'content-security-policy') delete headers[key];
      headers['Content-Security-Policy'] = [CONSOLE_CSP];
    }
    callback({ responseHeaders: headers });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    // Copying recovery links needs clipboard writes; nothing else is ever granted.
    callback(permission === 'clipboard-sanitized-write');
  });
}
