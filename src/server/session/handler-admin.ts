// Admin session endpoints (session/handler.go): list (keyset, newest first), get, revoke, extend, bulk
// manage, and an identity's sessions.
import type { Context } from 'hono';
import type { ClockProvider } from '../clock';
import type { Config } from '../config/config';
import { badRequest, noRows } from '../errors/errors';
import { readJson } from '../http/body';
import {
  keysetLinkHeader,
  PAGE_TOKEN_INVALID,
  pageLinkHeaders,
  type PageTokenSealer,
  parseKeysetOrPage,
  parseMigrationPagination,
} from '../http/pagination';
import type { IdentityPersister } from '../identity/persister';
import { marshalSession } from './marshal';
import type { Session } from './model';
import type { SessionPersisterProvider } from './persister';

export const ROUTE_ADMIN_SESSIONS = '/admin/sessions';
export const ROUTE_ADMIN_SESSION = '/admin/sessions/:id';
export const ROUTE_ADMIN_SESSION_EXTEND = '/admin/sessions/:id/extend';
export const ROUTE_ADMIN_IDENTITY_SESSIONS = '/admin/identities/:id/sessions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MANAGE_MAX_IDS = 500;
/** A keyset position before every session (timestamps are ISO strings, which all sort before "9"). */
const FIRST_PAGE = { c: '9', i: '' };
const WILDCARD_BATCH = 5000;

export interface AdminSessionHandlerDeps extends SessionPersisterProvider, ClockProvider {
  config: Config;
  identityPersister: IdentityPersister;
  sessionPageTokens: PageTokenSealer;
  schemaUrl(schemaId: string): string;
}

type Handler = (c: Context) => Response | Promise<Response>;

export function adminSessionHandlers(
  deps: AdminSessionHandlerDeps,
): Record<
  'list' | 'get' | 'revoke' | 'extend' | 'manage' | 'listForIdentity' | 'deleteForIdentity',
  Handler
