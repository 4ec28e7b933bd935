// The preload bridge exposes exactly the desktop API, on window.gatehouse, through the right channels.
import * as electronModule from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_BRIDGE_KEY, IPC, type DesktopApi } from '../shared/desktop-api';

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => true) },
}));
const electron = electronModule as unknown as {
  contextBridge: { exposeInMainWorld: ReturnType<typeof vi.fn> };
  ipcRenderer: { invoke: ReturnType<typeof vi.fn> };
};

describe('preload', () => {
  it('case=exposes a frozen, minimal API under window.gatehouse', async () => {
    await import('./index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, DesktopApi];
    expect(key).toBe(DESKTOP_BRIDGE_KEY);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([
      'appVersion',
      'openExternal',
      'openTextFile',
      'platform',
      'saveTextFile',
      'secretStorage',
    ]);

    expect(await api.openExternal('javascript:alert(1)')).toBe(false);
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    await api.openExternal('https://www.ory.sh/');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC.openExternal, 'https://www.ory.sh/');
    await api.secretStorage();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC.secretStorage);
  });
});
