// Verification errors (selfservice/flow/verification/error.go WriteFlowError, handler.go): an expired flow
// is replaced by a new browser flow carrying 4070005; a form problem is written into the flow (which then
// belongs to the group that raised it, as Kratos records); anything else is an error response.
import type { Context } from 'hono';
import type { KratosError } from '../../../errors/errors';
import { badRequest, notFound } from '../../../errors/errors';
import { verificationFlowExpired } from '../../../text/verification';
import { addMessage } from '../../../ui/container';
import type { UiNodeGroup } from '../../../ui/types';
import { isFlowExpired } from '../errors';
import type { StoredFlow } from '../model';
import type { FlowService } from '../service';
import { applyErrorToUi, statusOf } from '../ui-error';
import type { VerificationFlowManager } from './manager';
import { flowsUrl, saveFlow } from './respond';

export const verificationDisabled = (): KratosError =>
  badRequest('Verification is not allowed because it was disabled.');

export const verificationFlowNotFound = (): KratosError =>
  notFound('The verification request could not be found. Please restart the flow.');

export interface VerificationErrorDeps {
  flows: FlowService;
  verificationFlows: VerificationFlowManager;
}

export function writeVerificationError(
  deps: VerificationErrorDeps,
  c: Context,
  flow: StoredFlow | undefined,
  group: UiNodeGroup,
  err: unknown,
): Response {
  const { flows } = deps;
  if (!flow) return flows.forward(c, undefined, err);
  if (isFlowExpired(err)) {
    let fresh: StoredFlow;
    try {
      fresh = deps.verificationFlows.replacement(c, flow);
    } catch (e) {
      return flows.forward(c, undefined, e);
    }
    addMessage(fresh.ui, verificationFlowExpired(new Date(flow.expires_at), flows.now()));
    saveFlow(flows, fresh);
    if (fresh.type === 'api' || flows.isJson(c)) return c.redirect(flowsUrl(flows, fresh.id), 303);
    return c.redirect(flows.uiLocation(fresh), 303);
  }
  if (!applyErrorToUi(flow.ui, err)) return flows.forward(c, flow, err);
  flow.active = group;
  saveFlow(flows, flow);
  if (flow.type === 'browser' && !flows.isJson(c)) return c.redirect(flows.uiLocation(flow), 303);
  // The answer is the flow as stored: the submitted transient payload is not part of it.
  delete flow.transient_payload;
  return flows.json(c, flow, statusOf(err));
}