> {
  const now = (): Date => deps.clock.now();
  const withIdentity = (s: Session): Session => ({
    ...s,
    identity: deps.identityPersister.getIdentity(s.identity_id, { withCredentials: false }),
  });
  const json = (s: Session, expand: Expand): Record<string, unknown> =>
    marshalSession(expand.identity ? withIdentity(s) : s, now(), deps.schemaUrl, 'admin', expand);

  return {
    list(c) {
      const url = new URL(c.req.url);
      const active = parseActive(url.searchParams);
      const expand = parseExpand(url.searchParams, { identity: false, devices: false });
      const p = parseKeysetOrPage(url.searchParams, { size: 250, max: 1000 });
      if (p.kind !== 'keyset') throw badRequest('could not parse parameter page_size');
      const after =
        p.token === undefined
          ? undefined
          : (JSON.parse(deps.sessionPageTokens.open(p.token)) as { c: string; i: string });
      if (after && (typeof after.c !== 'string' || typeof after.i !== 'string'))
        throw badRequest(PAGE_TOKEN_INVALID);
      const rows = deps.sessionPersister.listSessions({
        ...(active === undefined ? {} : { active }),
        now: now(),
        limit: p.size + 1,
        ...(after ? { before: after } : {}),
      });
      const page = rows.slice(0, p.size);
      const last = page[page.length - 1];
      const next =
        rows.length > p.size && last
          ? deps.sessionPageTokens.seal(JSON.stringify({ c: last.created_at, i: last.id }))
          : undefined;
      c.header(
        'Link',
        keysetLinkHeader(url, p.size, deps.sessionPageTokens.seal(JSON.stringify(FIRST_PAGE)), next),
      );
      return c.json(page.map((s) => json(s, expand)));
    },

    get(c) {
      const id = parseId(c.req.param('id'));
      const expand = parseExpand(new URL(c.req.url).searchParams, { identity: false, devices: false });
      const s = deps.sessionPersister.getSession(id);
      if (!s) throw noRows();
      return c.json(json(s, expand));
    },

    revoke(c) {
      const id = parseId(c.req.param('id'));
      if (!deps.sessionPersister.getSession(id)) throw noRows();
      deps.sessionPersister.revokeSessions({ ids: [id] });
      return c.body(null, 204);
    },

    extend(c) {
      const id = parseId(c.req.param('id'));
      const at = now();
      const lifespan = deps.config.sessionLifespanMs();
      const notBefore = new Date(at.getTime() + deps.config.sessionEarliestExtendMs()).toISOString();
      const result = deps.sessionPersister.extendSession(
        id,
        new Date(at.getTime() + lifespan).toISOString(),
        notBefore,
        at.toISOString(),
      );
      if (result === 'missing') throw noRows();
      if (deps.config.get('feature_flags.faster_session_extend', false)) return c.body(null, 204);
      const s = deps.sessionPersister.getSession(id) as Session;
      return c.json(json(s, { identity: true, devices: true }));
    },

    async manage(c) {
      const body = (await readJson(c).catch((err: unknown) => {
        throw badRequest('Invalid JSON body.', { message: err instanceof Error ? err.message : String(err) });
      })) as { action?: unknown; identities?: unknown; sessions?: unknown } | null;
      const action = body?.action;
      if (action !== 'disable' && action !== 'delete') {
        throw badRequest("The 'action' field must be one of 'disable' or 'delete'.");
      }
      const identities = asStringList(body?.identities, 'identities');
      const sessions = asStringList(body?.sessions, 'sessions');
      if (identities.length > 0 === sessions.length > 0) {
        throw badRequest("Exactly one of 'identities' or 'sessions' must be a non-empty array.");
      }
      const p = deps.sessionPersister;
      const run = (where: Parameters<typeof p.revokeSessions>[0]): number =>
        action === 'disable' ? p.revokeSessions(where) : p.deleteSessions(where);
      if (identities.length === 1 && identities[0] === '*') {
        const processed = run({ all: true, limit: WILDCARD_BATCH });
        return c.json({ processed, more: processed === WILDCARD_BATCH });
      }
      const field = identities.length > 0 ? 'identities' : 'sessions';
      const ids = parseIds(identities.length > 0 ? identities : sessions, field);
      const processed = run(field === 'identities' ? { identityIds: ids } : { ids });
      return c.json({ processed, more: false });
    },

    listForIdentity(c) {
      const id = parseId(c.req.param('id'));
      if (!deps.identityPersister.getIdentity(id, { withCredentials: false })) throw noRows();
      const url = new URL(c.req.url);
      const active = parseActive(url.searchParams);
      const { page, perPage } = parseMigrationPagination(url.searchParams);
      const query = { identityId: id, now: now(), ...(active === undefined ? {} : { active }) };
      const list = deps.sessionPersister.listSessions({ ...query, limit: perPage, offset: page * perPage });
      const total = deps.sessionPersister.countSessions(query);
      for (const [k, v] of Object.entries(pageLinkHeaders(url, total, page, perPage, 'migration')))
        c.header(k, v);
      return c.json(list.map((s) => json(s, { identity: true, devices: true })));
    },

    deleteForIdentity(c) {
      const id = parseId(c.req.param('id'));
      if (!deps.identityPersister.getIdentity(id, { withCredentials: false })) throw noRows();
      deps.sessionPersister.deleteSessions({ identityIds: [id] });
      return c.body(null, 204);
    },
  };
}

interface Expand {
  identity?: boolean;
  devices?: boolean;
}

function parseId(raw: string | undefined): string {
  const id = raw ?? '';
  if (!UUID.test(id))
    throw badRequest(undefined, { message: `uuid: incorrect UUID length ${id.length} in string "${id}"` });
  return id.toLowerCase();
}

function parseActive(q: URLSearchParams): boolean | undefined {
  const raw = q.get('active');
  if (raw === null || raw === '') return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  throw badRequest(undefined, { message: 'could not parse parameter active' });
}

function parseExpand(q: URLSearchParams, fallback: Expand): Expand {
  const values = q.getAll('expand');
  if (values.length === 0) return fallback;
  const out: Expand = { identity: false, devices: false };
  for (const v of values) {
    if (v !== 'identity' && v !== 'devices') throw badRequest(`Could not parse expand option: ${v}`);
    out[v] = true;
  }
  return out;
}

function asStringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw badRequest('Invalid JSON body.', {
      message: `json: cannot unmarshal into Go struct field ManageSessionsBody.${field} of type []string`,
    });
  }
  return value as string[];
}

function parseIds(raw: string[], field: string): string[] {
  if (raw.length > MANAGE_MAX_IDS)
    throw badRequest(
      `Could not parse '${field}' field: at most ${MANAGE_MAX_IDS} IDs may be provided per call`,
    );
  return raw.map((s) => {
    if (s === '*')
      throw badRequest(`Could not parse '${field}' field: the wildcard '*' is not accepted here`);
    if (!UUID.test(s)) throw badRequest(`Could not parse '${field}' field: could not parse "${s}" as UUID`);
    return s.toLowerCase();
  });
}
