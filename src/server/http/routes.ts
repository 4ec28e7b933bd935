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
import { ROUTE_MY_SESSION, ROUTE_MY_SESSIONS, ROUTE_WHOAMI } from '../session/handler';
import { ROUTE_ERRORS } from '../selfservice/errorx/handler';
import { ROUTE_COURIER_MESSAGE, ROUTE_COURIER_MESSAGES } from '../courier/handler';
import {
  ROUTE_UI_ERROR,
  ROUTE_UI_LOGIN,
  ROUTE_UI_RECOVERY,
  ROUTE_UI_REGISTRATION,
  ROUTE_UI_ROOT,
  ROUTE_UI_SETTINGS,
  ROUTE_UI_VERIFICATION,
  ROUTE_UI_WELCOME,
} from '../selfservice/ui/handler';
import {
  ROUTE_LOGIN,
  ROUTE_LOGIN_API,
  ROUTE_LOGIN_BROWSER,
  ROUTE_LOGIN_FLOWS,
} from '../selfservice/flow/login/handler';
import { ROUTE_LOGOUT, ROUTE_LOGOUT_API, ROUTE_LOGOUT_BROWSER } from '../selfservice/flow/logout/handler';
import {
  ROUTE_CHANGE_PASSWORD,
  ROUTE_SETTINGS,
  ROUTE_SETTINGS_API,
  ROUTE_SETTINGS_BROWSER,
  ROUTE_SETTINGS_FLOWS,
} from '../selfservice/flow/settings/handler';
import {
  ROUTE_REGISTRATION,
  ROUTE_REGISTRATION_API,
  ROUTE_REGISTRATION_BROWSER,
  ROUTE_REGISTRATION_FLOWS,
} from '../selfservice/flow/registration/handler';
import { ROUTE_WEBAUTHN_SCRIPT } from '../selfservice/strategy/webauthn/script';
import {
  ROUTE_RECOVERY,
  ROUTE_RECOVERY_API,
  ROUTE_RECOVERY_BROWSER,
  ROUTE_RECOVERY_FLOWS,
} from '../selfservice/flow/recovery/handler';
import {
  ROUTE_VERIFICATION,
  ROUTE_VERIFICATION_API,
  ROUTE_VERIFICATION_BROWSER,
  ROUTE_VERIFICATION_FLOWS,
} from '../selfservice/flow/verification/handler';
import { ROUTE_ADMIN_RECOVERY_CODE } from '../selfservice/strategy/code/recovery-admin';
import { ROUTE_ADMIN_RECOVERY_LINK } from '../selfservice/strategy/link/recovery-admin';
import {
  ROUTE_ADMIN_IDENTITY_SESSIONS,
  ROUTE_ADMIN_SESSION,
  ROUTE_ADMIN_SESSION_EXTEND,
  ROUTE_ADMIN_SESSIONS,
} from '../session/handler-admin';

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
  session: H & {
    whoami: RouteHandler;
    listMine: RouteHandler;
    revokeOthers: RouteHandler;
    revokeMine: RouteHandler;
  };
  adminSession: H & {
    list: RouteHandler;
    get: RouteHandler;
    revoke: RouteHandler;
    extend: RouteHandler;
    manage: RouteHandler;
    listForIdentity: RouteHandler;
    deleteForIdentity: RouteHandler;
  };
  selfService: {
    errors: { get: RouteHandler };
    login: FlowHandlers;
    registration: FlowHandlers;
    settings: FlowHandlers & { changePassword: RouteHandler };
    logout: { createBrowser: RouteHandler; logout: RouteHandler; logoutApi: RouteHandler };
    webAuthnScript: RouteHandler;
    recovery: FlowHandlers;
    verification: FlowHandlers;
    adminRecovery: { createLink: RouteHandler; createCode: RouteHandler };
  };
  courier: { list: RouteHandler; get: RouteHandler };
  uiPages: Record<
    'root' | 'login' | 'registration' | 'settings' | 'recovery' | 'verification' | 'error' | 'welcome',
    RouteHandler
  >;
  toAdmin: RouteHandler;
  toPublic: RouteHandler;
}

interface FlowHandlers {
  initBrowser: RouteHandler;
  initApi: RouteHandler;
  get: RouteHandler;
  submit: RouteHandler;
}

