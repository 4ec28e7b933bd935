// Registration endpoints (selfservice/flow/registration/handler.go): init, fetch, submit.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { toKratosError } from '../../../errors/writer';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import type { SessionManager } from '../../../session/manager';
import { requestInfo } from '../../../session/manager';
import { registrationNoStrategyFound, registrationRetrySuccess } from '../../../text/registration';
import { decodeFlowBody } from '../body';
import { returnToPolicy } from '../config';
import { alreadyLoggedIn } from '../errors';
import type { StoredFlow } from '../model';
import type { FlowPolicy, FlowService } from '../service';
import { NOT_RESPONSIBLE, type RegistrationStrategy } from '../strategy';
import { uiError } from '../ui-error';
import { completeRegistration, type PostRegistrationDeps } from './hook';
import { AlreadyRegistered, type RegistrationFlowManager } from './manager';
import { registrationPolicy } from './policy';

export const ROUTE_REGISTRATION_BROWSER = '/self-service/registration/browser';
export const ROUTE_REGISTRATION_API = '/self-service/registration/api';
export const ROUTE_REGISTRATION_FLOWS = '/self-service/registration/flows';
export const ROUTE_REGISTRATION = '/self-service/registration';

export interface RegistrationHandlerDeps extends PostRegistrationDeps {
  flows: FlowService;
  sessionManager: SessionManager;
  registrationFlows: RegistrationFlowManager;
  registrationStrategies: RegistrationStrategy[];
  schemas: IdentitySchemaRegistry;
}

type Handler = (c: Context) => Promise<Response> | Response;

export function registrationHandlers(
  deps: RegistrationHandlerDeps,
): Record<'initBrowser' | 'initApi' | 'get' | 'submit', Handler> & { policy: FlowPolicy } {
  const { flows } = deps;
  const policy = registrationPolicy(
    (f) => deps.registrationFlows.sort(f),
    async (c, old) => {
      const fresh = await deps.registrationFlows.newRegistrationFlow(c, old.type, {
        requestUrl: old.request_url,
      });
      if (old.identity_schema) fresh.identity_schema = old.identity_schema;
      return fresh;
    },
  );

  return {
    policy,

    async initBrowser(c) {
      try {
        const flow = await deps.registrationFlows.newRegistrationFlow(c, 'browser');
        flows.save(flow);
        return flows.sendInit(c, flow);
      } catch (err) {
        if (err instanceof AlreadyRegistered) return flows.alreadySignedIn(c, 'registration');
        return flows.forward(c, undefined, err);
      }
    },

    async initApi(c) {
      try {
        const flow = await deps.registrationFlows.newRegistrationFlow(c, 'api');
        flows.save(flow);
        return flows.json(c, flow, 200);
      } catch (err) {
        const e = err instanceof AlreadyRegistered ? alreadyLoggedIn('registration') : toKratosError(err);
        return c.json(e.toJSON(), e.status as ContentfulStatusCode);
      }
    },

    get(c) {
      return flows.fetchForClient(c, 'registration', policy);
    },

    async submit(c) {
      let flow: StoredFlow | undefined;
      try {
        flow = flows.find('registration', c.req.query('flow'));
        return await submit(deps, c, flow, policy);
      } catch (err) {
        return flows.writeFlowError(c, flow, err, policy);
      }
    },
  };
}

async function submit(
  deps: RegistrationHandlerDeps,
  c: Context,
  flow: StoredFlow,
  policy: FlowPolicy,
): Promise<Response> {
  const { flows } = deps;
  if (deps.sessionManager.optionalFromRequest(requestInfo(c))) {
    if (flow.type === 'browser' && !flows.isJson(c)) {
      return c.redirect(returnToPolicy(flows.config).defaultReturnTo.toString(), 302);
    }
    const e = alreadyLoggedIn('registration');
    return c.json(e.toJSON(), 400);
  }
  await flows.assertNotExpired(c, flow, policy);
  if (flow.state === 'passed_challenge') throw uiError(registrationRetrySuccess());

  const decoded = await decodeFlowBody(c, deps.schemas.find(flow.identity_schema ?? '')?.json);
  for (const strategy of deps.registrationStrategies) {
    const result = await strategy.register({
      c,
      req: requestInfo(c),
      flow,
      body: decoded.body,
      json: decoded.json,
    });
    if (result === NOT_RESPONSIBLE) continue;
    if (result instanceof Response) return result;
    const method = strategy.authenticationMethod?.(flow) ?? { method: strategy.id, aal: 'aal1' as const };
    return await completeRegistration(deps, c, flow, result, method);
  }
  throw uiError(registrationNoStrategyFound());
}
