// The console backend's routes (ARCHITECTURE.md D4): session exchange, connection management, the proxied
// Kratos admin API per connection, Gatehouse-only endpoints, and the renderer's static files.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  CONSOLE_ERROR_IDS,
  type ConsoleInfo,
  type ConsoleSessionRequest,
  type EmbeddedOverview,
} from '../shared/console-api';
import type { AccessGate } from './auth';
import { connectionHandlers } from './connections/handler';
import type { ConnectionRegistry } from './connections/registry';
import { ConsoleError, errorResponse } from './errors';
import { exportHandler, type PasswordHashLookup } from './export';
import type { LiveStreamHandler } from './events';
import { loopbackGuard } from './loopback';
import { kratosProxy } from './proxy/handler';
import type { FetchLike } from './proxy/upstream';
import { schemaHandler } from './schemas';
import { securityHeaders } from './security-headers';
import { staticHandler } from './static';

export interface ConsoleAppDeps {
  gate: AccessGate;
  port(): number;
  connections: ConnectionRegistry;
  info(): ConsoleInfo;
  overview?: () => EmbeddedOverview;
  embeddedPasswordHash?: PasswordHashLookup;
  rendererDir?: string;
  extraOrigins?: string[];
  fetch?: FetchLike;
  /** The embedded server's live events (absent without an embedded server). */
  live?: LiveStreamHandler;
}

const SMALL_BODY = bodyLimit({
  maxSize: 64 * 1024,
  onError: (c) =>
    errorResponse(c, new ConsoleError(413, 'gatehouse_body_too_large', 'The body is too large.')),
});
const LARGE_BODY = bodyLimit({
  maxSize: 32 * 1024 * 1024,
  onError: (c) =>
    errorResponse(c, new ConsoleError(413, 'gatehouse_body_too_large', 'The body is over 32 MiB.')),
});

export function buildConsoleApp(deps: ConsoleAppDeps): Hono {
  const app = new Hono();
  const { gate } = deps;
  app.use('*', securityHeaders());
  app.use(
    '*',
    loopbackGuard({ port: deps.port, ...(deps.extraOrigins ? { extraOrigins: deps.extraOrigins } : {}) }),
  );

  app.get('/api/session', (c) =>
    gate.isAuthenticated(c) ? c.json({ authenticated: true }) : c.json({ authenticated: false }, 401),
  );
  app.post('/api/session', SMALL_BODY, async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as Partial<ConsoleSessionRequest>;
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    if (!gate.matches(token)) {
      throw new ConsoleError(
        401,
        CONSOLE_ERROR_IDS.unauthorized,
        'That access token is not the one of this launch.',
      );
    }
    gate.issueCookie(c, token);
    return c.body(null, 204);
  });
  app.delete('/api/session', (c) => {
    gate.clearCookie(c);
    return c.body(null, 204);
  });

  app.use('/api/*', gate.requireAuth());
  app.get('/api/info', (c) => c.json(deps.info()));
  app.get('/api/events', (c) => {
    if (!deps.live) {
      throw new ConsoleError(404, 'gatehouse_embedded_only', 'Only the embedded server has live events.');
    }
    return deps.live.handle(c);
  });

  const conn = connectionHandlers({
    connections: deps.connections,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  app.get('/api/connections', conn.list!);
  app.post('/api/connections', SMALL_BODY, conn.create!);
  app.post('/api/connections/test', SMALL_BODY, conn.testDraft!);
  app.get('/api/connections/:id', conn.get!);
  app.put('/api/connections/:id', SMALL_BODY, conn.update!);
  app.delete('/api/connections/:id', conn.remove!);
  app.post('/api/connections/:id/test', conn.test!);
  app.post('/api/connections/:id/unlock', SMALL_BODY, conn.unlock!);
  app.post('/api/connections/:id/lock', conn.lock!);

  const fetchDep = deps.fetch ? { fetch: deps.fetch } : {};
  app.get('/api/connections/:id/schemas', schemaHandler({ connections: deps.connections, ...fetchDep }));
  app.get(
    '/api/connections/:id/export/identities',
    exportHandler({
      connections: deps.connections,
      ...fetchDep,
      ...(deps.embeddedPasswordHash ? { embeddedPasswordHash: deps.embeddedPasswordHash } : {}),
    }),
  );
  app.get('/api/connections/:id/overview', (c) => {
    const profile = deps.connections.get(c.req.param('id'));
    if (profile.kind !== 'embedded' || !deps.overview) {
      throw new ConsoleError(404, 'gatehouse_embedded_only', 'Only the embedded server has an overview.');
    }
    return c.json(deps.overview());
  });
  app.all(
    '/api/connections/:id/kratos/*',
    LARGE_BODY,
    kratosProxy({ connections: deps.connections, ...fetchDep }),
  );
  app.all('/api/*', () => {
    throw new ConsoleError(404, 'gatehouse_console_not_found', 'There is no such console endpoint.');
  });

  const files = staticHandler(deps.rendererDir);
  app.get('*', (c) => exchangeTokenInUrl(c, gate) ?? files(c));
  app.onError((err, c) => errorResponse(c, err));
  return app;
}

/**
 * `GET /any/path?token=…`: trade the launch token for the cookie and redirect to the same URL without it,
 * so the token leaves the address bar and history at once.
 */
function exchangeTokenInUrl(c: Context, gate: AccessGate): Response | undefined {
  const url = new URL(c.req.url);
  const token = url.searchParams.get('token');
  if (token === null) return undefined;
  url.searchParams.delete('token');
  const target = `${url.pathname}${url.search}`;
  if (!gate.matches(token)) return c.redirect(`${target}${url.search ? '&' : '?'}auth=invalid`, 303);
  gate.issueCookie(c, token);
  return c.redirect(target, 303);
}
