// Code recovery, v1 (selfservice/strategy/code/strategy_recovery.go): the email address, then the
// six-digit code (resend: the `email` button submits the address again, which replaces earlier codes).
// Unknown addresses get the same answer and no mail (unless `notify_unknown_recipients`). A wrong code
// answers 4060006; past `max_submissions` the flow restarts with "The request was submitted too often";
// a right one passes the challenge (flow/recovery/complete.ts).
import type { Context } from 'hono';
import { alreadySignedInResponse } from '../../flow/recovery/signed-in';
import { noRows } from '../../../errors/errors';
import type { Identity } from '../../../identity/model';
import type { SessionManager } from '../../../session/manager';
import { requestInfo } from '../../../session/manager';
import {
  recoveryCodeInvalidOrAlreadyUsed,
  recoveryEmailWithCodeSent,
  recoveryRetrySuccess,
  recoveryStateFailure,
} from '../../../text/recovery';
import {
  addMessage,
  appendNode,
  clearMessages,
  newContainer,
  setCsrf,
  setMessage,
  upsertNode,
} from '../../../ui/container';
import { methodEnabled } from '../../flow/config';
import { methodDisabled } from '../../flow/errors';
import type { FlowType, StoredFlow } from '../../flow/model';
import { completeRecovery, type RecoveryCompletionDeps } from '../../flow/recovery/complete';
import type { RecoveryFlowManager } from '../../flow/recovery/manager';
import { decodeMethodBody, type MethodBody } from '../../flow/recovery/method-body';
import { codeRetry } from '../../flow/recovery/retry';
import { type RecoveryStrategy, SKIP_CSRF_CHECK } from '../../flow/recovery/strategy';
import { NOT_RESPONSIBLE, type NotResponsible } from '../../flow/strategy';
import { requiredFields } from '../../flow/ui-error';
import { csrfFor, saveFlow } from '../../flow/verification/respond';
import { codeNotFound, isCodeError } from './codes';
import { CODE_TYPE_SELF_SERVICE, type StoredCode } from './persister';
import { sendRecoveryCode, type RecoveryCodeSenderDeps } from './recovery-sender';
import {
  addressInput,
  continueButton,
  hiddenMethod,
  recoveryCodeInput,
  resendButton,
} from './recovery-nodes';

export interface CodeRecoveryDeps extends RecoveryCodeSenderDeps, RecoveryCompletionDeps {
  sessionManager: SessionManager;
  recoveryFlows(): RecoveryFlowManager;
}

