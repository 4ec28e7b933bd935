// Login endpoints (selfservice/flow/login/handler.go): init for browsers and native apps, fetch, submit.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { toKratosError } from '../../../errors/writer';
import type { CurrentSession, SessionManager } from '../../../session/manager';
import { requestInfo } from '../../../session/manager';
import { loginNoStrategyFound, loginRetrySuccess } from '../../../text/login';
import { decodeFlowBody } from '../body';
import { returnToPolicy } from '../config';
import { alreadyLoggedIn, sessionRequiredForHigherAal } from '../errors';
import type { StoredFlow } from '../model';
import type { FlowPolicy, FlowService } from '../service';
import { type LoginStrategy, NOT_RESPONSIBLE } from '../strategy';
import { uiError } from '../ui-error';
import { completeLogin, type PostLoginDeps } from './hook';
import { AlreadyLoggedIn, type LoginFlowManager } from './manager';
import { loginPolicy } from './policy';
import type { IdentitySchemaRegistry } from '../../../schema/registry';

export const ROUTE_LOGIN_BROWSER = '/self-service/login/browser';
export const ROUTE_LOGIN_API = '/self-service/login/api';
export const ROUTE_LOGIN_FLOWS = '/self-service/login/flows';
export const ROUTE_LOGIN = '/self-service/login';

export interface LoginHandlerDeps extends PostLoginDeps {
  flows: FlowService;
  sessionManager: SessionManager;
  loginFlows: LoginFlowManager;
  loginStrategies: LoginStrategy[];
  schemas: IdentitySchemaRegistry;
}

type Handler = (c: Context) => Promise<Response> | Response;

export function loginHandlers(
  deps: LoginHandlerDeps,
): Record<'initBrowser' | 'initApi' | 'get' | 'submit', Handler> & { policy: FlowPolicy } {
  const { flows } = deps;
  const policy = loginPolicy(async (c, old) => {
    const fresh = await deps.loginFlows
      .newLoginFlow(c, old.type, { requestUrl: old.request_url })
      .catch(async () =>
        // The old flow's parameters may no longer apply (e.g. the session went away): start plainly.
        deps.loginFlows.newLoginFlow(c, old.type, {
          requestUrl: new URL(ROUTE_LOGIN_BROWSER, old.request_url).toString(),
        }),
      );
    if (old.identity_schema) fresh.identity_schema = old.identity_schema;
    return fresh;
  });

  return {
    policy,

    async initBrowser(c) {
      try {
        const flow = await deps.loginFlows.newLoginFlow(c, 'browser');
        flows.save(flow);
        return (await fastLogin(deps, c, flow)) ?? flows.sendInit(c, flow);
      } catch (err) {
        if (err instanceof AlreadyLoggedIn) return flows.alreadySignedIn(c, 'login');
        return flows.forward(c, undefined, err);
      }
    },

    async initApi(c) {
      try {
        const flow = await deps.loginFlows.newLoginFlow(c, 'api');
        flows.save(flow);
        return (await fastLogin(deps, c, flow)) ?? flows.json(c, flow, 200);
      } catch (err) {
        const e = err instanceof AlreadyLoggedIn ? alreadyLoggedIn('login') : toKratosError(err);
        return c.json(e.toJSON(), e.status as ContentfulStatusCode);
      }
    },

    get(c) {
      return flows.fetchForClient(c, 'login', policy);
    },

    async submit(c) {
      let flow: StoredFlow | undefined;
      try {
        flow = flows.find('login', c.req.query('flow'));
        return await submit(deps, c, flow, policy);
      } catch (err) {
        return flows.writeFlowError(c, flow, err, policy);
      }
    },
  };
}

async function submit(
  deps: LoginHandlerDeps,
  c: Context,
  flow: StoredFlow,
  policy: FlowPolicy,
): Promise<Response> {
  const { flows } = deps;
  const session = deps.sessionManager.optionalFromRequest(requestInfo(c));
  let current: CurrentSession | undefined;
  if (session) {
    const higher = (flow.requested_aal ?? 'aal1') > session.session.authenticator_assurance_level;
    if (flow.refresh || higher) {
      current = session;
    } else if (flows.isJson(c) || flow.type === 'api') {
      throw alreadyLoggedIn('login');
    } else {
      return c.redirect(returnToPolicy(flows.config).defaultReturnTo.toString(), 303);
    }
  } else if ((flow.requested_aal ?? 'aal1') !== 'aal1') {
    throw sessionRequiredForHigherAal();
  }

  await flows.assertNotExpired(c, flow, policy);
  if (flow.state === 'passed_challenge') throw uiError(loginRetrySuccess());

  const schemaJson = deps.schemas.find(flow.identity_schema ?? '')?.json;
  const decoded = await decodeFlowBody(c, schemaJson);
  for (const strategy of deps.loginStrategies) {
    const result = await strategy.login({
      c,
      req: requestInfo(c),
      flow,
      body: decoded.body,
      json: decoded.json,
      ...(current ? { session: current } : {}),
    });
    if (result === NOT_RESPONSIBLE) continue;
    if (result instanceof Response) return result;
    flow.active = strategy.id;
    if (current && current.identity.id !== result.id) current = undefined;
    return await completeLogin(deps, c, flow, result, strategy.authenticationMethod(flow), current);
  }
  throw uiError(loginNoStrategyFound());
}

/**
 * NewLoginFlow's fast path (FastLogin2FA): once an aal2 flow is stored, the first strategy that takes it
 * (the code method with a single address) performs the first step and answers the init request itself.
 */
async function fastLogin(
  deps: LoginHandlerDeps,
  c: Context,
  flow: StoredFlow,
): Promise<Response | undefined> {
  if ((flow.requested_aal ?? 'aal1') !== 'aal2') return undefined;
  const session = deps.sessionManager.optionalFromRequest(requestInfo(c));
  if (!session) return undefined;
  for (const strategy of deps.loginStrategies) {
    if (!strategy.fastLogin) continue;
    const answer = await strategy.fastLogin({ c, flow, session });
    if (answer !== NOT_RESPONSIBLE) return answer;
  }
  return undefined;
}
