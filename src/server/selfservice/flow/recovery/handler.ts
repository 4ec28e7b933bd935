// Recovery endpoints (selfservice/flow/recovery/handler.go): init for browsers and native apps (not while
// signed in), fetch, and submit (POST, and GET for the links in emails). Recovery is off unless
// `selfservice.flows.recovery.enabled` is true.
import type { Context } from 'hono';
import { alreadySignedInResponse } from './signed-in';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { KratosError, noRows } from '../../../errors/errors';
import { toKratosError } from '../../../errors/writer';
import type { Csrf } from '../../../http/csrf';
import type { SessionManager } from '../../../session/manager';
import { requestInfo } from '../../../session/manager';
import { recoveryNoStrategyFound } from '../../../text/recovery';
import { alreadyLoggedIn, flowExpired, getExpired, invalidFlowId } from '../errors';
import { isExpired, type StoredFlow } from '../model';
import type { FlowService } from '../service';
import { NOT_RESPONSIBLE } from '../strategy';
import { uiError } from '../ui-error';
import { recoveryDisabled, recoveryFlowNotFound, writeRecoveryError } from './errors';
import type { RecoveryFlowManager } from './manager';
import { SKIP_CSRF_CHECK } from './strategy';

export const ROUTE_RECOVERY_BROWSER = '/self-service/recovery/browser';
export const ROUTE_RECOVERY_API = '/self-service/recovery/api';
export const ROUTE_RECOVERY_FLOWS = '/self-service/recovery/flows';
export const ROUTE_RECOVERY = '/self-service/recovery';

export interface RecoveryHandlerDeps {
  flows: FlowService;
  csrf: Csrf;
  sessionManager: SessionManager;
  recoveryFlows: RecoveryFlowManager;
}

type Handler = (c: Context) => Promise<Response> | Response;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function recoveryHandlers(
  deps: RecoveryHandlerDeps,
): Record<'initBrowser' | 'initApi' | 'get' | 'submit', Handler> {
  const { flows, recoveryFlows } = deps;
  const writeError = (c: Context, err: unknown): Response => {
    const e = toKratosError(err);
    return c.json(e.toJSON(), e.status as ContentfulStatusCode);
  };
  const signedIn = (c: Context): boolean =>
    deps.sessionManager.optionalFromRequest(requestInfo(c)) !== undefined;

  return {
    initBrowser(c) {
      if (signedIn(c)) return alreadySignedInResponse(flows, c);
      if (!recoveryFlows.enabled()) return flows.forward(c, undefined, recoveryDisabled());
      let flow: StoredFlow;
      try {
        flow = recoveryFlows.newFlow(c, 'browser');
      } catch (err) {
        return flows.forward(c, undefined, err);
      }
      flows.save(flow);
      return flows.sendInit(c, flow);
    },

    initApi(c) {
      if (signedIn(c)) return writeError(c, alreadyLoggedIn('recovery'));
      if (!recoveryFlows.enabled()) return flows.forward(c, undefined, recoveryDisabled());
      try {
        const flow = recoveryFlows.newFlow(c, 'api');
        flows.save(flow);
        return flows.json(c, flow, 200);
      } catch (err) {
        return writeError(c, err);
      }
    },

    get(c) {
      if (!recoveryFlows.enabled()) return flows.forward(c, undefined, recoveryDisabled());
      try {
        const id = c.req.query('id') ?? '';
        // x.ParseUUID: a malformed id is the nil UUID, which no flow has.
        if (!UUID.test(id)) throw noRows();
        const flow = flows.find('recovery', id);
        if (flow.type === 'browser' && flow.internal[SKIP_CSRF_CHECK] !== true) {
          const token = deps.csrf.fromRequest(c.req.raw.headers);
          if (!token || !deps.csrf.matches(token, flow.csrf_token)) {
            throw deps.csrf.violation(c.req.raw.headers, undefined, false);
          }
        }
        const now = flows.now();
        if (isExpired(flow, now)) {
          if (flow.type === 'browser') {
            throw getExpired('recovery', 'browser', flows.config.baseURL('public'), flow.return_to);
          }
          // Recovery answers API clients with the expired-flow error (no replacement) and where to start.
          const e = flowExpired(new Date(flow.expires_at), now, '00000000-0000-0000-0000-000000000000');
          throw new KratosError({
            status: e.status,
            id: e.id as string,
            message: e.message,
            reason: e.reason as string,
            details: { api: new URL(ROUTE_RECOVERY_API.slice(1), flows.config.baseURL('public')).toString() },
            extra: e.extra as Record<string, unknown>,
          });
        }
        return flows.json(c, flow, 200);
      } catch (err) {
        return writeError(c, err);
      }
    },

    async submit(c) {
      const errorDeps = { flows, recoveryFlows };
      let flow: StoredFlow;
      try {
        const id = c.req.query('flow');
        if (!id || !UUID.test(id)) throw invalidFlowId();
        try {
          flow = flows.find('recovery', id);
        } catch (err) {
          throw err instanceof KratosError && err.status === 404 ? recoveryFlowNotFound() : err;
        }
      } catch (err) {
        return writeRecoveryError(errorDeps, c, undefined, 'default', err);
      }
      if (isExpired(flow, flows.now())) {
        const err = flowExpired(new Date(flow.expires_at), flows.now());
        return writeRecoveryError(errorDeps, c, flow, 'default', err);
      }

      for (const strategy of recoveryFlows.all()) {
        let result: Response | typeof NOT_RESPONSIBLE | undefined;
        try {
          result = await strategy.recover(c, flow);
        } catch (err) {
          return writeRecoveryError(errorDeps, c, flow, strategy.group, err);
        }
        if (result === NOT_RESPONSIBLE) continue;
        if (result instanceof Response) return result;
        if (flow.type === 'browser' && !flows.isJson(c)) return c.redirect(flows.uiLocation(flow), 303);
        // The stored flow, with the transient payload of this submission (Kratos copies it over).
        return flows.json(c, flow, 200);
      }
      return writeRecoveryError(errorDeps, c, flow, 'default', uiError(recoveryNoStrategyFound()));
    },
  };
}
