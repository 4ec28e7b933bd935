// Public session endpoints (session/handler.go): whoami, and the caller's other sessions.
import type { Context } from 'hono';
import type { ClockProvider } from '../clock';
import type { Config } from '../config/config';
import { badRequest, KratosError, unauthorized } from '../errors/errors';
import { pageLinkHeaders, parseMigrationPagination } from '../http/pagination';
import { noSessionFound } from './errors';
import type { CurrentSession, SessionManager } from './manager';
import { requestInfo } from './manager';
import { marshalSession } from './marshal';
import type { SessionPersisterProvider } from './persister';

export const ROUTE_WHOAMI = '/sessions/whoami';
export const ROUTE_MY_SESSIONS = '/sessions';
export const ROUTE_MY_SESSION = '/sessions/:id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SessionHandlerDeps extends SessionPersisterProvider, ClockProvider {
  config: Config;
  sessionManager: SessionManager;
  schemaUrl(schemaId: string): string;
}

type Handler = (c: Context) => Response;

export function sessionHandlers(
  deps: SessionHandlerDeps,
): Record<'whoami' | 'listMine' | 'revokeOthers' | 'revokeMine', Handler> {
  const m = deps.sessionManager;
  const current = (c: Context, reason: string): CurrentSession => {
    try {
      return m.fetchFromRequest(requestInfo(c));
    } catch (err) {
      throw err instanceof KratosError ? unauthorized(reason) : err;
    }
  };

  return {
    whoami(c) {
      let s: CurrentSession;
      try {
        s = m.fetchFromRequest(requestInfo(c));
      } catch (err) {
        if (err instanceof KratosError) throw noSessionFound();
        throw err;
      }
      m.assertAal(s.session, s.identity, deps.config.whoamiRequiredAal());
      const tokenizeAs = c.req.query('tokenize_as');
      if (tokenizeAs) {
        throw badRequest(`Unable to find tokenizer template "${tokenizeAs}".`);
      }
      c.header('X-Kratos-Authenticated-Identity-Id', s.identity.id);
      const cookie = m.refreshedCookie(s);
      if (cookie) c.header('Set-Cookie', cookie, { append: true });
      return c.json(marshalSession(s.session, deps.clock.now(), deps.schemaUrl));
    },

    listMine(c) {
      const s = current(c, 'No valid session cookie found.');
      // An unmet AAL is answered as such (403 session_aal2_required), like whoami (session/handler.go).
      m.assertAal(s.session, s.identity, deps.config.whoamiRequiredAal());
      const url = new URL(c.req.url);
      const { page, perPage } = parseMigrationPagination(url.searchParams);
      const now = deps.clock.now();
      const query = { identityId: s.identity.id, active: true, exceptId: s.session.id, now };
      const list = deps.sessionPersister.listSessions({ ...query, limit: perPage, offset: page * perPage });
      const total = deps.sessionPersister.countSessions(query);
      for (const [k, v] of Object.entries(pageLinkHeaders(url, total, page, perPage, 'migration')))
        c.header(k, v);
      return c.json(list.map((x) => marshalSession({ ...x, identity: s.identity }, now, deps.schemaUrl)));
    },

    revokeOthers(c) {
      const s = current(c, 'No valid session cookie found.');
      const count = deps.sessionPersister.revokeSessions({
        identityIds: [s.identity.id],
        exceptId: s.session.id,
      });
      return c.json({ count });
    },

    revokeMine(c) {
      const s = current(c, 'No valid session cookie found.');
      const id = c.req.param('id') ?? '';
      if (!UUID.test(id))
        throw badRequest(undefined, {
          message: `uuid: incorrect UUID length ${id.length} in string "${id}"`,
        });
      if (id.toLowerCase() === s.session.id)
        throw badRequest(undefined, { message: 'cannot revoke current session' });
      deps.sessionPersister.revokeSessions({ ids: [id.toLowerCase()], identityIds: [s.identity.id] });
      return c.body(null, 204);
    },
  };
}