/** whoami answers every method Kratos registers it for. */
const WHOAMI_METHODS: Method[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

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
    ...admin('GET', ROUTE_COURIER_MESSAGES, h.courier.list),
    ...admin('GET', ROUTE_COURIER_MESSAGE, h.courier.get),
    ...admin('GET', ROUTE_ADMIN_IDENTITY_SESSIONS, h.adminSession.listForIdentity),
    ...admin('DELETE', ROUTE_ADMIN_IDENTITY_SESSIONS, h.adminSession.deleteForIdentity),

    ...WHOAMI_METHODS.map((method): RouteDef => ({
      server: 'public',
      method,
      path: ROUTE_WHOAMI,
      handler: h.session.whoami,
    })),
    { server: 'public', method: 'GET', path: ROUTE_MY_SESSIONS, handler: h.session.listMine },
    { server: 'public', method: 'DELETE', path: ROUTE_MY_SESSIONS, handler: h.session.revokeOthers },
    { server: 'public', method: 'DELETE', path: ROUTE_MY_SESSION, handler: h.session.revokeMine },
    { server: 'admin', method: 'GET', path: ROUTE_ADMIN_SESSIONS, handler: h.adminSession.list },
    { server: 'admin', method: 'POST', path: ROUTE_ADMIN_SESSIONS, handler: h.adminSession.manage },
    { server: 'admin', method: 'GET', path: ROUTE_ADMIN_SESSION, handler: h.adminSession.get },
    { server: 'admin', method: 'DELETE', path: ROUTE_ADMIN_SESSION, handler: h.adminSession.revoke },
    { server: 'admin', method: 'PATCH', path: ROUTE_ADMIN_SESSION_EXTEND, handler: h.adminSession.extend },

    ...publicOnly('GET', ROUTE_ERRORS, h.selfService.errors.get),
    ...flowRoutes(
      h.selfService.login,
      ROUTE_LOGIN_BROWSER,
      ROUTE_LOGIN_API,
      ROUTE_LOGIN_FLOWS,
      ROUTE_LOGIN,
      h,
    ),
    ...flowRoutes(
      h.selfService.registration,
      ROUTE_REGISTRATION_BROWSER,
      ROUTE_REGISTRATION_API,
      ROUTE_REGISTRATION_FLOWS,
      ROUTE_REGISTRATION,
      h,
    ),
    ...flowRoutes(
      h.selfService.settings,
      ROUTE_SETTINGS_BROWSER,
      ROUTE_SETTINGS_API,
      ROUTE_SETTINGS_FLOWS,
      ROUTE_SETTINGS,
      h,
    ),
    ...flowRoutes(
      h.selfService.recovery,
      ROUTE_RECOVERY_BROWSER,
      ROUTE_RECOVERY_API,
      ROUTE_RECOVERY_FLOWS,
      ROUTE_RECOVERY,
      h,
    ),
    ...flowRoutes(
      h.selfService.verification,
      ROUTE_VERIFICATION_BROWSER,
      ROUTE_VERIFICATION_API,
      ROUTE_VERIFICATION_FLOWS,
      ROUTE_VERIFICATION,
      h,
    ),
    ...admin('POST', ROUTE_ADMIN_RECOVERY_LINK, h.selfService.adminRecovery.createLink),
    ...admin('POST', ROUTE_ADMIN_RECOVERY_CODE, h.selfService.adminRecovery.createCode),
    ...publicOnly('GET', ROUTE_CHANGE_PASSWORD, h.selfService.settings.changePassword),
    { server: 'public', method: 'GET', path: ROUTE_WEBAUTHN_SCRIPT, handler: h.selfService.webAuthnScript },
    {
      server: 'public',
      method: 'GET',
      path: ROUTE_LOGOUT_BROWSER,
      handler: h.selfService.logout.createBrowser,
    },
    { server: 'public', method: 'GET', path: ROUTE_LOGOUT, handler: h.selfService.logout.logout },
    { server: 'public', method: 'DELETE', path: ROUTE_LOGOUT_API, handler: h.selfService.logout.logoutApi },

    // The built-in self-service UI.
    ...(
      [
        [ROUTE_UI_ROOT, h.uiPages.root],
        [ROUTE_UI_LOGIN, h.uiPages.login],
        [ROUTE_UI_REGISTRATION, h.uiPages.registration],
        [ROUTE_UI_SETTINGS, h.uiPages.settings],
        [ROUTE_UI_RECOVERY, h.uiPages.recovery],
        [ROUTE_UI_VERIFICATION, h.uiPages.verification],
        [ROUTE_UI_ERROR, h.uiPages.error],
        [ROUTE_UI_WELCOME, h.uiPages.welcome],
      ] as const
    ).map(([path, handler]): RouteDef => ({ server: 'public', method: 'GET', path, handler })),
  ];
}

/** A flow's init, fetch and submit routes on the public API; the admin API sends them there. */
function flowRoutes(
  f: FlowHandlers,
  browser: string,
  api: string,
  flows: string,
  submit: string,
  h: Handlers,
): RouteDef[] {
  const publicRoutes: RouteDef[] = [
    { server: 'public', method: 'GET', path: browser, handler: f.initBrowser },
    { server: 'public', method: 'GET', path: api, handler: f.initApi },
    { server: 'public', method: 'GET', path: flows, handler: f.get },
    { server: 'public', method: 'POST', path: submit, handler: f.submit },
    // Kratos accepts GET submissions (links) on the submit URL too.
    { server: 'public', method: 'GET', path: submit, handler: f.submit },
  ];
  const toPublic = publicRoutes.map((r): RouteDef => ({
    ...r,
    server: 'admin',
    path: `/admin${r.path}`,
    handler: h.toPublic,
  }));
  return [...publicRoutes, ...toPublic];
}
