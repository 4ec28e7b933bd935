// Logout (selfservice/flow/logout/handler.go): a logout URL for browser sessions, the logout itself (token
// in the URL must match the session cookie), and native logout with the session token.
import type { Context } from 'hono';
import type { Config } from '../../../config/config';
import { badRequest, forbidden } from '../../../errors/errors';
import type { Csrf } from '../../../http/csrf';
import { readJson } from '../../../http/body';
import { decode } from '../../../http/decode';
import type { SessionManager } from '../../../session/manager';
import { requestInfo } from '../../../session/manager';
import type { SessionPersister } from '../../../session/persister';
import { hashToken } from '../../../session/token';
import type { ErrorManager } from '../../errorx/manager';
import { afterReturnUrl, returnToPolicy } from '../config';
import { secureReturnTo } from '../return-to';

export const ROUTE_LOGOUT_BROWSER = '/self-service/logout/browser';
export const ROUTE_LOGOUT = '/self-service/logout';
export const ROUTE_LOGOUT_API = '/self-service/logout/api';

export interface LogoutHandlerDeps {
  config: Config;
  csrf: Csrf;
  sessionManager: SessionManager;
  sessionPersister: SessionPersister;
  errorManager: ErrorManager;
  isJson(c: Context): boolean;
}

type Handler = (c: Context) => Promise<Response> | Response;

export function logoutHandlers(
  deps: LogoutHandlerDeps,
): Record<'createBrowser' | 'logout' | 'logoutApi', Handler> {
  const policy = (): ReturnType<typeof returnToPolicy> =>
    returnToPolicy(deps.config, afterReturnUrl(deps.config, 'logout'));

  return {
    createBrowser(c) {
      try {
        const current = deps.sessionManager.fetchFromRequest(requestInfo(c));
        const requested = new URL(c.req.url).searchParams.get('return_to');
        const token = deps.sessionManager.logoutToken(current.session.id);
        const url = new URL('self-service/logout', deps.config.baseURL('public'));
        url.searchParams.set('token', token);
        if (requested) url.searchParams.set('return_to', secureReturnTo(requested, policy()).toString());
        return c.json({ logout_url: url.toString(), logout_token: token });
      } catch (err) {
        return deps.errorManager.forward(c, err);
      }
    },

    logout(c) {
      try {
        const token = c.req.query('token');
        if (!token) throw badRequest('Please include a token in the URL query.');
        const current = deps.sessionManager.fetchFromRequest(requestInfo(c));
        if (!deps.sessionManager.isLogoutToken(current.session.id, token)) {
          throw forbidden(
            'Unable to log out because the logout token in the URL query does not match the session cookie.',
          );
        }
        const returnTo = secureReturnTo(c.req.query('return_to'), policy());
        deps.sessionPersister.revokeByTokenHash(hashToken(current.token));
        c.header('Set-Cookie', deps.sessionManager.clearCookie(), { append: true });
        c.header('Set-Cookie', deps.csrf.regenerate().setCookie as string, { append: true });
        if (
          deps.config.get('selfservice.flows.logout.clear_browser_data', false) &&
          new URL(c.req.url).protocol === 'https:'
        ) {
          c.header('Clear-Site-Data', '"cookies", "storage", "cache"');
        }
        if (deps.isJson(c)) return c.body(null, 204);
        return c.redirect(returnTo.toString(), 303);
      } catch (err) {
        return deps.errorManager.forward(c, err);
      }
    },

    async logoutApi(c) {
      const body = decode<{ session_token?: string } | null>(await readJson(c), {
        struct: 'performNativeLogoutBody',
        fields: { session_token: 'string' },
      });
      const token = body?.session_token ?? '';
      if (!token || !deps.sessionPersister.revokeByTokenHash(hashToken(token))) {
        throw forbidden(
          'The provided Ory Session Token could not be found, is invalid, or otherwise malformed.',
        );
      }
      return c.body(null, 204);
    },
  };
}
