// Restarting a recovery flow after a problem, the way each Kratos method does it: the code method
// (strategy_recovery.go retryRecoveryFlow) sends JSON clients to the new flow's JSON (or, with
// `use_continue_with_transitions`, answers with the error and a show_recovery_ui continue_with); the link
// method (strategy_recovery.go retryRecoveryFlowWith*) sends browser flows to the UI and others to the
// flow's JSON.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { badRequest, KratosError } from '../../../errors/errors';
import { recoveryFlowExpired } from '../../../text/recovery';
import type { UiText } from '../../../text/message';
import { addMessage } from '../../../ui/container';
import { isFlowExpired } from '../errors';
import type { FlowType, StoredFlow } from '../model';
import type { FlowService } from '../service';
import { applyErrorToUi } from '../ui-error';
import { flowsUrl, saveFlow } from '../verification/respond';
import { useContinueWithTransitions } from './config';
import { showRecoveryUi } from './errors';

export type NewRecoveryFlow = (type: FlowType) => StoredFlow;

export interface RetryCause {
  message?: UiText;
  error?: unknown;
}

/** Writes the cause into a new flow: a message, the expired message, or the error as form messages. */
function newFlowWith(
  flows: FlowService,
  newFlow: NewRecoveryFlow,
  type: FlowType,
  cause: RetryCause,
): StoredFlow {
  const fresh = newFlow(type);
  if (cause.message) addMessage(fresh.ui, cause.message);
  if (cause.error !== undefined) {
    if (isFlowExpired(cause.error)) {
      addMessage(fresh.ui, recoveryFlowExpired(new Date(String(cause.error.extra?.expired_at)), flows.now()));
    } else if (!applyErrorToUi(fresh.ui, cause.error)) {
      throw cause.error;
    }
  }
  saveFlow(flows, fresh);
  return fresh;
}

export function codeRetry(
  flows: FlowService,
  c: Context,
  newFlow: NewRecoveryFlow,
  type: FlowType,
  cause: RetryCause,
): Response {
  const fresh = newFlowWith(flows, newFlow, type, cause);
  if (flows.isJson(c)) {
    if (useContinueWithTransitions(flows.config)) {
      const base =
        cause.error instanceof KratosError ? cause.error : badRequest(cause.message?.text ?? undefined);
      const e = new KratosError({
        status: base.status,
        ...(base.id ? { id: base.id } : {}),
        message: base.message,
        ...(base.reason ? { reason: base.reason } : {}),
        details: { ...(base.details ?? {}), continue_with: [showRecoveryUi(fresh.id)] },
      });
      return c.json(e.toJSON(), e.status as ContentfulStatusCode);
    }
    return c.redirect(flowsUrl(flows, fresh.id, 'recovery'), 303);
  }
  return c.redirect(flows.uiLocation(fresh), 303);
}

export function linkRetry(
  flows: FlowService,
  c: Context,
  newFlow: NewRecoveryFlow,
  type: FlowType,
  cause: RetryCause,
): Response {
  const fresh = newFlowWith(flows, newFlow, type, cause);
  return c.redirect(
    type === 'browser' ? flows.uiLocation(fresh) : flowsUrl(flows, fresh.id, 'recovery'),
    303,
  );
}
