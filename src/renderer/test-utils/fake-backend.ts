// A fake console backend for renderer tests: routes by method and path to handlers returning JSON, and
// records every request, so screens are tested against the Kratos contract without a server.
import { vi } from 'vitest';
import type { ConnectionProfile } from '../../shared/console-api';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Handler = (req: RecordedRequest) => {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
};

export function embeddedProfile(overrides: Partial<ConnectionProfile> = {}): ConnectionProfile {
  return {
    id: 'embedded',
    kind: 'embedded',
    name: 'Embedded server',
    adminUrl: 'http://127.0.0.1:4434',
    publicUrl: 'http://127.0.0.1:4433',
    color: 'teal',
    production: false,
    hasApiKey: false,
    apiKeyUnavailable: false,
    unlockedUntil: null,
    capabilities: { serverSideFilters: true, embeddedFeatures: true },
    ...overrides,
  };
}

export function installFakeBackend(routes: Record<string, Handler>): RecordedRequest[] {
  const seen: RecordedRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://127.0.0.1:4400');
      const method = (init.method ?? 'GET').toUpperCase();
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      const req = { method, url, headers: new Headers(init.headers), body };
      seen.push(req);
      const key = Object.keys(routes).find((k) => {
        const [m, p] = k.split(' ') as [string, string];
        return m === method && new RegExp(`^${p}$`).test(url.pathname);
      });
      if (!key)
        return new Response(
          JSON.stringify({ error: { code: 404, message: `no fake for ${method} ${url.pathname}` } }),
          { status: 404 },
        );
      const out = (routes[key] as Handler)(req);
      const status = out.status ?? 200;
      return new Response(status === 204 ? null : JSON.stringify(out.body ?? null), {
        status,
        headers: { 'content-type': 'application/json', ...out.headers },
      });
    }),
  );
  return seen;
}
