// The route table: every route of both APIs in one list (ARCHITECTURE.md convention 4).
import type { Context } from 'hono';
import { ROUTE_ALIVE, ROUTE_READY, ROUTE_VERSION } from '../health/handler';
import {
  ROUTE_IDENTITIES,
  ROUTE_IDENTITY,
  ROUTE_IDENTITY_BY_EXTERNAL_ID,
  ROUTE_IDENTITY_CREDENTIALS,
} from '../identity/handler';
import { ROUTE_ADMIN_SCHEMA, ROUTE_ADMIN_SCHEMAS, ROUTE_SCHEMA, ROUTE_SCHEMAS } from '../schema/handler';

export type ServerKind = 'public' | 'admin';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
export type RouteHandler = (c: Context) => Response | Promise<Response>;

export interface RouteDef {
  server: ServerKind;
  method: Method;
  path: string;
  handler: RouteHandler;
}

type H = Record<string, RouteHandler>;

export interface Handlers {
  health: H & { alive: RouteHandler; ready: RouteHandler; version: RouteHandler };
  schema: H & { list: RouteHandler; get: RouteHandler };
  identity: H & {
    list: RouteHandler;
    get: RouteHandler;
    getByExternalId: RouteHandler;
    create: RouteHandler;
    update: RouteHandler;
    remove: RouteHandler;
    patch: RouteHandler;
    batch: RouteHandler;
    deleteCredentials: RouteHandler;
  };
  toAdmin: RouteHandler;
  toPublic: RouteHandler;
}

export function routeTable(h: Handlers): RouteDef[] {
  const both = (method: Method, path: string, handler: RouteHandler): RouteDef[] => [
    { server: 'public', method, path, handler },
    { server: 'admin', method, path: `/admin${path}`, handler },
  ];
  const admin = (method: Method, path: string, handler: RouteHandler): RouteDef[] => [
    { server: 'admin', method, path, handler },
    // The public API sends admin routes to the admin API (Kratos: redir.RedirectToAdminRoute).
    { server: 'public', method, path, handler: h.toAdmin },
    { server: 'public', method, path: path.replace(/^\/admin/, ''), handler: h.toAdmin },
  ];
  const publicOnly = (method: Method, path: string, handler: RouteHandler): RouteDef[] => [
    { server: 'public', method, path, handler },
    {
      server: 'admin',
      method,
      path: path.startsWith('/admin') ? path : `/admin${path}`,
      handler: h.toPublic,
    },
  ];

  return [
    ...both('GET', ROUTE_ALIVE, h.health.alive),
    ...both('GET', ROUTE_READY, h.health.ready),
    ...both('GET', ROUTE_VERSION, h.health.version),

    ...publicOnly('GET', ROUTE_SCHEMAS, h.schema.list),
    ...publicOnly('GET', ROUTE_SCHEMA, h.schema.get),
    { server: 'public', method: 'GET', path: ROUTE_ADMIN_SCHEMAS, handler: h.schema.list },
    { server: 'public', method: 'GET', path: ROUTE_ADMIN_SCHEMA, handler: h.schema.get },

    ...admin('GET', ROUTE_IDENTITIES, h.identity.list),
    ...admin('POST', ROUTE_IDENTITIES, h.identity.create),
    ...admin('PATCH', ROUTE_IDENTITIES, h.identity.batch),
    ...admin('GET', ROUTE_IDENTITY_BY_EXTERNAL_ID, h.identity.getByExternalId),
    ...admin('GET', ROUTE_IDENTITY, h.identity.get),
    ...admin('PUT', ROUTE_IDENTITY, h.identity.update),
    ...admin('PATCH', ROUTE_IDENTITY, h.identity.patch),
    ...admin('DELETE', ROUTE_IDENTITY, h.identity.remove),
    ...admin('DELETE', ROUTE_IDENTITY_CREDENTIALS, h.identity.deleteCredentials),
  ];
}
