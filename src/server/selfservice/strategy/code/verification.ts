// Code verification (selfservice/strategy/code/strategy_verification.go): the address, then the six-digit
// code; the email also links to `GET /self-service/verification?flow=&code=`, which fills the code in and
// sends the browser to the UI. A correct code marks the address verified and turns the form into a
// "continue" link (ui.method GET). Wrong codes answer 4070006; past `max_submissions` the flow restarts.
import type { Context } from 'hono';
import type { Csrf } from '../../../http/csrf';
import type { Identity } from '../../../identity/model';
import type { IdentityPersister } from '../../../identity/persister';
import { nodeLabelContinue } from '../../../text/node';
import {
  verificationCodeInvalidOrAlreadyUsed,
  verificationCodeSent,
  verificationFlowExpired,
  verificationPhoneSuccessful,
  verificationRetrySuccess,
  verificationStateFailure,
  verificationSuccessful,
} from '../../../text/verification';
import {
  appendNode,
  clearMessages,
  findNode,
  newContainer,
  removeNodes,
  setCsrf,
  setMessage,
  setNodeValue,
  upsertNode,
} from '../../../ui/container';
import { aNode } from '../../../ui/nodes';
import { methodDisabled } from '../../flow/errors';
import type { FlowType, StoredFlow } from '../../flow/model';
import { hasSmsChannel, methodEnabled } from '../../flow/recovery/config';
import { decodeMethodBody, type MethodBody } from '../../flow/recovery/method-body';
import type { FlowService } from '../../flow/service';
import { NOT_RESPONSIBLE, type NotResponsible } from '../../flow/strategy';
import { requiredFields } from '../../flow/ui-error';
import type { AddressPersister, OwnedVerifiableAddress } from '../../flow/verification/addresses';
import type { VerificationFlowManager } from '../../flow/verification/manager';
import {
  answerWithMessage,
  codeRetryWithError,
  codeRetryWithMessage,
  csrfFor,
  saveFlow,
} from '../../flow/verification/respond';
import type { VerificationStrategy } from '../../flow/verification/strategy';
import { codeNotFound, isCodeError, type OneTimeCodes } from './codes';
import {
  addressInput,
  continueButton,
  hiddenMethod,
  resendButton,
  verificationCodeInput,
} from './recovery-nodes';
import {
  inferChannel,
  issueAndSendVerificationCode,
  sendVerificationCode,
  type VerificationCodeSenderDeps,
} from './verification-sender';

export interface CodeVerificationDeps extends VerificationCodeSenderDeps {
  flows: FlowService;
  csrf: Csrf;
  codes: OneTimeCodes;
  addressPersister: AddressPersister;
  identityPersister: IdentityPersister;
  verificationFlows(): VerificationFlowManager;
  /** The post-verification hooks (none are built in; `web_hook` is not emulated yet). */
  afterVerification?(c: Context, flow: StoredFlow, identity: Identity): Promise<void>;
}

