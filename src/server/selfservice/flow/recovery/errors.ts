// Recovery errors (selfservice/flow/recovery/error.go WriteFlowError, handler.go): an expired flow is
// replaced by a new flow carrying 4060005 (JSON and API clients are sent to the new flow's JSON, or get 410
// with continue_with under `feature_flags.use_continue_with_transitions`); a form problem is written into
// the flow, which then belongs to the group that raised it; anything else is an error response.
import type { Context } from 'hono';
import { badRequest, KratosError, notFound } from '../../../errors/errors';
import { recoveryFlowExpired } from '../../../text/recovery';
import { addMessage, clearMessages } from '../../../ui/container';
import type { UiNodeGroup } from '../../../ui/types';
import { flowExpired, isFlowExpired } from '../errors';
import type { StoredFlow } from '../model';
import type { FlowService } from '../service';
import { applyErrorToUi, statusOf } from '../ui-error';
import { flowsUrl, saveFlow } from '../verification/respond';
import { useContinueWithTransitions } from './config';
import type { RecoveryFlowManager } from './manager';

export const recoveryDisabled = (): KratosError =>
  badRequest('Recovery is not allowed because it was disabled.');

export const recoveryFlowNotFound = (): KratosError =>
  notFound('The recovery request could not be found. Please restart the flow.');

/** flow.NewContinueWithRecoveryUI. */
export const showRecoveryUi = (flowId: string): Record<string, unknown> => ({
  action: 'show_recovery_ui',
  flow: { id: flowId },
});

export interface RecoveryErrorDeps {
  flows: FlowService;
  recoveryFlows: RecoveryFlowManager;
}

export function writeRecoveryError(
  deps: RecoveryErrorDeps,
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
      fresh = deps.recoveryFlows.replacement(c, flow);
    } catch (e) {
      return flows.forward(c, undefined, e);
    }
    const expiredAt = new Date(flow.expires_at);
    addMessage(fresh.ui, recoveryFlowExpired(expiredAt, flows.now()));
    saveFlow(flows, fresh);
    if (useContinueWithTransitions(flows.config) && fresh.type === 'api') {
      const e = flowExpired(expiredAt, flows.now(), fresh.id);
      const withContinue = new KratosError({
        status: e.status,
        id: e.id as string,
        message: e.message,
        reason: e.reason as string,
        details: { continue_with: [showRecoveryUi(fresh.id)] },
        extra: e.extra as Record<string, unknown>,
      });
      return c.json(withContinue.toJSON(), 410);
    }
    if (fresh.type === 'api' || flows.isJson(c)) {
      return c.redirect(flowsUrl(flows, fresh.id, 'recovery'), 303);
    }
    return c.redirect(flows.uiLocation(fresh), 303);
  }
  clearMessages(flow.ui);
  if (!applyErrorToUi(flow.ui, err)) return flows.forward(c, flow, err);
  flow.active = group;
  saveFlow(flows, flow);
  if (flow.type === 'browser' && !flows.isJson(c)) return c.redirect(flows.uiLocation(flow), 303);
  // The answer is the flow as stored: the submitted transient payload is not part of it.
  delete flow.transient_payload;
  return flows.json(c, flow, statusOf(err));
}
