// Link recovery (selfservice/strategy/link/strategy_recovery.go): the email address, then an email with
// `GET /self-service/recovery?flow=&token=`, which passes the challenge in the browser that opens it. An
// unknown or used token restarts the flow with 4060004, an expired one with 4060005.
import type { Context } from 'hono';
import { alreadySignedInResponse } from '../../flow/recovery/signed-in';
import { noRows } from '../../../errors/errors';
import type { SessionManager } from '../../../session/manager';
import { requestInfo } from '../../../session/manager';
import {
  recoveryEmailSent,
  recoveryFlowExpired,
  recoveryRetrySuccess,
  recoveryStateFailure,
  recoveryTokenInvalidOrAlreadyUsed,
} from '../../../text/recovery';
import { appendNode, setCsrf, setMessage, upsertNode } from '../../../ui/container';
import { methodEnabled } from '../../flow/config';
import { methodDisabled } from '../../flow/errors';
import type { FlowType, StoredFlow } from '../../flow/model';
import { completeRecovery, type RecoveryCompletionDeps } from '../../flow/recovery/complete';
import type { RecoveryFlowManager } from '../../flow/recovery/manager';
import { decodeMethodBody, type MethodBody } from '../../flow/recovery/method-body';
import { linkRetry } from '../../flow/recovery/retry';
import type { RecoveryStrategy } from '../../flow/recovery/strategy';
import { NOT_RESPONSIBLE, type NotResponsible } from '../../flow/strategy';
import { requiredFields } from '../../flow/ui-error';
import { csrfFor, saveFlow } from '../../flow/verification/respond';
import { markRecoveryAddressVerified } from '../code/recovery';
import { CODE_TYPE_SELF_SERVICE } from '../code/persister';
import { linkEmailInput, linkSubmit } from './nodes';
import { type LinkSenderDeps, sendRecoveryLink } from './sender';

export interface LinkRecoveryDeps extends LinkSenderDeps, RecoveryCompletionDeps {
  sessionManager: SessionManager;
  recoveryFlows(): RecoveryFlowManager;
}

export function linkRecoveryStrategy(deps: LinkRecoveryDeps): RecoveryStrategy {
  const { flows } = deps;

  const strategy: RecoveryStrategy = {
    id: 'link',
    group: 'link',

    populateRecovery(_c, flow) {
      setCsrf(flow.ui, flow.csrf_token);
      upsertNode(flow.ui, linkEmailInput());
      appendNode(flow.ui, linkSubmit());
    },

    async recover(c, flow): Promise<Response | NotResponsible | undefined> {
      const { body, json } = await decodeMethodBody(c, 'recovery');
      if (body.transient_payload) flow.transient_payload = body.transient_payload;
      const newFlow = (type: FlowType): StoredFlow => deps.recoveryFlows().newFlow(c, type, { strategy });

      if (body.token) {
        if (!methodEnabled(flows.config, 'link')) throw methodDisabled();
        return useToken(c, flow, body.token, newFlow);
      }
      if (deps.sessionManager.optionalFromRequest(requestInfo(c))) return alreadySignedIn(c);
      if (body.method !== 'link') return NOT_RESPONSIBLE;
      if (!methodEnabled(flows.config, 'link')) throw methodDisabled();
      switch (flow.state) {
        case 'choose_method':
        case 'sent_email':
          return sendLink(c, flow, body, json);
        case 'passed_challenge':
          return linkRetry(flows, c, newFlow, flow.type, { message: recoveryRetrySuccess() });
        default:
          return linkRetry(flows, c, newFlow, flow.type, { message: recoveryStateFailure() });
      }
    },
  };

  const alreadySignedIn = (c: Context): Response => alreadySignedInResponse(flows, c);

  /** HandleRecoveryError: the email input keeps what was typed. */
  const keepEmail = (c: Context, flow: StoredFlow, email: string | undefined, err: unknown): unknown => {
    setCsrf(flow.ui, csrfFor(flows, c, flow));
    upsertNode(flow.ui, linkEmailInput(email ?? ''));
    return err;
  };

  const sendLink = async (
    c: Context,
    flow: StoredFlow,
    body: MethodBody,
    json: boolean,
  ): Promise<undefined> => {
    if (!body.email) throw keepEmail(c, flow, body.email, requiredFields(['email']));
    try {
      flows.ensureCsrf(c, flow, body.csrf_token, json);
    } catch (err) {
      throw keepEmail(c, flow, body.email, err);
    }
    await sendRecoveryLink(deps, flow, 'email', body.email);
    setCsrf(flow.ui, csrfFor(flows, c, flow));
    upsertNode(flow.ui, linkEmailInput(body.email));
    flow.active = 'link';
    flow.state = 'sent_email';
    setMessage(flow.ui, recoveryEmailSent());
    saveFlow(flows, flow);
    return undefined;
  };

  /** recoveryUseToken. */
  const useToken = async (
    c: Context,
    flow: StoredFlow,
    token: string,
    newFlow: (type: FlowType) => StoredFlow,
  ): Promise<Response> => {
    let used;
    try {
      used = deps.codes.consumeToken('recovery_link', flow.id, token);
    } catch {
      return linkRetry(flows, c, newFlow, 'browser', { message: recoveryTokenInvalidOrAlreadyUsed() });
    }
    const now = deps.clock.now();
    if (new Date(used.expires_at).getTime() < now.getTime()) {
      const expired = recoveryFlowExpired(new Date(used.expires_at), now);
      return linkRetry(flows, c, newFlow, 'browser', { message: expired });
    }
    const identity = used.identity_id
      ? deps.identityPersister.getIdentity(used.identity_id, { withCredentials: true })
      : undefined;
    if (!identity) throw keepEmail(c, flow, undefined, noRows());
    if (used.code_type === CODE_TYPE_SELF_SERVICE) markRecoveryAddressVerified(deps, identity, used);
    return completeRecovery(deps, c, flow, identity, 'link');
  };

  return strategy;
}