export function codeVerificationStrategy(deps: CodeVerificationDeps): VerificationStrategy {
  const { flows } = deps;

  /** PopulateMethod for verification flows. */
  const populate = (c: Context, flow: StoredFlow): void => {
    clearMessages(flow.ui);
    if (flow.state === 'sent_email') {
      // populateEmailSentFlow: a fresh form with the code input.
      removeNodes(flow.ui, () => true);
      upsertNode(flow.ui, hiddenMethod());
      appendNode(flow.ui, verificationCodeInput());
      appendNode(flow.ui, continueButton());
      setMessage(flow.ui, verificationCodeSent('email'));
    } else {
      appendNode(flow.ui, addressInput('code', undefined, hasSmsChannel(flows.config)));
      appendNode(flow.ui, continueButton());
    }
    if (flow.type === 'browser') setCsrf(flow.ui, flow.csrf_token);
  };

  const strategy: VerificationStrategy = {
    id: 'code',
    group: 'code',
    populateVerification: populate,

    async verify(c, flow): Promise<Response | NotResponsible | undefined> {
      // handleVerificationError: the address input keeps what was typed.
      const keep = (body: MethodBody | undefined, err: unknown): unknown => {
        setCsrf(flow.ui, csrfFor(flows, c, flow));
        upsertNode(flow.ui, addressInput('code', body?.email ?? '', hasSmsChannel(flows.config)));
        return err;
      };
      const { body, json } = await decodeMethodBody(c, 'verification-code');
      if (body.transient_payload) flow.transient_payload = body.transient_payload;
      const method = body.method || (body.code ? 'code' : '');
      if (method !== 'code') {
        keep(body, undefined);
        return NOT_RESPONSIBLE;
      }
      if (!methodEnabled(flows.config, 'code')) throw keep(body, methodDisabled());
      const newFlow = (type: FlowType): StoredFlow =>
        deps.verificationFlows().newFlow(c, type, { strategies: [strategy] });

      if (flow.state === 'passed_challenge') {
        return codeRetryWithMessage(flows, c, newFlow, flow.type, verificationRetrySuccess());
      }
      if (flow.state !== 'choose_method' && flow.state !== 'sent_email') {
        return codeRetryWithMessage(flows, c, newFlow, flow.type, verificationStateFailure());
      }

      if (body.code) {
        if (c.req.method === 'GET') return linkClick(c, flow, body.code);
        return useCode(c, flow, body.code, newFlow);
      }
      if (!body.email) throw keep(body, requiredFields(['email']));
      try {
        flows.ensureCsrf(c, flow, body.csrf_token, json);
      } catch (err) {
        throw keep(body, err);
      }
      deps.codes.deleteCodes('verification', flow.id);
      const via = inferChannel(body.email);
      await sendVerificationCode(deps, flow, via, body.email);
      flow.state = 'sent_email';
      populate(c, flow);
      setMessage(flow.ui, verificationCodeSent(via));
      appendNode(flow.ui, resendButton('email', body.email));
      saveFlow(flows, flow);
      return undefined;
    },

    async sendVerificationCode(_c, flow, identity, address: OwnedVerifiableAddress) {
      await issueAndSendVerificationCode(deps, flow, identity, address);
    },
  };

  /** handleLinkClick: the code from the email fills the form, bound to this browser's CSRF cookie. */
  const linkClick = (c: Context, flow: StoredFlow, code: string): Response => {
    if (findNode(flow.ui, 'code')) setNodeValue(flow.ui, 'code', code);
    flow.csrf_token = flows.csrfToken(c);
    setCsrf(flow.ui, flow.csrf_token);
    saveFlow(flows, flow);
    return c.redirect(flows.uiLocation(flow), 303);
  };

  const useCode = async (
    c: Context,
    flow: StoredFlow,
    code: string,
    newFlow: (type: FlowType) => StoredFlow,
  ): Promise<Response | undefined> => {
    let used;
    try {
      used = deps.codes.use('verification', flow.id, code);
    } catch (err) {
      if (isCodeError(err, codeNotFound)) {
        return answerWithMessage(flows, c, flow, verificationCodeInvalidOrAlreadyUsed(), 200);
      }
      return codeRetryWithError(flows, c, newFlow, flow.type, err, verificationFlowExpired);
    }
    const address = used.address_id ? deps.addressPersister.getVerifiableAddress(used.address_id) : undefined;
    const identity = address ? deps.identityPersister.getIdentity(address.identity_id) : undefined;
    if (!address || !identity) {
      return answerWithMessage(flows, c, flow, verificationCodeInvalidOrAlreadyUsed(), 200);
    }
    const now = deps.clock.now().toISOString();
    deps.addressPersister.updateVerifiableAddress({
      ...address,
      verified: true,
      verified_at: now,
      status: 'completed',
      updated_at: now,
    });
    completeVerification(deps, c, flow, address.via, 'code');
    await deps.afterVerification?.(c, flow, identity);
    return undefined;
  };

  return strategy;
}

/**
 * The verified state: the form becomes a GET to the continue URL with one "Continue" link, and the flow
 * carries 1080002 (1080005 for a phone number).
 */
export function completeVerification(
  deps: { flows: FlowService; verificationFlows(): VerificationFlowManager },
  c: Context,
  flow: StoredFlow,
  via: string,
  group: 'code' | 'link',
): void {
  const { flows } = deps;
  const returnTo = deps.verificationFlows().continueUrl(flow).toString();
  flow.ui = newContainer(returnTo, 'GET');
  flow.state = 'passed_challenge';
  flow.csrf_token = csrfFor(flows, c, flow);
  setCsrf(flow.ui, flow.csrf_token);
  setMessage(flow.ui, via === 'sms' ? verificationPhoneSuccessful() : verificationSuccessful());
  appendNode(flow.ui, aNode(group, 'continue', returnTo, nodeLabelContinue(), nodeLabelContinue()));
  saveFlow(flows, flow);
}
