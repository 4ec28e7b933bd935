// `require_verified_address` (selfservice/hook/require_verified_address.go): a sign-in only succeeds once
// one of the identity's verifiable addresses is verified. Otherwise a verification flow is started (code or
// link sent, address `sent`) and the sign-in ends without a session: JSON clients get 403
// session_verified_address_required with a `show_verification_ui` continue_with, browsers are sent to the
// verification UI. With `feature_flags.legacy_require_verified_login_error` password sign-ins get the form
// message 4000010 instead (other methods are not checked).
import type { Context } from 'hono';
import { internal, KratosError } from '../../errors/errors';
import type { Identity } from '../../identity/model';
import type { SessionPersister } from '../../session/persister';
import type { Session } from '../../session/model';
import { addressNotVerified } from '../../text/credentials';
import { verificationCodeSent } from '../../text/verification';
import { appendNode, setMessage } from '../../ui/container';
import type { StoredFlow } from '../flow/model';
import { legacyRequireVerifiedLoginError } from '../flow/recovery/config';
import type { FlowService } from '../flow/service';
import { uiError } from '../flow/ui-error';
import type { AddressPersister } from '../flow/verification/addresses';
import type { VerificationFlowManager } from '../flow/verification/manager';
import { isBrowserRequest, saveFlow } from '../flow/verification/respond';
import { resendButton } from '../strategy/code/recovery-nodes';
import type { PostLoginHook } from './hook';
import { showVerificationUi } from './verification';

export interface RequireVerifiedAddressDeps {
  flows: FlowService;
  sessionPersister: SessionPersister;
  addressPersister: AddressPersister;
  verificationFlows(): VerificationFlowManager;
}

/** login.ErrAddressNotVerified, answered with 403 and where to verify. */
function addressNotVerifiedError(continueWith: unknown[]): KratosError {
  return new KratosError({
    status: 403,
    id: 'session_verified_address_required',
    message: 'your email or phone address is not yet verified',
    reason:
      "Your account's email or phone address are not verified yet. Please check your email or phone inbox or re-request verification.",
    details: { continue_with: continueWith },
  });
}

export function requireVerifiedAddressHook(deps: RequireVerifiedAddressDeps): PostLoginHook {
  const { flows } = deps;

  /** The sign-in did not happen: no session, and the flow can be submitted again. */
  const abort = (flow: StoredFlow, session: Session, freshSession: boolean | undefined): void => {
    flow.state = 'choose_method';
    flows.save(flow);
    if (freshSession) deps.sessionPersister.deleteSessions({ ids: [session.id] });
  };

  const startVerification = async (
    c: Context,
    flow: StoredFlow,
    identity: Identity,
  ): Promise<{ id: string; url: string; address: string } | undefined> => {
    const { active, primary } = deps.verificationFlows().active();
    for (const address of identity.verifiable_addresses) {
      if (!address.value) continue;
      const verification = deps.verificationFlows().newPostHookFlow(c, flow, active);
      verification.state = 'sent_email';
      for (const s of active) {
        verification.active = s.group;
        s.populateVerification(c, verification);
      }
      if (primary.group === 'code') setMessage(verification.ui, verificationCodeSent(address.via));
      appendNode(verification.ui, resendButton(address.via, address.value));
      saveFlow(flows, verification);
      await primary.sendVerificationCode(c, verification, identity, { ...address, identity_id: identity.id });
      address.status = 'sent';
      address.updated_at = flows.now().toISOString();
      deps.addressPersister.updateVerifiableAddress(address);
      return { id: verification.id, url: flows.uiLocation(verification), address: address.value };
    }
    return undefined;
  };

  return {
    async executeLoginPostHook({ c, flow, identity, session, freshSession }) {
      const legacy = legacyRequireVerifiedLoginError(flows.config);
      if (legacy && flow.active !== 'password') return undefined;
      if (identity.verifiable_addresses.length === 0) {
        abort(flow, session, freshSession);
        throw internal(
          'A misconfiguration prevents login. Expected to find a verification address but this identity does not have one assigned.',
        );
      }
      if (identity.verifiable_addresses.some((a) => a.verified)) return undefined;
      if (legacy) {
        abort(flow, session, freshSession);
        throw uiError(addressNotVerified());
      }
      const started = await startVerification(c, flow, identity);
      abort(flow, session, freshSession);
      if (!started) throw uiError(addressNotVerified());
      const next = showVerificationUi(started.id, started.address, started.url);
      flow.continue_with = [...(flow.continue_with ?? []), next];
      if (flows.isJson(c)) return c.json(addressNotVerifiedError([next]).toJSON(), 403);
      if (isBrowserRequest(c)) return c.redirect(started.url, 303);
      return c.body(null, 200);
    },
  };
}
