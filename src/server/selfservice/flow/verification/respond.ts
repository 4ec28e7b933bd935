// How verification answers once a method is done, and the two ways Kratos's methods restart a flow: the
// code method answers JSON clients with 410 self_service_flow_replaced (use_flow_id), the link method
// sends non-browser flows to `GET /self-service/verification/flows?id=` (selfservice/strategy/code/
// strategy_verification.go, selfservice/strategy/link/strategy_verification.go).
import type { Context } from 'hono';
import type { KratosError } from '../../../errors/errors';
import { gone } from '../../../errors/errors';
import { negotiate } from '../../../http/negotiate';
import type { UiText } from '../../../text/message';
import { addMessage, clearMessages } from '../../../ui/container';
import type { FlowType, StoredFlow } from '../model';
import type { FlowService } from '../service';
import { applyErrorToUi } from '../ui-error';
import { flowExpired, isFlowExpired } from '../errors';

/** x.IsBrowserRequest: the Accept header prefers HTML (no Accept header counts as a browser). */
export function isBrowserRequest(c: Context): boolean {
  return (
    negotiate(c.req.header('accept'), ['text/html', 'text/*', '*/*', 'application/json'], 'text/html') ===
    'text/html'
  );
}

/**
 * Stores a recovery or verification flow. The submitted transient payload is kept for this response and
 * the messages sent now, but never stored (Kratos: `db:"-"`).
 */
export function saveFlow(flows: FlowService, flow: StoredFlow): void {
  const { transient_payload: _notStored, ...stored } = flow;
  flows.save(stored);
  flow.updated_at = stored.updated_at;
}

/**
 * The CSRF token for a flow's form: the browser's (its cookie is set when missing); API flows keep theirs,
 * so native clients are never handed a cookie (which would make their next request look like a browser's).
 */
export function csrfFor(flows: FlowService, c: Context, flow: StoredFlow): string {
  return flow.type === 'browser' ? flows.csrfToken(c) : flow.csrf_token;
}

export function flowsUrl(
  flows: FlowService,
  id: string,
  kind: 'verification' | 'recovery' = 'verification',
): string {
  const url = new URL(`self-service/${kind}/flows`, flows.config.baseURL('public'));
  url.searchParams.set('id', id);
  return url.toString();
}

/** 410 self_service_flow_replaced: the client must continue with `use_flow_id`. */
export function flowReplaced(reason: string, useFlowId: string): KratosError {
  return gone(reason, {
    id: 'self_service_flow_replaced',
    message: 'self-service flow replaced',
    extra: { use_flow_id: useFlowId },
  });
}

/** updateVerificationFlowWithMessage: the flow again with one message (browsers go to the UI). */
export function answerWithMessage(
  flows: FlowService,
  c: Context,
  flow: StoredFlow,
  message: UiText,
  status: 200 | 400,
): Response {
  clearMessages(flow.ui);
  addMessage(flow.ui, message);
  saveFlow(flows, flow);
  if (isBrowserRequest(c)) return c.redirect(flows.uiLocation(flow), 303);
  return flows.json(c, flow, status);
}

export type NewFlow = (type: FlowType) => StoredFlow;

/** The code method's retry with a message: JSON clients get 410 replaced, others the new flow's UI. */
export function codeRetryWithMessage(
  flows: FlowService,
  c: Context,
  newFlow: NewFlow,
  type: FlowType,
  message: UiText,
): Response {
  const fresh = newFlow(type);
  addMessage(fresh.ui, message);
  saveFlow(flows, fresh);
  if (flows.isJson(c)) {
    const e = flowReplaced('An error occured, please use the new flow.', fresh.id);
    return c.json(e.toJSON(), 410);
  }
  return c.redirect(flows.uiLocation(fresh), 303);
}

/** The code method's retry after an error (too many codes, a used code, an expired flow). */
export function codeRetryWithError(
  flows: FlowService,
  c: Context,
  newFlow: NewFlow,
  type: FlowType,
  err: unknown,
  expiredMessage: (expiredAt: Date, now: Date) => UiText,
): Response {
  const fresh = newFlow(type);
  let answer: KratosError | undefined;
  if (isFlowExpired(err)) {
    const expiredAt = new Date(String(err.extra?.expired_at));
    addMessage(fresh.ui, expiredMessage(expiredAt, flows.now()));
    answer = flowExpired(expiredAt, flows.now(), fresh.id);
  } else if (!applyErrorToUi(fresh.ui, err)) {
    throw err;
  }
  saveFlow(flows, fresh);
  if (flows.isJson(c)) {
    const e = answer ?? flowReplaced('An error occured, please retry the flow.', fresh.id);
    return c.json(e.toJSON(), e.status as 410);
  }
  return c.redirect(flows.uiLocation(fresh), 303);
}

/** The link method's retry: browser flows go to the UI, others to the flow's JSON endpoint. */
export function linkRetryWithMessage(
  flows: FlowService,
  c: Context,
  newFlow: NewFlow,
  type: FlowType,
  message: UiText,
): Response {
  const fresh = newFlow(type);
  addMessage(fresh.ui, message);
  saveFlow(flows, fresh);
  return c.redirect(type === 'browser' ? flows.uiLocation(fresh) : flowsUrl(flows, fresh.id), 303);
}
