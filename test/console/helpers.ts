// Starts a console backend over a test server, with a client that speaks to it as the renderer does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createConsoleBackend,
  type ConsoleBackend,
  type ConsoleBackendOptions,
} from '../../src/console/index';
import { createTestServer, type TestServer } from '../helpers/server';

export interface ConsoleHarness {
  server: TestServer;
  backend: ConsoleBackend;
  dataDir: string;
  /** fetch against the backend with the access token (or the headers given). */
  api(path: string, init?: RequestInit & { auth?: boolean }): Promise<Response>;
  close(): Promise<void>;
}

export async function startConsoleHarness(
  options: Partial<ConsoleBackendOptions> = {},
): Promise<ConsoleHarness> {
  const server = await createTestServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-console-'));
  const backend = await createConsoleBackend({
    embedded: server,
    dataDir,
    port: 0,
    host: 'browser',
    ...options,
  });
  return {
    server,
    backend,
    dataDir,
    api(path, init = {}) {
      const headers = new Headers(init.headers);
      if (init.auth !== false && !headers.has('authorization'))
        headers.set('authorization', `Bearer ${backend.token}`);
      if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return fetch(`${backend.url}${path}`, { ...init, headers, redirect: 'manual' });
    },
    async close() {
      await backend.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const json = (value: unknown): string => JSON.stringify(value);