export function codeRecoveryStrategy(deps: CodeRecoveryDeps): RecoveryStrategy {
  const { flows } = deps;

  const strategy: RecoveryStrategy = {
    id: 'code',
    group: 'code',

    populateRecovery(_c, flow) {
      setCsrf(flow.ui, flow.csrf_token);
      upsertNode(flow.ui, addressInput('code', undefined));
      appendNode(flow.ui, continueButton());
    },

    async recover(c, flow): Promise<Response | NotResponsible | undefined> {
      if (flow.active !== 'code') return NOT_RESPONSIBLE;
      const { body, json } = await decodeMethodBody(c, 'recovery');
      if (body.transient_payload) flow.transient_payload = body.transient_payload;
      const newFlow = (type: FlowType): StoredFlow => deps.recoveryFlows().newFlow(c, type, { strategy });

      if (flow.internal[SKIP_CSRF_CHECK] !== true) {
        try {
          flows.ensureCsrf(c, flow, body.csrf_token, json);
        } catch (err) {
          return codeRetry(flows, c, newFlow, 'browser', { error: err });
        }
      }
      clearMessages(flow.ui);

      if (flow.state !== 'choose_method' && !body.email) {
        if (!methodEnabled(flows.config, 'code')) throw methodDisabled();
        return useCode(c, flow, body.code ?? '', newFlow);
      }

      const session = deps.sessionManager.optionalFromRequest(requestInfo(c));
      if (session) return alreadySignedIn(c);

      if (body.method !== 'code') return NOT_RESPONSIBLE;
      if (!methodEnabled(flows.config, 'code')) throw methodDisabled();
      switch (flow.state) {
        case 'choose_method':
        case 'sent_email':
          return sendCode(c, flow, body, json);
        case 'passed_challenge':
          return codeRetry(flows, c, newFlow, flow.type, { message: recoveryRetrySuccess() });
        default:
          return codeRetry(flows, c, newFlow, flow.type, { message: recoveryStateFailure() });
      }
    },
  };

  const alreadySignedIn = (c: Context): Response => alreadySignedInResponse(flows, c);

  /** HandleRecoveryError: the email input keeps what was typed. */
  const keepEmail = (c: Context, flow: StoredFlow, email: string | undefined, err: unknown): unknown => {
    setCsrf(flow.ui, csrfFor(flows, c, flow));
    upsertNode(flow.ui, addressInput('code', email ?? ''));
    return err;
  };

  /** recoveryHandleFormSubmission: (re)send a code and show the code form. */
  const sendCode = async (
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
    deps.codes.deleteCodes('recovery', flow.id);
    await sendRecoveryCode(deps, flow, 'email', body.email);

    flow.ui = newContainer(flow.ui.action);
    setCsrf(flow.ui, csrfFor(flows, c, flow));
    flow.active = 'code';
    flow.state = 'sent_email';
    setMessage(flow.ui, recoveryEmailWithCodeSent());
    appendNode(flow.ui, recoveryCodeInput());
    appendNode(flow.ui, hiddenMethod());
    appendNode(flow.ui, continueButton());
    appendNode(flow.ui, resendButton('email', body.email));
    saveFlow(flows, flow);
    return undefined;
  };

  /** recoveryUseCode. */
  const useCode = async (
    c: Context,
    flow: StoredFlow,
    code: string,
    newFlow: (type: FlowType) => StoredFlow,
  ): Promise<Response> => {
    let used: StoredCode;
    try {
      used = deps.codes.use('recovery', flow.id, code);
    } catch (err) {
      if (!isCodeError(err, codeNotFound)) return codeRetry(flows, c, newFlow, flow.type, { error: err });
      clearMessages(flow.ui);
      addMessage(flow.ui, recoveryCodeInvalidOrAlreadyUsed());
      saveFlow(flows, flow);
      if (flow.type === 'browser' && !flows.isJson(c)) return c.redirect(flows.uiLocation(flow), 303);
      return flows.json(c, flow, 200);
    }
    const identity = used.identity_id
      ? deps.identityPersister.getIdentity(used.identity_id, { withCredentials: true })
      : undefined;
    if (!identity) throw keepEmail(c, flow, undefined, noRows());
    if (used.code_type === CODE_TYPE_SELF_SERVICE) markRecoveryAddressVerified(deps, identity, used);
    return completeRecovery(deps, c, flow, identity, 'code');
  };

  return strategy;
}

/**
 * markRecoveryAddressVerified: the address the code went to proved to be the user's, so verifiable
 * addresses with the same value count as verified.
 */
export function markRecoveryAddressVerified(
  deps: Pick<RecoveryCodeSenderDeps, 'addressPersister' | 'clock'>,
  identity: Identity,
  used: StoredCode,
): void {
  const recoveryAddress = used.address_id
    ? deps.addressPersister.getRecoveryAddress(used.address_id)
    : undefined;
  if (!recoveryAddress) return;
  const now = deps.clock.now().toISOString();
  for (const a of identity.verifiable_addresses) {
    if (a.value !== recoveryAddress.value) continue;
    a.verified = true;
    a.verified_at = now;
    a.status = 'completed';
    a.updated_at = now;
    deps.addressPersister.updateVerifiableAddress(a);
  }
}
