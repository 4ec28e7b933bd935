// Verification endpoints (selfservice/flow/verification/handler.go): init for browsers and native apps,
// fetch, and submit (POST, and GET for the links in emails). Verification is off unless
// `selfservice.flows.verification.enabled` is true.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { KratosError, noRows } from '../../../errors/errors';
import { toKratosError } from '../../../errors/writer';
import type { Csrf } from '../../../http/csrf';
import { verificationNoStrategyFound } from '../../../text/verification';
import { flowExpired, getExpired, invalidFlowId } from '../errors';
import { isExpired, type StoredFlow } from '../model';
import type { FlowService } from '../service';
import { NOT_RESPONSIBLE } from '../strategy';
import { uiError } from '../ui-error';
import { verificationDisabled, verificationFlowNotFound, writeVerificationError } from './errors';
import type { VerificationFlowManager } from './manager';
import { isBrowserRequest } from './respond';

export const ROUTE_VERIFICATION_BROWSER = '/self-service/verification/browser';
export const ROUTE_VERIFICATION_API = '/self-service/verification/api';
export const ROUTE_VERIFICATION_FLOWS = '/self-service/verification/flows';
export const ROUTE_VERIFICATION = '/self-service/verification';

export interface VerificationHandlerDeps {
  flows: FlowService;
  csrf: Csrf;
  verificationFlows: VerificationFlowManager;
}

type Handler = (c: Context) => Promise<Response> | Response;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function verificationHandlers(
  deps: VerificationHandlerDeps,
): Record<'initBrowser' | 'initApi' | 'get' | 'submit', Handler> {
  const { flows, verificationFlows } = deps;
  const writeError = (c: Context, err: unknown): Response => {
    const e = toKratosError(err);
    return c.json(e.toJSON(), e.status as ContentfulStatusCode);
  };

  return {
    initBrowser(c) {
      if (!verificationFlows.enabled()) return flows.forward(c, undefined, verificationDisabled());
      let flow: StoredFlow;
      try {
        flow = verificationFlows.newFlow(c, 'browser');
      } catch (err) {
        return writeError(c, err);
      }
      flows.save(flow);
      return flows.sendInit(c, flow);
    },

    initApi(c) {
      if (!verificationFlows.enabled()) return flows.forward(c, undefined, verificationDisabled());
      try {
        const flow = verificationFlows.newFlow(c, 'api');
        flows.save(flow);
        return flows.json(c, flow, 200);
      } catch (err) {
        return writeError(c, err);
      }
    },

    get(c) {
      if (!verificationFlows.enabled()) return flows.forward(c, undefined, verificationDisabled());
      try {
        const id = c.req.query('id') ?? '';
        // x.ParseUUID: a malformed id is the nil UUID, which no flow has.
        if (!UUID.test(id)) throw noRows();
        const flow = flows.find('verification', id);
        if (flow.type === 'browser') {
          const token = deps.csrf.fromRequest(c.req.raw.headers);
          if (!token || !deps.csrf.matches(token, flow.csrf_token)) {
            throw deps.csrf.violation(c.req.raw.headers, undefined, false);
          }
        }
        if (isExpired(flow, flows.now())) {
          throw getExpired('verification', flow.type, flows.config.baseURL('public'), flow.return_to);
        }
        return flows.json(c, flow, 200);
      } catch (err) {
        return writeError(c, err);
      }
    },

    async submit(c) {
      const errorDeps = { flows, verificationFlows };
      let flow: StoredFlow;
      try {
        const id = c.req.query('flow');
        if (!id || !UUID.test(id)) throw invalidFlowId();
        try {
          flow = flows.find('verification', id);
        } catch (err) {
          throw err instanceof KratosError && err.status === 404 ? verificationFlowNotFound() : err;
        }
      } catch (err) {
        return writeVerificationError(errorDeps, c, undefined, 'default', err);
      }
      if (isExpired(flow, flows.now())) {
        const err = flowExpired(new Date(flow.expires_at), flows.now());
        return writeVerificationError(errorDeps, c, flow, 'default', err);
      }

      for (const strategy of verificationFlows.all()) {
        // A flow belongs to the method that started it; the other primary method is not asked.
        if (flow.active && flow.active !== strategy.id) continue;
        let result: Response | typeof NOT_RESPONSIBLE | undefined;
        try {
          result = await strategy.verify(c, flow);
        } catch (err) {
          return writeVerificationError(errorDeps, c, flow, strategy.group, err);
        }
        if (result === NOT_RESPONSIBLE) continue;
        if (result instanceof Response) return result;
        if (isBrowserRequest(c)) return c.redirect(flows.uiLocation(flow), 303);
        return flows.json(c, withoutTransientPayload(flow), 200);
      }
      return writeVerificationError(errorDeps, c, flow, 'default', uiError(verificationNoStrategyFound()));
    },
  };
}

/** The handler answers with the flow as stored: the submitted transient payload is not part of it. */
function withoutTransientPayload(flow: StoredFlow): StoredFlow {
  const { transient_payload: _dropped, ...rest } = flow;
  return rest;
}
