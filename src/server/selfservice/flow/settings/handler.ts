// Settings endpoints (selfservice/flow/settings/handler.go): init for browsers and native apps, fetch,
// submit (POST, and GET to resume a change paused for re-authentication), /.well-known/change-password.
// Every endpoint needs a session; the flow belongs to its identity.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { noRows } from '../../../errors/errors';
import { toKratosError } from '../../../errors/writer';
import type { CurrentSession, SessionManager } from '../../../session/manager';
import { requestInfo } from '../../../session/manager';
import { noActiveSession } from '../../../session/errors';
import { settingsRequiredAal, uiUrl } from '../config';
import { getExpired } from '../errors';
import { isExpired, type StoredFlow } from '../model';
import type { FlowService } from '../service';
import {
  madeForAnotherIdentity,
  sessionCookieOrTokenMissing,
  sessionRequired,
  settingsFlowNotFound,
} from './errors';
import type { SettingsFlowManager } from './manager';
import { settingsPolicy } from './policy';
import { submitSettings, type SettingsSubmitDeps } from './submit';
import { writeSettingsError } from './write-error';

export const ROUTE_SETTINGS_BROWSER = '/self-service/settings/browser';
export const ROUTE_SETTINGS_API = '/self-service/settings/api';
export const ROUTE_SETTINGS_FLOWS = '/self-service/settings/flows';
export const ROUTE_SETTINGS = '/self-service/settings';
export const ROUTE_CHANGE_PASSWORD = '/.well-known/change-password';

export interface SettingsHandlerDeps extends SettingsSubmitDeps {
  flows: FlowService;
  sessionManager: SessionManager;
  settingsFlows: SettingsFlowManager;
  schemaUrl(schemaId: string): string;
}

type Handler = (c: Context) => Promise<Response> | Response;
type Names = 'initBrowser' | 'initApi' | 'get' | 'submit' | 'changePassword';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function settingsHandlers(deps: SettingsHandlerDeps): Record<Names, Handler> {
  const { flows, sessionManager } = deps;
  const policy = settingsPolicy(deps);
  const session = (c: Context): CurrentSession | undefined =>
    sessionManager.optionalFromRequest(requestInfo(c));
  const jsonError = (c: Context, err: unknown): Response => {
    const e = toKratosError(err);
    return c.json(e.toJSON(), e.status as ContentfulStatusCode);
  };
  /** settings.OnUnauthenticated: JSON clients get 401, browsers go to the login UI (302). */
  const unauthenticated = (c: Context): Response =>
    flows.isJson(c)
      ? jsonError(c, sessionCookieOrTokenMissing())
      : c.redirect(uiUrl(flows.config, 'login'), 302);
  const requiredAal = (): 'aal1' | 'highest_available' => settingsRequiredAal(flows.config);

  return {
    async initBrowser(c) {
      const current = session(c);
      if (!current) {
        if (flows.isJson(c)) return jsonError(c, noActiveSession());
        // The login flow takes over the settings request's return_to (redir.TakeOverReturnToParameter).
        const login = new URL('self-service/login/browser', flows.config.baseURL('public'));
        const returnTo = new URL(c.req.url).searchParams.get('return_to');
        if (returnTo) login.searchParams.set('return_to', returnTo);
        return c.redirect(login.toString(), 303);
      }
      try {
        const withReturnTo = new URL(c.req.url).searchParams.has('return_to') ? c.req.url : undefined;
        sessionManager.assertAal(current.session, current.identity, requiredAal(), withReturnTo);
      } catch (err) {
        return writeSettingsError(deps, c, undefined, err, policy);
      }
      try {
        const flow = await deps.settingsFlows.newSettingsFlow(c, current.identity, 'browser');
        return flows.sendInit(c, flow, policy);
      } catch (err) {
        return flows.forward(c, undefined, err);
      }
    },

    async initApi(c) {
      const current = session(c);
      if (!current) return jsonError(c, sessionRequired());
      try {
        sessionManager.assertAal(current.session, current.identity, requiredAal());
        const flow = await deps.settingsFlows.newSettingsFlow(c, current.identity, 'api');
        return flows.json(c, flow, 200, policy);
      } catch (err) {
        return jsonError(c, err);
      }
    },

    get(c) {
      const current = session(c);
      if (!current) return unauthenticated(c);
      try {
        const id = c.req.query('id') ?? '';
        const flow = UUID.test(id) ? flows.findOptional('settings', id) : undefined;
        if (!flow) throw noRows();
        if (flow.identity_id !== current.identity.id) throw madeForAnotherIdentity();
        const ui = new URL(uiUrl(flows.config, 'settings'));
        ui.searchParams.set('flow', flow.id);
        sessionManager.assertAal(current.session, current.identity, requiredAal(), ui.toString());
        if (isExpired(flow, flows.now())) {
          throw getExpired('settings', flow.type, flows.config.baseURL('public'), flow.return_to);
        }
        return flows.json(c, flow, 200, policy);
      } catch (err) {
        return jsonError(c, err);
      }
    },

    async submit(c) {
      const current = session(c);
      if (!current) return unauthenticated(c);
      let flow: StoredFlow | undefined;
      try {
        flow = flows.find('settings', c.req.query('flow'));
      } catch (err) {
        const notFound = toKratosError(err).status === 404;
        return writeSettingsError(deps, c, undefined, notFound ? settingsFlowNotFound() : err, policy);
      }
      try {
        return await submitSettings(deps, c, flow, current, policy);
      } catch (err) {
        return writeSettingsError(deps, c, flow, err, policy);
      }
    },

    changePassword(c) {
      return c.redirect(uiUrl(flows.config, 'settings'), 303);
    },
  };
}
