// `/api/connections/:id/kratos/*`: the chosen connection's Kratos admin API, proxied. The renderer never
// learns the API key: it is added upstream-side, and any echo of it in a response is redacted. Production
// connections refuse writes until unlocked, and deletions of an identity until the user typed its identifier.
import type { Context } from 'hono';
import { CONFIRM_HEADER, CONSOLE_ERROR_IDS } from '../../shared/console-api';
import type { ConnectionRegistry, ResolvedConnection } from '../connections/registry';
import { ConsoleError } from '../errors';
import { confirmationMatches } from './confirm';
import { callUpstream, type FetchLike, redact } from './upstream';

/** The Kratos admin routes the console uses; nothing else is reachable through the proxy. */
const ALLOWED_PATH =
  /^\/(?:admin\/(?:identities|sessions|recovery|courier\/messages)(?:\/[^/]+)*|version|health\/(?:alive|ready))$/;
const IDENTITY_DELETE = /^\/admin\/identities\/([^/]+)(?:\/(?:credentials|sessions)(?:\/[^/]+)?)?$/;
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'link', 'x-total-count', 'location', 'retry-after'];
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface ProxyDeps {
  connections: ConnectionRegistry;
  fetch?: FetchLike;
}

export function kratosProxy(deps: ProxyDeps): (c: Context) => Promise<Response> {
  return async (c) => {
    const id = c.req.param('id') ?? '';
    const conn = deps.connections.resolve(id);
    const url = new URL(c.req.url);
    const path = url.pathname.match(/^\/api\/connections\/[^/]+\/kratos(\/.*)$/)?.[1] ?? '';
    if (!ALLOWED_PATH.test(path)) {
      throw new ConsoleError(
        404,
        CONSOLE_ERROR_IDS.pathNotAllowed,
        `The console does not proxy "${path}"; only the Kratos admin identity, session, recovery and courier APIs.`,
      );
    }
    const method = c.req.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      if (!deps.connections.isWritable(conn.profile)) {
        throw new ConsoleError(
          423,
          CONSOLE_ERROR_IDS.connectionLocked,
          `"${conn.profile.name}" is a production connection and is read-only until you unlock it.`,
          'The connection is locked',
        );
      }
      const deleting = method === 'DELETE' ? path.match(IDENTITY_DELETE) : null;
      if (conn.profile.production && deleting) {
        await requireConfirmation(
          conn,
          decodeURIComponent(deleting[1] ?? ''),
          c.req.header(CONFIRM_HEADER),
          deps.fetch,
        );
      }
    }
    const length = Number(c.req.header('content-length') ?? '0');
    if (length > MAX_BODY_BYTES) {
      throw new ConsoleError(413, 'gatehouse_body_too_large', 'The request body is larger than 32 MiB.');
    }
    const body = method === 'GET' || method === 'HEAD' ? null : await c.req.arrayBuffer();
    const contentType = c.req.header('content-type');
    const upstream = await callUpstream(
      conn,
      'admin',
      {
        method,
        path: `${path}${url.search}`,
        ...(contentType ? { headers: { 'content-type': contentType } } : {}),
        body: body && body.byteLength > 0 ? body : null,
      },
      deps.fetch,
    );
    return relay(upstream, conn.apiKey);
  };
}

/** Copies status and a few headers; with a key configured, reads the body to redact any echo of it. */
export async function relay(upstream: Response, apiKey: string | undefined): Promise<Response> {
  const headers = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, redact(value, apiKey));
  }
  headers.set('cache-control', 'no-store');
  if (upstream.status === 204 || upstream.status === 304 || upstream.body === null) {
    return new Response(null, { status: upstream.status, headers });
  }
  if (!apiKey) return new Response(upstream.body, { status: upstream.status, headers });
  const text = redact(await upstream.text(), apiKey);
  return new Response(text, { status: upstream.status, headers });
}

async function requireConfirmation(
  conn: ResolvedConnection,
  identityId: string,
  typed: string | undefined,
  fetchImpl: FetchLike | undefined,
): Promise<void> {
  const res = await callUpstream(
    conn,
    'admin',
    { method: 'GET', path: `/admin/identities/${encodeURIComponent(identityId)}` },
    fetchImpl,
  );
  // A missing identity: let Kratos answer the delete with its own 404.
  if (res.status === 404) return;
  const identity = res.ok ? ((await res.json()) as unknown) : undefined;
  if (!typed || !confirmationMatches(identity, identityId, typed)) {
    throw new ConsoleError(
      428,
      CONSOLE_ERROR_IDS.confirmationRequired,
      `"${conn.profile.name}" is a production connection: type the identity's identifier to confirm the deletion.`,
      'Confirmation required',
    );
  }
}
