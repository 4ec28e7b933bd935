// Builds the public and admin Hono apps from the route table, with Kratos's 404 negotiation, the one
// error writer, and the admin API's habit of adding `/admin` to any path that lacks it.
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { getPath } from 'hono/utils/url';
import { writeError } from '../errors/writer';
import type { Logger } from '../logger';
import { negotiate } from './negotiate';
import type { RouteDef, ServerKind } from './routes';

const NOT_FOUND_REASON =
  'The requested route does not exist. Make sure you are using the right path, domain, and port.';

export interface CorsSettings {
  allowedOrigins: string[];
  allowedMethods: string[];
  allowedHeaders: string[];
  exposedHeaders: string[];
  allowCredentials: boolean;
  maxAgeSeconds: number;
}

export function buildApp(
  kind: ServerKind,
  routes: RouteDef[],
  logger: Logger,
  corsSettings?: CorsSettings,
): Hono {
  const app = new Hono(kind === 'admin' ? { getPath: (req) => withAdminPrefix(getPath(req)) } : {});
  if (corsSettings) app.use('*', corsMiddleware(corsSettings));
  for (const r of routes) {
    if (r.server !== kind) continue;
    app.on(r.method, r.path, r.handler);
  }
  app.notFound(notFound);
  app.onError((err, c) => writeError(c, err, logger));
  return app;
}

/** rs/cors semantics as Kratos configures it: `*` and `*.example.com` patterns, the origin echoed back. */
function corsMiddleware(s: CorsSettings): ReturnType<typeof cors> {
  const patterns = s.allowedOrigins.map((o: string) =>
    o === '*'
      ? /^.*$/
      : new RegExp(`^${o.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`, 'i'),
  );
  return cors({
    origin: (origin: string) => (origin && patterns.some((p) => p.test(origin)) ? origin : null),
    allowMethods: s.allowedMethods,
    allowHeaders: s.allowedHeaders,
    exposeHeaders: s.exposedHeaders,
    credentials: s.allowCredentials,
    ...(s.maxAgeSeconds > 0 ? { maxAge: s.maxAgeSeconds } : {}),
  });
}

function withAdminPrefix(path: string): string {
  return path === '/admin' || path.startsWith('/admin/') ? path : `/admin${path === '/' ? '' : path}`;
}

/** serverx.DefaultNotFoundHandler: HTML by default, plain text or Kratos-shaped JSON when asked. */
function notFound(c: Context): Response {
  const type = negotiate(
    c.req.header('accept'),
    ['text/html', 'text/plain', 'application/json'],
    'text/html',
  );
  if (type === 'application/json') {
    return c.json({ error: { code: 404, message: 'Not Found', reason: NOT_FOUND_REASON } }, 404);
  }
  if (type === 'text/plain') {
    return c.body(`Error 404 - ${NOT_FOUND_REASON}`, 404, { 'Content-Type': 'text/plain; charset=utf-8' });
  }
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>404 - Route not found</title></head>` +
      `<body><h1>404</h1><p>${NOT_FOUND_REASON}</p></body></html>`,
    404,
  );
}

/** Sends a request for the other API's route there with 307, keeping method, path and query (x/redir). */
export function redirectTo(target: () => URL, kind: ServerKind): (c: Context) => Response {
  return (c) => {
    const url = new URL(c.req.url);
    const base = target();
    let path = url.pathname.replace(/^\/admin(?=\/|$)/, '');
    if (kind === 'admin') path = `/admin${path}`;
    const dest = new URL(base);
    dest.pathname = `${base.pathname.replace(/\/$/, '')}${path}`;
    dest.search = url.search;
    return c.redirect(dest.toString(), 307);
  };
}
