// Link verification (selfservice/strategy/link/strategy_verification.go): the address, then an email with a
// link `GET /self-service/verification?flow=&token=` that verifies the address directly. An unknown or
// used token restarts the flow with 4070001, an expired one with 4070005.
import type { Context } from 'hono';
import type { Csrf } from '../../../http/csrf';
import type { Identity } from '../../../identity/model';
import {
  verificationEmailSent,
  verificationFlowExpired,
  verificationRetrySuccess,
  verificationStateFailure,
  verificationTokenInvalidOrAlreadyUsed,
} from '../../../text/verification';
import { appendNode, setCsrf, setMessage, upsertNode } from '../../../ui/container';
import { methodDisabled } from '../../flow/errors';
import type { FlowType, StoredFlow } from '../../flow/model';
import { methodEnabled } from '../../flow/recovery/config';
import { decodeMethodBody, type MethodBody } from '../../flow/recovery/method-body';
import type { FlowService } from '../../flow/service';
import { NOT_RESPONSIBLE, type NotResponsible } from '../../flow/strategy';
import { requiredFields } from '../../flow/ui-error';
import type { VerificationFlowManager } from '../../flow/verification/manager';
import { linkRetryWithMessage, csrfFor, saveFlow } from '../../flow/verification/respond';
import type { VerificationStrategy } from '../../flow/verification/strategy';
import { completeVerification } from '../code/verification';
import { linkEmailInput, linkSubmit } from './nodes';
import { type LinkSenderDeps, sendVerificationLink, sendVerificationLinkTo } from './sender';

export interface LinkVerificationDeps extends LinkSenderDeps {
  flows: FlowService;
  csrf: Csrf;
  verificationFlows(): VerificationFlowManager;
  afterVerification?(c: Context, flow: StoredFlow, identity: Identity): Promise<void>;
}

export function linkVerificationStrategy(deps: LinkVerificationDeps): VerificationStrategy {
  const { flows } = deps;

  const populate = (_c: Context, flow: StoredFlow): void => {
    setCsrf(flow.ui, flow.csrf_token);
    upsertNode(flow.ui, linkEmailInput());
    appendNode(flow.ui, linkSubmit());
  };

  const strategy: VerificationStrategy = {
    id: 'link',
    group: 'link',
    populateVerification: populate,

    async verify(c, flow): Promise<Response | NotResponsible | undefined> {
      // handleVerificationError: the email input keeps what was typed.
      const keep = (body: MethodBody | undefined, err: unknown): unknown => {
        setCsrf(flow.ui, csrfFor(flows, c, flow));
        upsertNode(flow.ui, linkEmailInput(body?.email ?? ''));
        return err;
      };
      const { body, json } = await decodeMethodBody(c, 'verification-link');
      if (body.transient_payload) flow.transient_payload = body.transient_payload;
      const newFlow = (type: FlowType): StoredFlow =>
        deps.verificationFlows().newFlow(c, type, { strategies: [strategy] });

      if (body.token) {
        if (!methodEnabled(flows.config, 'link')) throw methodDisabled();
        return useToken(c, flow, body.token, newFlow);
      }
      if (body.method !== 'link') {
        keep(body, undefined);
        return NOT_RESPONSIBLE;
      }
      if (!methodEnabled(flows.config, 'link')) throw keep(body, methodDisabled());
      if (flow.state === 'passed_challenge') {
        return linkRetryWithMessage(flows, c, newFlow, flow.type, verificationRetrySuccess());
      }
      if (flow.state !== 'choose_method' && flow.state !== 'sent_email') {
        return linkRetryWithMessage(flows, c, newFlow, flow.type, verificationStateFailure());
      }
      if (!body.email) throw keep(body, requiredFields(['email']));
      try {
        flows.ensureCsrf(c, flow, body.csrf_token, json);
      } catch (err) {
        throw keep(body, err);
      }
      await sendVerificationLink(deps, flow, 'email', body.email);
      setCsrf(flow.ui, csrfFor(flows, c, flow));
      upsertNode(flow.ui, linkEmailInput(body.email));
      flow.active = 'link';
      flow.state = 'sent_email';
      setMessage(flow.ui, verificationEmailSent());
      saveFlow(flows, flow);
      return undefined;
    },

    async sendVerificationCode(_c, flow, identity, address) {
      await sendVerificationLinkTo(deps, flow, identity, address);
    },
  };

  const useToken = async (
    c: Context,
    flow: StoredFlow,
    token: string,
    newFlow: (type: FlowType) => StoredFlow,
  ): Promise<Response | undefined> => {
    let used;
    try {
      used = deps.codes.consumeToken('verification_link', flow.id, token);
    } catch {
      return linkRetryWithMessage(flows, c, newFlow, 'browser', verificationTokenInvalidOrAlreadyUsed());
    }
    const now = deps.clock.now();
    if (new Date(used.expires_at).getTime() < now.getTime()) {
      const expired = verificationFlowExpired(new Date(used.expires_at), now);
      return linkRetryWithMessage(flows, c, newFlow, 'browser', expired);
    }
    const address = used.address_id ? deps.addressPersister.getVerifiableAddress(used.address_id) : undefined;
    const identity = address ? deps.identityPersister.getIdentity(address.identity_id) : undefined;
    if (!address || !identity) {
      return linkRetryWithMessage(flows, c, newFlow, 'browser', verificationTokenInvalidOrAlreadyUsed());
    }
    const at = now.toISOString();
    deps.addressPersister.updateVerifiableAddress({
      ...address,
      verified: true,
      verified_at: at,
      status: 'completed',
      updated_at: at,
    });
    completeVerification(deps, c, flow, address.via, 'link');
    await deps.afterVerification?.(c, flow, identity);
    return undefined;
  };

  return strategy;
}
